package interleave.trace;

/** For tests: how many events of a kind a trace holds so far. */
public final class TraceCounts {
    private TraceCounts() {
    }

    public static long count(Trace t, EventKind kind) {
        long n = 0;
        for (long i = 0; i < t.size(); i++) {
            n += t.kind(i) == kind ? 1 : 0;
        }
        return n;
    }
}
