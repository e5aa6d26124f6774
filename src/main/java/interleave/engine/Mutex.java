package interleave.engine;

import interleave.trace.ObjectType;

import java.util.List;

/** The rules Lock and RLock share: take it if free (or, for an RLock, if already ours), else queue and block. */
abstract class Mutex extends Queued implements Owned {
    Strand owner;
    int depth;

    Mutex(Kernel k, String name, ObjectType type) {
        super(k, name, type, 0);
    }

    abstract boolean reentrant();

    /** Python's rule: an acquire takes it at once if it is free, or (an RLock) already the caller's. */
    final boolean takesAtOnce(Strand me) {
        return owner == null || reentrant() && owner == me;
    }

    /** How deep {@code me} holds it (0: not at all). */
    final int depthHeldBy(Strand me) {
        return owner == me ? depth : 0;
    }

    private void takenBy(Strand me) {
        if (owner != me) {
            me.locksHeld++;
        }
        owner = me;
    }

    /** Takes it, waiting at most {@code seconds}: {@link Timeouts#FOREVER}, 0 (do not wait) or a timeout. */
    final boolean acquireWithin(double seconds) {
        Strand me = k.begin();
        try {
            if (takesAtOnce(me)) {
                takenBy(me);
                depth++;
                k.out.acquired(me, id, depth);
                k.commit(me);
                return true;
            }
            if (seconds == 0) {
                k.out.triedBusy(me, id, owner.id);
                k.commit(me);
                return false;
            }
            long deadline = k.deadline(seconds);
            k.out.blocked(me, id, owner.id);
            if (!awaitFree(me, deadline, Strand.State.BLOCKED, () -> owner == null,
                    () -> k.out.blocked(me, id, owner.id), () -> {
                        takenBy(me);
                        depth = 1;
                        k.out.acquired(me, id, depth);
                        k.commit(me);
                    })) {
                k.out.gaveUp(me, id, 0);
                k.commit(me);
                return false;
            }
            return true;
        } finally {
            k.leave(me);
        }
    }

    /**
     * Frees the lock and wakes the first waiter, which takes it when it next runs if it is still free. As in
     * CPython, the releasing thread keeps running and may take the lock again first (no hand-off): a hand-off
     * would force a context switch at every contended release, which CPython does not do.
     */
    final void releaseAndWakeOne() {
        if (owner != null) {
            owner.locksHeld--;
        }
        owner = null;
        depth = 0;
        Strand next = waiters.poll();
        if (next != null) {
            k.wake(next, id, 0);
        }
    }

    @Override
    public void acquire() {
        acquireWithin(Timeouts.FOREVER);
    }

    @Override
    public boolean tryAcquire() {
        return acquireWithin(0);
    }

    @Override
    public boolean acquire(double timeoutSeconds) {
        return acquire(true, timeoutSeconds);
    }

    @Override
    public boolean acquire(boolean blocking, double timeoutSeconds) {
        return acquireWithin(Timeouts.lockAcquire(blocking, timeoutSeconds));
    }

    @Override
    public List<Strand> holders() {
        Strand o = owner;
        return o == null ? List.of() : List.of(o);
    }

    @Override
    public int releaseAll(Strand me) {
        int saved = depth;
        k.out.released(me, id, 0);
        releaseAndWakeOne();
        return saved;
    }

    @Override
    public void reacquire(Strand me, int savedDepth) {
        acquireWithin(Timeouts.FOREVER);
        depth = savedDepth; // only the owner changes it, and the owner is this thread
    }
}
