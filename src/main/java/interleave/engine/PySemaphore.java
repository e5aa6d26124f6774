package interleave.engine;

import interleave.trace.ObjectType;
import interleave.trace.Trace;

import java.util.ArrayList;
import java.util.List;

/** {@code threading.Semaphore} and {@code BoundedSemaphore}: a counter; acquire blocks at 0. */
final class PySemaphore extends Queued implements Semaphore {
    private final int initial;
    private final boolean bounded;
    /** Permits each thread holds, for the wait-for graph and the CPU view ("held by"). */
    private final int[] held = new int[Trace.MAX_THREADS + 1];
    private int value;

    PySemaphore(Kernel k, String name, int value, boolean bounded) {
        super(k, name, bounded ? ObjectType.BOUNDED_SEMAPHORE : ObjectType.SEMAPHORE, checked(value));
        this.initial = value;
        this.value = value;
        this.bounded = bounded;
    }

    private static int checked(int v) {
        if (v < 0) {
            throw PyErrors.semaphoreNegative();
        }
        return v;
    }

    /** Takes a permit, waiting at most {@code seconds} ({@link Timeouts#FOREVER}, 0: not at all). */
    private boolean acquireWithin(double seconds) {
        Strand me = k.begin();
        try {
            if (value > 0) {
                take(me);
                return true;
            }
            if (seconds == 0) {
                k.out.triedBusy(me, id, -1);
                k.commit(me);
                return false;
            }
            long deadline = k.deadline(seconds); // too large: OverflowError, only when it must wait, as CPython
            k.out.blocked(me, id, -1);
            if (!awaitFree(me, deadline, Strand.State.BLOCKED, () -> value > 0,
                    () -> k.out.blocked(me, id, -1))) {
                k.out.gaveUp(me, id, value);
                k.commit(me);
                return false;
            }
            take(me);
            return true;
        } finally {
            k.leave(me);
        }
    }

    private void take(Strand me) {
        value--;
        held[me.id]++;
        k.out.acquired(me, id, value);
        k.commit(me);
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
        return acquireWithin(Timeouts.semaphoreAcquire(timeoutSeconds));
    }

    @Override
    public boolean acquire(boolean blocking, double timeoutSeconds) {
        if (!blocking) {
            throw PyErrors.semaphoreTimeoutNonBlocking();
        }
        return acquire(timeoutSeconds);
    }

    @Override
    public void release() {
        release(1);
    }

    @Override
    public void release(int n) {
        Strand me = k.begin();
        try {
            if (n < 1) {
                throw PyErrors.releaseCountBelowOne();
            }
            if (bounded && (long) value + n > initial) {
                throw PyErrors.releasedTooManyTimes();
            }
            held[me.id] = Math.max(0, held[me.id] - n);
            value += n;
            k.out.released(me, id, value);
            waiters.wake(k, n, id, value); // each takes a permit when it runs, if nobody took it first
            k.commit(me);
        } finally {
            k.leave(me);
        }
    }

    @Override
    public int value() {
        return value;
    }

    @Override
    public List<Strand> holders() {
        List<Strand> out = new ArrayList<>();
        for (Strand t : k.strands()) {
            if (held[t.id] > 0 && t.isAlive()) {
                out.add(t);
            }
        }
        return out;
    }
}
