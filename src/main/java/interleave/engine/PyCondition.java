package interleave.engine;

import interleave.trace.ObjectType;

import java.util.function.BooleanSupplier;

/**
 * {@code threading.Condition(lock)}: wait releases the lock, blocks until notified and takes the lock back
 * before it returns; wait and notify without holding the lock raise RuntimeError.
 */
final class PyCondition extends Queued implements Condition {
    private final Owned lock;

    PyCondition(Kernel k, String name, Owned lock) {
        super(k, name, ObjectType.CONDITION, 0);
        this.lock = lock;
    }

    Owned lock() {
        return lock;
    }

    int waiting() {
        return waiters.size();
    }

    @Override
    public void acquire() {
        lock.acquire();
    }

    @Override
    public boolean tryAcquire() {
        return lock.tryAcquire();
    }

    @Override
    public boolean acquire(double timeoutSeconds) {
        return lock.acquire(timeoutSeconds);
    }

    @Override
    public boolean acquire(boolean blocking, double timeoutSeconds) {
        return lock.acquire(blocking, timeoutSeconds);
    }

    @Override
    public void release() {
        lock.release();
    }

    @Override
    public boolean await() {
        return awaitWithin(Timeouts.FOREVER);
    }

    @Override
    public boolean await(double timeoutSeconds) {
        return awaitWithin(Timeouts.waitTimeout(timeoutSeconds));
    }

    /** Releases the lock, waits at most {@code seconds} (0: not at all, as CPython), takes the lock back. */
    private boolean awaitWithin(double seconds) {
        Strand me = k.begin();
        int depth;
        boolean notified = false;
        try {
            if (!lock.ownedBy(me)) {
                throw PyErrors.waitUnacquired();
            }
            long deadline = seconds == 0 ? -1 : k.deadline(seconds);
            k.out.conditionWaited(me, id);
            depth = lock.releaseAll(me);
            if (seconds != 0) {
                waiters.add(me);
                notified = k.block(me, this, deadline, Strand.State.WAITING);
            }
            k.out.waitEnded(me, id, notified);
            k.commit(me);
        } finally {
            k.leave(me);
        }
        lock.reacquire(me, depth);
        return notified;
    }

    @Override
    public boolean awaitFor(BooleanSupplier predicate, double timeoutSeconds) {
        return k.waitFor(this, predicate, timeoutSeconds);
    }

    @Override
    public void notifyOne() {
        notify(1);
    }

    @Override
    public void notify(int n) {
        Strand me = k.begin();
        try {
            if (!lock.ownedBy(me)) {
                throw PyErrors.notifyUnacquired();
            }
            int woken = waiters.wake(k, n, id, 1);
            k.out.notified(me, id, woken);
            k.commit(me);
        } finally {
            k.leave(me);
        }
    }

    @Override
    public void notifyAllWaiters() {
        notify(Integer.MAX_VALUE);
    }
}
