package interleave.trace;

/** Why the scheduler took a core from one thread and gave it to another. */
public enum SwitchReason {
    /** The core was idle: nobody was running before. */
    IDLE,
    SLICE_OVER,
    BLOCKED,
    SLEEP,
    YIELD,
    FINISHED,
    PREEMPTED,
    /** The teacher picked the next thread by hand. */
    MANUAL,
    /** The running thread started another: CPython's start() waits until the new thread runs. */
    STARTED;

    private static final SwitchReason[] VALUES = values();

    public static SwitchReason of(int ordinal) {
        return VALUES[ordinal];
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
