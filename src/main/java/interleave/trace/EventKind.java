package interleave.trace;

/**
 * What happened at one trace event. {@link #point} marks the kinds that are scheduling points a worker
 * reaches by itself (a read, an acquire, a sleep, ...); the others are bookkeeping the scheduler writes
 * around them (a context switch, a wake-up, a deadlock report). A single step runs exactly one point.
 */
public enum EventKind {
    THREAD_START(true),
    THREAD_END(false),
    THREAD_KILLED(false),
    SPAWN(true),
    READ(true),
    WRITE(true),
    ACQUIRE(true),
    BLOCK(true),
    RELEASE(true),
    TRY_FAIL(true),
    TIMEOUT(true),
    EVENT_SET(true),
    EVENT_CLEAR(true),
    EVENT_WAIT(true),
    EVENT_DONE(true),
    COND_WAIT(true),
    COND_NOTIFY(true),
    SLEEP(true),
    YIELD(true),
    JOIN(true),
    JOINED(true),
    LOCAL_SET(true),
    LOCAL_GET(true),
    PRINT(true),
    ERROR(false),
    WAKE(false),
    SWITCH(false),
    PARAM(false),
    ACTION(false),
    DEADLOCK(false),
    STEP(true),
    /** A thread arrived at a barrier; value: how many have arrived this round. */
    BARRIER_WAIT(true),
    /** A thread passed the barrier; value: its arrival index. */
    BARRIER_PASS(true),
    /** reset() (value 0) or abort() (value 1). */
    BARRIER_RESET(true),
    /** value: the queue's size after the put. */
    QUEUE_PUT(true),
    /** value: the queue's size after the get. */
    QUEUE_GET(true),
    /** value: the tasks not yet done. */
    TASK_DONE(true),
    /** queue.join(); value: the tasks not yet done (0: returns at once). */
    QUEUE_JOIN(true),
    /** input() found no line typed yet: the thread waits for the keyboard; value: the prompt (a string id). */
    INPUT_WAIT(true),
    /** The user typed a line at the keyboard (the user's event, not a point); value: the line (a string id). */
    INPUT_TYPED(false),
    /** The waiting thread took the typed line; value: the line (a string id). */
    INPUT_READ(true),
    /**
     * A Python program wrote whole lines to stderr (logging's messages, print to sys.stderr); value: the lines
     * (a string id). A write that ends no line is a step: the lines are recorded where they end, as for PRINT.
     */
    STDERR(true),
    /** A thread unbound its own attribute of a threading.local ({@code del data.x}); value: unused. */
    LOCAL_DELETE(true);

    private static final EventKind[] VALUES = values();
    public final boolean point;

    EventKind(boolean point) {
        this.point = point;
    }

    public static EventKind of(int ordinal) {
        return VALUES[ordinal];
    }

    /** Lower-case name used in files and the JSON output. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static EventKind fromId(String id) {
        return valueOf(id.toUpperCase(java.util.Locale.ROOT));
    }
}
