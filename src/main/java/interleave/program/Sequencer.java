package interleave.program;

import java.util.function.BooleanSupplier;

/**
 * os mode: the points of a Python program's threads, recorded in the order they happened in CPython. The runtime
 * numbers every point and every request that is one (1, 2, 3, ...); each worker waits for its number's turn
 * before it records. A number that does not come while others wait (a thread stuck in a call the runtime does
 * not see, with points not yet sent) holds them up for {@link #PATIENCE_NANOS} without progress at most, so the
 * run is never stalled by the order of its record; while the run is paused the patience does not run out.
 */
final class Sequencer {
    static final long PATIENCE_NANOS = 200_000_000L;

    private final BooleanSupplier paused;
    private long next = 1;
    private long lastProgress = System.nanoTime();

    Sequencer(BooleanSupplier paused) {
        this.paused = paused;
    }

    /** Waits until every point numbered below {@code number} is recorded (or the patience runs out). */
    synchronized void awaitTurn(long number) throws InterruptedException {
        while (number > next) {
            long now = System.nanoTime();
            if (paused.getAsBoolean()) { // the worker whose turn it is waits at the gate: so do the others
                lastProgress = now;
                wait(50);
                continue;
            }
            long left = lastProgress + PATIENCE_NANOS - now;
            if (left <= 0) {
                next = number; // the missing ones are late: they are recorded when they come
                lastProgress = now;
                return;
            }
            wait(Math.max(1, left / 1_000_000L));
        }
    }

    /** Point {@code number} is recorded: the next may go. */
    synchronized void done(long number) {
        if (number >= next) {
            next = number + 1;
            lastProgress = System.nanoTime();
            notifyAll();
        }
    }
}
