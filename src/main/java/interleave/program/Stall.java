package interleave.program;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * The watchdog of a Python program: a thread that holds the core and does not come back to the scheduler for
 * {@link #limit()} seconds is blocked in a call the runtime does not model (a socket, a real lock of another
 * library, a subprocess) or computes without a loop. The run then ends with one message naming the thread and
 * the line it was last seen on, instead of hanging.
 */
final class Stall {
    private final long limitNanos;
    private final Runnable endProgram;
    private final java.util.function.ToIntFunction<String> lineAtTheEnd;
    private final BooleanSupplier runOver;
    private final boolean cooperative;
    private final List<Watch> watches = new CopyOnWriteArrayList<>();
    private volatile String verdict;

    /**
     * {@code endProgram} ends the process (asking it first for the line each thread is on), {@code lineAtTheEnd}
     * then gives the line the named thread was on (0 if unknown). {@code cooperative}: threads switch only where
     * they block, sleep or yield, so a thread that loops without doing so keeps the CPU for ever, as in gevent.
     */
    Stall(double limitSeconds, Runnable endProgram, java.util.function.ToIntFunction<String> lineAtTheEnd,
          BooleanSupplier runOver, boolean cooperative) {
        this.limitNanos = (long) (limitSeconds * 1e9);
        this.cooperative = cooperative;
        this.endProgram = endProgram;
        this.lineAtTheEnd = lineAtTheEnd;
        this.runOver = runOver;
        Thread t = new Thread(this::watch, "interleave-python-watchdog");
        t.setDaemon(true);
        t.start();
    }

    /** Seconds, 15 unless {@code -Dinterleave.python.stallSeconds} says otherwise. */
    static double limit() {
        try {
            return Double.parseDouble(System.getProperty("interleave.python.stallSeconds", "15"));
        } catch (NumberFormatException e) {
            return 15;
        }
    }

    /** One served thread: when its worker started waiting for it, and its last line. */
    static final class Watch {
        final String thread;
        volatile long since;
        volatile int line;

        Watch(String thread) {
            this.thread = thread;
        }

        void waiting() {
            since = System.nanoTime();
        }

        void back() {
            since = 0;
        }

        void line(int l) {
            line = l;
        }
    }

    Watch watch(String thread) {
        Watch w = new Watch(thread);
        watches.add(w);
        return w;
    }

    /** Why the program was ended (waiting for the words once the watchdog has acted), or null if it was not. */
    String verdict() {
        if (triggered) {
            try {
                decided.await(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return verdict;
    }

    private volatile boolean triggered;
    private final java.util.concurrent.CountDownLatch decided = new java.util.concurrent.CountDownLatch(1);

    private void watch() {
        while (verdict == null && !runOver.getAsBoolean()) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (Watch w : watches) {
                long since = w.since;
                if (since != 0 && now - since > limitNanos && !runOver.getAsBoolean()) {
                    triggered = true;
                    endProgram.run();
                    int line = lineAtTheEnd.applyAsInt(w.thread);
                    verdict = String.format(java.util.Locale.ROOT, "%s has not come back to the scheduler for %.0f s, "
                                    + "at line %d: %s", w.thread, limitNanos / 1e9, line > 0 ? line : w.line,
                            cooperative ? "in cooperative mode a thread keeps the CPU until it blocks, sleeps or "
                                    + "yields (time.sleep(0)), so a loop that waits for another thread without one "
                                    + "of those never ends (as in gevent; sim mode switches it out); or it is blocked "
                                    + "in a call Interleave does not model"
                                    : "it is blocked in a call Interleave does not model, or computes without a "
                                    + "loop (modelled: threading, queue, time.sleep, print, input)");
                    decided.countDown();
                    return;
                }
            }
        }
    }
}
