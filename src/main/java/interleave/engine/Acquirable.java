package interleave.engine;

/** Something with Python's acquire/release protocol: Lock, RLock, Semaphore. */
public interface Acquirable {
    /** Blocks until acquired ({@code acquire()}). */
    void acquire();

    /** {@code acquire(blocking=False)}: takes it if free, never blocks. */
    boolean tryAcquire();

    /** {@code acquire(timeout=t)}: false when the timeout (seconds) expires first. */
    boolean acquire(double timeoutSeconds);

    void release();

    String name();

    int id();
}
