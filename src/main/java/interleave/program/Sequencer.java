package interleave.program;

/**
 * os mode: the points of a Python program's threads, recorded in the order they happened in CPython. The runtime
 * numbers every point and request from one counter (1, 2, 3, ...); each worker waits for its number's turn before
 * it records. A number that never comes (a thread stuck in a call the runtime does not see) holds the others up
 * for {@link #PATIENCE_NANOS} at most: the run is never stalled by the order of its record.
 */
final class Sequencer {
    static final long PATIENCE_NANOS = 200_000_000L;

    private long next = 1;

    /** Waits until every point numbered below {@code number} is recorded (or the patience runs out). */
    synchronized void awaitTurn(long number) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE_NANOS;
        while (number > next) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                next = number; // the missing ones are late: they are recorded when they come
                return;
            }
            wait(left / 1_000_000L, (int) (left % 1_000_000L));
        }
    }

    /** Point {@code number} is recorded: the next may go. */
    synchronized void done(long number) {
        if (number >= next) {
            next = number + 1;
            notifyAll();
        }
    }
}
