package interleave.engine;

import interleave.trace.ObjectType;

/** {@code threading.RLock}: an owner and a recursion count; only the owner releases; free at count 0. */
final class PyRLock extends Mutex implements RLock {
    PyRLock(Kernel k, String name) {
        super(k, name, ObjectType.RLOCK);
    }

    @Override
    boolean reentrant() {
        return true;
    }

    @Override
    public void release() {
        Strand me = k.begin();
        try {
            if (owner != me) {
                throw PyErrors.releaseUnacquired();
            }
            depth--;
            k.out.released(me, id, depth);
            if (depth == 0) {
                releaseAndWakeOne();
            }
            k.commit(me);
        } finally {
            k.leave(me);
        }
    }

    @Override
    public boolean ownedBy(Strand t) {
        return owner == t;
    }

    @Override
    public boolean anyoneMayRelease() {
        return false;
    }
}
