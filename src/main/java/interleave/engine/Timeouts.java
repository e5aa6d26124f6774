package interleave.engine;

/**
 * Python's timeout arguments, checked and read as CPython 3.11 does. Each method turns a Python timeout into
 * seconds: {@link #FOREVER} for "no timeout", 0 for "do not wait", otherwise the timeout. A value above
 * {@link #TIMEOUT_MAX} is kept as it is: {@link #ticks} and {@link #nanos} raise OverflowError for it, when a
 * thread would actually have to wait (CPython checks it only then, e.g. in {@code Semaphore.acquire}).
 */
public final class Timeouts {
    /** {@code threading.TIMEOUT_MAX} on 64-bit Linux: the largest number of seconds in signed 64-bit nanoseconds. */
    public static final double TIMEOUT_MAX = 9223372036.0;
    /** Wait with no timeout. */
    public static final double FOREVER = -1;

    private Timeouts() {
    }

    /** {@code Lock.acquire(blocking, timeout)} and RLock's: -1 is no timeout; the C code checks everything first. */
    public static double lockAcquire(boolean blocking, double timeout) {
        if (Double.isNaN(timeout)) {
            throw PyErrors.nan();
        }
        if (Math.abs(timeout) > TIMEOUT_MAX) {
            throw PyErrors.timeoutTooLarge();
        }
        if (!blocking && timeout != -1) {
            throw PyErrors.lockTimeoutNonBlocking();
        }
        if (timeout < 0 && timeout != -1) {
            throw PyErrors.timeoutNegative();
        }
        return !blocking ? 0 : timeout == -1 ? FOREVER : timeout;
    }

    /**
     * {@code Semaphore.acquire(timeout=t)}: it passes t to {@code Condition.wait}, which does not wait for t &lt;= 0;
     * with NaN it never times out (CPython loops until a permit comes).
     */
    public static double semaphoreAcquire(double timeout) {
        if (Double.isNaN(timeout)) {
            return FOREVER;
        }
        return timeout <= 0 ? 0 : timeout;
    }

    /** {@code Semaphore.acquire(False, timeout)} is an error for any timeout. */
    public static ThreadingError semaphoreNonBlockingWithTimeout() {
        return PyErrors.semaphoreTimeoutNonBlocking();
    }

    /** {@code Event.wait(t)} and {@code Condition.wait(t)}: t &lt;= 0 and NaN return at once. */
    public static double waitTimeout(double timeout) {
        if (Double.isNaN(timeout) || timeout <= 0) {
            return 0;
        }
        return timeout;
    }

    /** {@code Thread.join(t)}: {@code max(t, 0)}, so NaN reaches the lock and is refused; -1 returns at once. */
    public static double joinTimeout(double timeout) {
        if (Double.isNaN(timeout)) {
            throw PyErrors.nan();
        }
        return Math.max(timeout, 0);
    }

    /** {@code time.sleep(t)}. */
    public static double sleepSeconds(double seconds) {
        if (Double.isNaN(seconds)) {
            throw PyErrors.nan();
        }
        if (Math.abs(seconds) > TIMEOUT_MAX) {
            throw PyErrors.timeoutTooLarge();
        }
        if (seconds < 0) {
            throw PyErrors.sleepNegative();
        }
        return seconds;
    }

    /** Virtual ticks (microseconds) of a checked timeout; -1 for {@link #FOREVER}. */
    static long ticks(double seconds) {
        if (seconds < 0) {
            return -1;
        }
        if (seconds > TIMEOUT_MAX) {
            throw PyErrors.timeoutTooLarge();
        }
        return Math.round(seconds * Kernel.TICKS_PER_SECOND);
    }

    /** Real nanoseconds of a checked timeout; -1 for {@link #FOREVER}. Below 2^62, so a deadline cannot overflow. */
    static long nanos(double seconds) {
        if (seconds < 0) {
            return -1;
        }
        if (seconds > TIMEOUT_MAX) {
            throw PyErrors.timeoutTooLarge();
        }
        return Math.min(Long.MAX_VALUE / 2, Math.round(seconds * 1e9));
    }
}
