package interleave.trace;

import java.util.Map;

/**
 * What produced a trace. Everything here is deterministic input, so two sim runs with the same header
 * write the same bytes. {@code timeUnit} is "tick" (one virtual microsecond) or "ns".
 */
public record TraceHeader(String scenario, String mode, int cores, int quantum, String policy, long seed,
                          Map<String, String> params, String timeUnit) {
    public static final int FORMAT_VERSION = 1;

    public TraceHeader {
        params = Map.copyOf(params);
    }

    public boolean virtualTime() {
        return "tick".equals(timeUnit);
    }

    /** Whether the system's own threads ran it (os mode): no cores, quantum, policy or seed of ours applied. */
    public boolean systemScheduled() {
        return "os".equals(mode);
    }
}
