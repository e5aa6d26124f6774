package interleave.engine;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The hand-off between the platform threads of the baton runtime: exactly one of them holds the baton and
 * runs; {@link #pass} gives it to another and {@link #await} waits for it. Passing writes the receiver's
 * volatile {@code turn} flag, which orders every write before it; the waiting side spins briefly (when a CPU
 * is free for it) and then parks. Timing only: who gets the baton is the scheduler's decision, not this class's.
 */
final class Baton {
    /** How long a waiting worker spins before it parks: a park/unpark hand-off costs 5 to 25 us here. */
    private static final long SPIN_NANOS = 50_000;
    /*
     * One spinner per CPU. Not CPUs - 1: at a hand-off the receiver is still leaving its spin loop when the
     * giver starts its own, so two slots are briefly taken even though only one thread runs.
     */
    private static final int MAX_SPINNERS = Runtime.getRuntime().availableProcessors();
    private static final AtomicInteger SPINNERS = new AtomicInteger();

    /** One thread's place at the hand-off. */
    static final class Seat {
        Thread java;
        volatile boolean turn;
        volatile boolean parked;
        /** Waits this thread parked at once (a busy machine): every 64th tries spinning again. */
        int parkedWaits;
    }

    private final BooleanSupplier stopping;

    /*
     * Spinning pays only while the thread that gets the baton is on a CPU. When the machine is busy (other
     * processes, fewer CPUs than spinners) a spinner mostly burns the CPU the baton holder needs, and every
     * hand-off ends in a park anyway. So the baton keeps a score: a spin that ended with the baton raises it, a
     * spin that gave up lowers it more; below zero, waiters park at once, and every 64th wait spins again to see
     * whether the machine has calmed down. Only baton holders change the score (the count of parked waits is each
     * thread's own); a waiter may read a stale one, which at worst delays the change between spinning and parking
     * by a hand-off or two.
     */
    private int spinScore;

    Baton(BooleanSupplier stopping) {
        this.stopping = stopping;
    }

    /** Gives the baton to {@code to} (the caller holds it and stops running until it gets it back). */
    void pass(Seat to) {
        to.turn = true;
        if (to.parked) {
            LockSupport.unpark(to.java);
        }
    }

    /** Makes {@code me} the holder without a hand-off: the first thread of a run. */
    void give(Seat me) {
        me.turn = true;
    }

    /** Waits until {@code me} holds the baton; RunStopped if the run ends meanwhile. */
    void await(Seat me) {
        boolean spin = false;
        if (!me.turn && spinPays(me)) {
            spin = SPINNERS.incrementAndGet() <= MAX_SPINNERS;
            if (!spin) {
                SPINNERS.decrementAndGet();
            }
        }
        if (spin) {
            try {
                spinAWhile(me);
            } finally {
                SPINNERS.decrementAndGet();
            }
        }
        boolean spinWon = me.turn;
        while (!me.turn) {
            if (stopping.getAsBoolean()) {
                throw new RunStopped();
            }
            me.parked = true;
            if (!me.turn && !stopping.getAsBoolean()) {
                LockSupport.park(this);
            }
            me.parked = false;
        }
        me.turn = false;
        if (spin) {
            recordSpin(spinWon); // now holding the baton: the score is ours to touch
        }
        if (stopping.getAsBoolean()) {
            throw new RunStopped();
        }
    }

    private void spinAWhile(Seat me) {
        long deadline = 0;
        int spins = 0;
        while (!me.turn && !stopping.getAsBoolean()) {
            Thread.onSpinWait();
            if ((++spins & 255) == 0) {
                long now = System.nanoTime();
                if (deadline == 0) {
                    deadline = now + SPIN_NANOS;
                } else if (now > deadline) {
                    return;
                }
            }
        }
    }

    private boolean spinPays(Seat me) {
        return spinScore >= 0 || (++me.parkedWaits & 63) == 0;
    }

    private void recordSpin(boolean gotTheBaton) {
        spinScore = gotTheBaton ? Math.min(spinScore + 1, 16) : Math.max(spinScore - 4, -16);
    }
}
