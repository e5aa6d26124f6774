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
        Recheck recheck = new Recheck(me, deadline, free, blockedBy);
        while (true) {
            me.recheck = recheck;
            boolean woken = k.block(me, this, deadline, Strand.State.BLOCKED);
            me.recheck = null;
            if (!woken) {
                return false;
            }
            if (free.getAsBoolean()) {
                return true;
            }
            recheck.waitAgain();
        }
    }

    /**
     * What a woken waiter of {@link #awaitFree} does first when it runs: look whether the resource is free, and if
     * not, wait again. Kept on the waiting thread while it waits, so that a runtime may carry out a re-check that
     * fails without waking that thread only to put it back to sleep (see SimKernel's hand-over).
     */
    final class Recheck {
        private final Strand me;
        private final long deadline;
        private final BooleanSupplier free;
        private final IntSupplier blockedBy;

        private Recheck(Strand me, long deadline, BooleanSupplier free, IntSupplier blockedBy) {
            this.me = me;
            this.deadline = deadline;
            this.free = free;
            this.blockedBy = blockedBy;
        }

        boolean free() {
            return free.getAsBoolean();
        }

        /** Taken again since the wake: the waiter goes back to the queue, first in line, and says so. */
        void waitAgain() {
            k.out.blocked(me, id, blockedBy.getAsInt());
            waiters.addFirst(me);
        }

        /** What it waits on, as {@link Kernel#block} records it. */
        Queued on() {
            return Queued.this;
        }

        /** The wait's deadline, unchanged by a wake (-1: none). */
        long deadline() {
            return deadline;
        }
    }
}
