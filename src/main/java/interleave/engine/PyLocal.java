package interleave.engine;

import interleave.trace.ObjectType;
import interleave.trace.Trace;

/** One attribute of a {@code threading.local()}: a value per thread; unbound, reading it is an AttributeError. */
final class PyLocal implements ThreadLocalVar {
    private final Kernel k;
    private final int id;
    private final String name;
    private final String[] values = new String[Trace.MAX_THREADS + 1];

    PyLocal(Kernel k, String name) {
        this.k = k;
        this.id = k.addObject(name, ObjectType.LOCAL, 0);
        this.name = name;
    }

    @Override
    public void set(String value) {
        Strand me = k.begin();
        try {
            values[me.id] = value;
            k.out.localSet(me, id, k.trace.intern(value));
            k.commit(me);
        } finally {
            k.leave(me);
        }
    }

    @Override
    public String get() {
        Strand me = k.begin();
        try {
            String v = values[me.id];
            if (v == null) {
                throw PyErrors.noLocalAttribute(name);
            }
            k.out.localGot(me, id, k.trace.intern(v));
            k.commit(me);
            return v;
        } finally {
            k.leave(me);
        }
    }

    @Override
    public void delete() {
        Strand me = k.begin();
        try {
            if (values[me.id] == null) {
                throw PyErrors.noLocalAttribute(name);
            }
            values[me.id] = null;
            k.out.localDeleted(me, id);
            k.commit(me);
        } finally {
            k.leave(me);
        }
    }

    @Override
    public String name() {
        return name;
    }
}
