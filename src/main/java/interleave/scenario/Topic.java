package interleave.scenario;

/** The picker's groups. */
public enum Topic {
    THREADS, LOCKS_AND_RACES, COORDINATION, PERFORMANCE, PROCESSES_AND_COROUTINES,
    /** Python programs the user opened (no built-in demo is in it). */
    YOUR_PROGRAMS;

    public String key() {
        return "topic." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
