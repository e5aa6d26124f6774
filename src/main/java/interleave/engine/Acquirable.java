package interleave.engine;

/** Something with Python's acquire/release protocol: Lock, RLock, Semaphore. */
public interface Acquirable {
    /** Blocks until acquired ({@code acquire()}). */
    void acquire();

    /** {@code acquire(blocking=False)}: takes it if free, never blocks. */
    boolean tryAcquire();

    /**
     * {@code acquire(timeout=t)}: false when the timeout (seconds) expires first. As in CPython, -1 means no
     * timeout for a Lock or an RLock, while a Semaphore does not wait for t &lt;= 0; see {@link Timeouts}.
     */
    boolean acquire(double timeoutSeconds);

    /** {@code acquire(blocking, timeout)}, with CPython's checks (e.g. {@code acquire(False, 1)} is a ValueError). */
    boolean acquire(boolean blocking, double timeoutSeconds);

    void release();

    String name();

    int id();
}
