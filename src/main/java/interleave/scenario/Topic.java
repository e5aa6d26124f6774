package interleave.scenario;

/** The picker's groups. */
public enum Topic {
    THREADS, LOCKS_AND_RACES, COORDINATION, PERFORMANCE, PROCESSES_AND_COROUTINES;

    public String key() {
        return "topic." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
