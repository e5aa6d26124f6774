package interleave.engine;

import interleave.trace.ObjectType;

import java.util.List;
import java.util.function.BooleanSupplier;

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
     * Waits in this queue ({@code state}: BLOCKED, or WAITING for the keyboard) until woken with the resource free;
     * false when the deadline passes first. Nothing is handed over on release (CPython does not either): a waiter
     * that finds the resource taken again by the time it runs (the releasing thread kept the CPU and took it back,
     * a later reader took the line) says so ({@code waitsAgain} records it) and waits again, first in line, its
     * deadline unchanged. The caller has recorded the first wait.
     */
    final boolean awaitFree(Strand me, long deadline, Strand.State state, BooleanSupplier free, Runnable waitsAgain) {
        return awaitFree(me, deadline, state, free, waitsAgain, null);
    }

    /**
     * {@link #awaitFree}, and once it is free, {@code takes} (what the waiter does with it, its point committed):
     * a runtime may then carry out the waiter's taking too where it hands it the core (see SimKernel's hand-over),
     * and the waiter, when it runs, finds it done.
     */
    final boolean awaitFree(Strand me, long deadline, Strand.State state, BooleanSupplier free, Runnable waitsAgain,
                            Runnable takes) {
        waiters.add(me);
        Recheck recheck = new Recheck(this, me, deadline, state, free, waitsAgain, takes);
        while (true) {
            me.recheck = recheck;
            boolean woken = k.block(me, this, deadline, state);
            me.recheck = null;
            if (!woken) {
                return false;
            }
            if (me.takenForIt) { // the thread that handed it the core took it for it
                me.takenForIt = false;
                return true;
            }
            if (free.getAsBoolean()) {
                if (takes != null) {
                    takes.run();
                }
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
    record Recheck(Queued on, Strand me, long deadline, Strand.State state, BooleanSupplier free,
                   Runnable waitsAgain, Runnable takes) {
        boolean isFree() {
            return free.getAsBoolean();
        }

        /** Free: the waiter takes it (its point committed), carried out by the thread handing it the core. */
        void takeForIt() {
            takes.run();
            me.takenForIt = true;
        }

        /** Taken again since the wake: the waiter says so and goes back to the queue, first in line. */
        void waitAgain() {
            waitsAgain.run();
            on.waiters.addFirst(me);
        }
    }
}
