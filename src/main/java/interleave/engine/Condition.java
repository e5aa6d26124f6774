package interleave.engine;

import java.util.function.BooleanSupplier;

/**
 * {@code threading.Condition(lock)}: {@code await} releases the lock, blocks until notified, and re-acquires
 * the lock before it returns. Called without holding the lock, await and notify raise RuntimeError.
 */
public interface Condition extends Acquirable {
    /** Waits for a notify; returns true. */
    boolean await();

    /** Waits at most {@code timeoutSeconds}; false if it timed out (t &lt;= 0 and NaN do not wait, as in CPython). */
    boolean await(double timeoutSeconds);

    /** Waits until the predicate holds (re-checked after every wake-up); returns the predicate's last value. */
    default boolean awaitFor(BooleanSupplier predicate) {
        boolean ok = predicate.getAsBoolean();
        while (!ok) {
            await();
            ok = predicate.getAsBoolean();
        }
        return ok;
    }

    /** {@code wait_for(predicate, timeout)}: gives up when the timeout expires; returns the predicate's last value. */
    boolean awaitFor(BooleanSupplier predicate, double timeoutSeconds);

    void notifyOne();

    void notify(int n);

    /** {@code notify_all} (Object.notifyAll is taken). */
    void notifyAllWaiters();
}
