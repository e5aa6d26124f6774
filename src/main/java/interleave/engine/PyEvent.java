package interleave.engine;

import interleave.trace.ObjectType;

/** {@code threading.Event}: a flag; wait blocks while it is false; set wakes every waiter. */
final class PyEvent extends Queued implements Event {
    private volatile boolean flag; // is_set() reads it with no scheduling point

    PyEvent(Kernel k, String name) {
        super(k, name, ObjectType.EVENT, 0);
    }

    @Override
    public void set() {
        Strand me = k.begin();
        try {
            flag = true;
            k.out.eventSet(me, id);
            waiters.wakeAll(k, id, 1);
            k.commit(me);
        } finally {
            k.leave(me);
        }
    }

    @Override
    public void clear() {
        Strand me = k.begin();
        try {
            flag = false;
            k.out.eventCleared(me, id);
            k.commit(me);
        } finally {
            k.leave(me);
        }
    }

    @Override
    public boolean isSet() {
        return flag;
    }

    @Override
    public boolean await() {
        return awaitWithin(Timeouts.FOREVER);
    }

    @Override
    public boolean await(double timeoutSeconds) {
        return awaitWithin(Timeouts.waitTimeout(timeoutSeconds));
    }

    /**
     * As CPython's {@code Event.wait}: true at once if the flag is set; else true if a set() wakes this waiter
     * (even if a clear() follows before it runs), false if the timeout expires first.
     */
    private boolean awaitWithin(double seconds) {
        Strand me = k.begin();
        try {
            boolean signaled = flag;
            long deadline = signaled || seconds == 0 ? -1 : k.deadline(seconds);
            k.out.eventWaited(me, id, signaled);
            if (!signaled && seconds != 0) {
                waiters.add(me);
                signaled = k.block(me, this, deadline, Strand.State.WAITING);
                k.out.waitEnded(me, id, signaled);
            }
            k.commit(me);
            return signaled;
        } finally {
            k.leave(me);
        }
    }
}
