package interleave.engine;

import interleave.trace.ObjectType;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/** Base of the primitives with a FIFO queue of blocked threads: their trace object and the waiting rule. */
abstract class Queued implements Waitable {
    final Kernel k;
    final int id;
    final String name;
    final WaitQueue waiters = new WaitQueue();

    Queued(Kernel k, String name, ObjectType type, int initial) {
        this.k = k;
        this.id = k.addObject(name, type, initial);
        this.name = name;
    }

    @Override
    public void removeWaiter(Strand t) {
        waiters.remove(t);
    }

    @Override
    public List<Strand> holders() {
        return List.of();
    }

    @Override
    public int traceId() {
        return id;
    }

    public String name() {
        return name;
    }

    public int id() {
        return id;
    }

    /**
     * Waits in this queue until woken with the resource free; false when the deadline passes first. Nothing
     * is handed over on release (CPython does not either): a waiter that finds the resource taken again by the
     * time it runs (the releasing thread kept the CPU and took it back) blocks again, first in line, its
     * deadline unchanged.
     */
    final boolean awaitFree(Strand me, long deadline, BooleanSupplier free, IntSupplier blockedBy) {
        waiters.add(me);
        while (true) {
            if (!k.block(me, this, deadline, Strand.State.BLOCKED)) {
                return false;
            }
            if (free.getAsBoolean()) {
                return true;
            }
            k.out.blocked(me, id, blockedBy.getAsInt());
            waiters.addFirst(me);
        }
    }
}
