package interleave.engine;

/** The exceptions CPython 3.11's threading module raises, worded as CPython words them: the one table of them. */
final class PyErrors {
    private PyErrors() {
    }

    static ThreadingError releaseUnlocked() {
        return new ThreadingError("RuntimeError", "release unlocked lock");
    }

    static ThreadingError releaseUnacquired() {
        return new ThreadingError("RuntimeError", "cannot release un-acquired lock");
    }

    static ThreadingError waitUnacquired() {
        return new ThreadingError("RuntimeError", "cannot wait on un-acquired lock");
    }

    static ThreadingError notifyUnacquired() {
        return new ThreadingError("RuntimeError", "cannot notify on un-acquired lock");
    }

    static ThreadingError startedTwice() {
        return new ThreadingError("RuntimeError", "threads can only be started once");
    }

    static ThreadingError joinCurrent() {
        return new ThreadingError("RuntimeError", "cannot join current thread");
    }

    static ThreadingError joinNotStarted() {
        return new ThreadingError("RuntimeError", "cannot join thread before it is started");
    }

    static ThreadingError daemonOfActiveThread() {
        return new ThreadingError("RuntimeError", "cannot set daemon status of active thread");
    }

    static ThreadingError noParties() {
        return new ThreadingError("ValueError", "parties must be > 0");
    }

    static ThreadingError semaphoreNegative() {
        return new ThreadingError("ValueError", "semaphore initial value must be >= 0");
    }

    static ThreadingError releaseCountBelowOne() {
        return new ThreadingError("ValueError", "n must be one or more");
    }

    static ThreadingError releasedTooManyTimes() {
        return new ThreadingError("ValueError", "Semaphore released too many times");
    }

    static ThreadingError noLocalAttribute(String name) {
        return new ThreadingError("AttributeError", "'_thread._local' object has no attribute '" + name + "'");
    }

    static ThreadingError actionCannotBlock() {
        return new ThreadingError("RuntimeError", "an action cannot block");
    }

    static ThreadingError nan() {
        return new ThreadingError("ValueError", "Invalid value NaN (not a number)");
    }

    static ThreadingError timeoutTooLarge() {
        return new ThreadingError("OverflowError", "timestamp out of range for platform time_t");
    }

    static ThreadingError lockTimeoutNonBlocking() {
        return new ThreadingError("ValueError", "can't specify a timeout for a non-blocking call");
    }

    static ThreadingError semaphoreTimeoutNonBlocking() {
        return new ThreadingError("ValueError", "can't specify timeout for non-blocking acquire");
    }

    static ThreadingError timeoutNegative() {
        return new ThreadingError("ValueError", "timeout value must be positive");
    }

    static ThreadingError sleepNegative() {
        return new ThreadingError("ValueError", "sleep length must be non-negative");
    }

    static ThreadingError brokenBarrier() {
        return new ThreadingError("BrokenBarrierError", "");
    }

    static ThreadingError barrierParties() {
        return new ThreadingError("ValueError", "parties must be > 0");
    }

    static ThreadingError queueEmpty() {
        return new ThreadingError("Empty", "");
    }

    static ThreadingError queueFull() {
        return new ThreadingError("Full", "");
    }

    static ThreadingError taskDoneTooOften() {
        return new ThreadingError("ValueError", "task_done() called too many times");
    }

    static ThreadingError queueTimeoutNegative() {
        return new ThreadingError("ValueError", "'timeout' must be a non-negative number");
    }
}
