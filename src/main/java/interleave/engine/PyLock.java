package interleave.engine;

import interleave.trace.ObjectType;

/** {@code threading.Lock}: not reentrant; any thread may release it; releasing it unlocked is an error. */
final class PyLock extends Mutex implements Lock {
    PyLock(Kernel k, String name) {
        super(k, name, ObjectType.LOCK);
    }

    @Override
    boolean reentrant() {
        return false;
    }

    @Override
    public void release() {
        Strand me = k.begin();
        try {
            if (owner == null) {
                throw PyErrors.releaseUnlocked();
            }
            k.out.released(me, id, 0);
            releaseAndWakeOne();
            k.commit(me);
        } finally {
            k.leave(me);
        }
    }

    @Override
    public boolean locked() {
        return owner != null;
    }

    @Override
    public boolean ownedBy(Strand t) {
        return owner != null; // a Lock has no owner in Python: whoever holds the lock may wait
    }
}
