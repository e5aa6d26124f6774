package interleave.engine;

/** {@code threading.Semaphore} and {@code BoundedSemaphore}: a counter; acquire blocks at 0. */
public interface Semaphore extends Acquirable {
    /** The current counter value. */
    int value();

    /** {@code release(n)}: adds n permits at once and wakes up to n waiters; n must be at least 1. */
    void release(int n);
}
