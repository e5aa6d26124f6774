package interleave.engine;

import interleave.trace.ObjectType;

/**
 * {@code threading.Barrier(parties, action, timeout)}, CPython 3.11's state machine: threads gather until
 * {@code parties} have called wait; the last one runs the action and releases them all. A timeout, an abort
 * or a failing action breaks the barrier (BrokenBarrierError for everyone waiting and arriving); reset
 * breaks it for those waiting and makes it usable again once they have left.
 */
final class PyBarrier extends Queued implements Barrier {
    /** CPython's _state: 0 filling, 1 draining, -1 resetting, -2 broken; and the action running (ours). */
    private enum Phase { FILLING, DRAINING, RESETTING, BROKEN, ACTION }

    private final int parties;
    private final Runnable action;
    /** The barrier's own timeout for wait(); null: none. */
    private final Double defaultTimeout;
    private Phase phase = Phase.FILLING;
    private int count;

    PyBarrier(Kernel k, String name, int parties, Runnable action, Double defaultTimeout) {
        super(k, name, ObjectType.BARRIER, parties);
        this.parties = parties;
        this.action = action;
        this.defaultTimeout = defaultTimeout;
    }

    @Override
    public int await() {
        return awaitWithin(defaultTimeout);
    }

    @Override
    public int await(double timeoutSeconds) {
        return awaitWithin(timeoutSeconds);
    }

    private int awaitWithin(Double timeout) {
        Strand me = k.begin();
        int index = -1;
        try {
            while (phase == Phase.DRAINING || phase == Phase.RESETTING || phase == Phase.ACTION) {
                k.out.blocked(me, id, -1); // the barrier is emptying: wait until it fills again
                conditionWait(me, -1);
            }
            if (phase == Phase.BROKEN) {
                throw PyErrors.brokenBarrier();
            }
            index = count++;
            k.out.barrierArrived(me, id, count);
            if (index + 1 == parties) {
                release();
            } else {
                awaitRelease(me, timeout);
            }
            k.out.barrierPassed(me, id, index);
            k.commit(me);
            return index;
        } finally {
            if (index >= 0) {
                count--;
                if (count == 0 && (phase == Phase.RESETTING || phase == Phase.DRAINING)) {
                    phase = Phase.FILLING; // the last one out: the barrier can fill again
                    waiters.wakeAll(k, id, 0);
                }
            }
            k.leave(me);
        }
    }

    /**
     * The last thread in runs the action, then lets everyone go. As in CPython the action runs while the
     * barrier is held: threads that arrive meanwhile wait for the next round.
     */
    private void release() {
        if (action != null) {
            phase = Phase.ACTION;
            try {
                action.run();
            } catch (RuntimeException e) {
                breakBarrier();
                throw e;
            }
        }
        phase = Phase.DRAINING;
        waiters.wakeAll(k, id, 1);
    }

    /**
     * CPython's {@code wait_for(state != filling, timeout)}: a timeout (also one of 0 or less, which does not
     * wait) breaks the barrier for everyone; a reset or an abort while waiting raises too.
     */
    private void awaitRelease(Strand me, Double timeout) {
        if (timeout != null && timeout.isNaN()) {
            throw PyErrors.nan();
        }
        long deadline = timeout == null || timeout <= 0 ? -1 : k.deadline(timeout);
        while (phase == Phase.FILLING || phase == Phase.ACTION) {
            if (timeout != null && timeout <= 0 || !conditionWait(me, deadline)) {
                breakBarrier(); // timed out: nobody comes through this round
                throw PyErrors.brokenBarrier();
            }
        }
        if (phase == Phase.BROKEN || phase == Phase.RESETTING) {
            throw PyErrors.brokenBarrier();
        }
    }

    private boolean conditionWait(Strand me, long deadline) {
        waiters.add(me);
        return k.block(me, this, deadline, Strand.State.WAITING);
    }

    private void breakBarrier() {
        phase = Phase.BROKEN;
        waiters.wakeAll(k, id, -1);
    }

    @Override
    public void reset() {
        Strand me = k.begin();
        try {
            if (count > 0) {
                if (phase == Phase.FILLING || phase == Phase.BROKEN) {
                    phase = Phase.RESETTING; // those waiting get BrokenBarrierError; it clears when the last leaves
                }
            } else {
                phase = Phase.FILLING;
            }
            waiters.wakeAll(k, id, -1);
            k.out.barrierReset(me, id, false);
            k.commit(me);
        } finally {
            k.leave(me);
        }
    }

    @Override
    public void abort() {
        Strand me = k.begin();
        try {
            breakBarrier();
            k.out.barrierReset(me, id, true);
            k.commit(me);
        } finally {
            k.leave(me);
        }
    }

    @Override
    public int parties() {
        return parties;
    }

    @Override
    public int waiting() {
        return phase == Phase.FILLING ? count : 0;
    }

    @Override
    public boolean broken() {
        return phase == Phase.BROKEN;
    }
}
