package interleave.trace;

/** What a thread is doing during an interval of the timeline. */
public enum ThreadState {
    NEW, READY, RUNNING, BLOCKED, WAITING, SLEEPING, FINISHED;

    private static final ThreadState[] VALUES = values();

    public static ThreadState of(int ordinal) {
        return VALUES[ordinal];
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
