package interleave.program;

import java.util.function.BooleanSupplier;

/**
 * os mode: the points of a Python program's threads, recorded in the order they happened in CPython. The runtime
 * numbers every point and every request that is one (1, 2, 3, ...); each worker waits for its number's turn
 * before it records. A number that does not come while others wait (a thread stuck in a call the runtime does
 * not see, with points not yet sent) holds them up for {@link #PATIENCE_NANOS} without progress at most, so the
 * run is never stalled by the order of its record; while the run is paused, or the process itself stands still,
 * the patience does not run out.
 */
final class Sequencer {
    /**
     * Long enough for a thread CPython switched out with points unsent to run again on a busy machine (200 ms was
     * not, once in a few runs of a test under load; a thread starved of the GIL for that long was seen).
     */
    static final long PATIENCE_NANOS = 1_000_000_000L;
    /** A waiter looks at least this often; a longer gap between two looks is time the process stood still. */
    private static final long LOOK_MILLIS = 10;
    private static final long STOOD_STILL_NANOS = 50_000_000L;

    private final BooleanSupplier paused;
    private final long patience;
    private final java.util.function.LongSupplier clock;
    private long next = 1;
    private long lastProgress;
    private long lastLook;
    /** The time added to the patience for standing still since the last progress, at most twice the patience. */
    private long stoodStill;
    private int gaveUp;

    Sequencer(BooleanSupplier paused) {
        this(paused, PATIENCE_NANOS, System::nanoTime);
    }

    /** With another patience and clock (nanoseconds): for tests. */
    Sequencer(BooleanSupplier paused, long patienceNanos, java.util.function.LongSupplier clock) {
        this.paused = paused;
        this.patience = patienceNanos;
        this.clock = clock;
        this.lastProgress = this.lastLook = clock.getAsLong();
    }

    /** Waits until every point numbered below {@code number} is recorded (or the patience runs out). */
    synchronized void awaitTurn(long number) throws InterruptedException {
        while (number > next) {
            long now = clock.getAsLong();
            // Time the whole process (or machine) stood still, a collector's pause or a busy host, is not the
            // program's delay: the missing number may be waiting in a pipe that no worker has read yet. (A gap
            // since the last progress or look before anyone waited counts so too: the wait starts now.)
            if (now - lastLook > STOOD_STILL_NANOS && stoodStill < 2 * patience) { // (a slow host: not for ever)
                long gap = Math.min(now - lastLook, 2 * patience - stoodStill);
                lastProgress += gap;
                stoodStill += gap;
            }
            lastLook = now;
            if (paused.getAsBoolean()) { // the worker whose turn it is waits at the gate: so do the others
                lastProgress = now;
                wait(50);
                continue;
            }
            long left = lastProgress + patience - now;
            if (left <= 0) {
                gaveUp++;
                next = number; // the missing ones are late: they are recorded when they come
                lastProgress = now;
                stoodStill = 0;
                return;
            }
            wait(Math.max(1, Math.min(LOOK_MILLIS, left / 1_000_000L)));
        }
    }

    /** How many times the patience ran out (the points missing then were recorded late, out of order). */
    synchronized int gaveUp() {
        return gaveUp;
    }

    /** Point {@code number} is recorded: the next may go. */
    synchronized void done(long number) {
        if (number >= next) {
            next = number + 1;
            lastProgress = lastLook = clock.getAsLong();
            stoodStill = 0;
            notifyAll();
        }
    }
}
