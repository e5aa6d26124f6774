package interleave.trace;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the recorded run ended, as a trace file's header keeps it: the status ("finished", "deadlock",
 * "stopped", or "running" when it was saved mid-run), the scenario's result (in its own key order) and the
 * errors raised in worker threads. Files written before this was recorded have none.
 */
public record TraceOutcome(String status, Map<String, Object> result, List<String> errors) {
    public static final String FINISHED = "finished";
    public static final String DEADLOCK = "deadlock";
    public static final String STOPPED = "stopped";
    public static final String RUNNING = "running";

    public TraceOutcome {
        result = result == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(result));
        errors = errors == null ? List.of() : List.copyOf(errors);
    }
}
