package interleave.engine;

import interleave.trace.ObjectType;

/** A shared int: a read and a write are two scheduling points (see {@link SharedInt}). */
final class PyInt implements SharedInt {
    private final Kernel k;
    private final int id;
    private final String name;
    private volatile int value; // peek() reads it from outside the run

    PyInt(Kernel k, String name, int initial) {
        this.k = k;
        this.id = k.addObject(name, ObjectType.VARIABLE, initial);
        this.name = name;
        this.value = initial;
    }

    @Override
    public int read() {
        Strand me = k.begin();
        try {
            int v = value;
            k.out.read(me, id, v);
            k.commit(me);
            return v;
        } finally {
            k.leave(me);
        }
    }

    @Override
    public void write(int v) {
        Strand me = k.begin();
        try {
            value = v;
            k.out.wrote(me, id, v);
            k.commit(me);
        } finally {
            k.leave(me);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public int peek() {
        return value;
    }
}
