package interleave.program;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * The watchdog of a Python program: a thread that holds the core and does not come back to the scheduler for
 * {@link #limit()} seconds is blocked in a call the runtime does not model (a socket, a real lock of another
 * library, a subprocess) or computes without a loop. The run then ends with one message naming the thread and
 * the line it was last seen on, instead of hanging. In cooperative mode it also names a thread that keeps the core
 * that long while others are ready to run: one that loops asking the scheduler something (lock.locked()) without
 * ever blocking, sleeping or yielding comes back all the time, yet never lets the others run.
 */
final class Stall {
    private final long limitNanos;
    private final Runnable endProgram;
    private final java.util.function.ToIntFunction<String> lineAtTheEnd;
    private final BooleanSupplier runOver;
    private final boolean cooperative;
    private final List<Watch> watches = new CopyOnWriteArrayList<>();
    private final java.util.function.Supplier<interleave.engine.Kernel.CoreSample> cores;
    /** The sample since which one thread has kept the core while others were ready, and when it was taken. */
    private interleave.engine.Kernel.CoreSample keptSince;
    private long keptSinceNanos;
    private volatile String verdict;
    /** The thread the verdict names. */
    private volatile String culprit;

    /**
     * {@code endProgram} ends the process (asking it first for the line each thread is on), {@code lineAtTheEnd}
     * then gives the line the named thread was on (0 if unknown). {@code cooperative}: threads switch only where
     * they block, sleep or yield, so a thread that loops without doing so keeps the CPU for ever, as in gevent.
     */
    Stall(double limitSeconds, Runnable endProgram, java.util.function.ToIntFunction<String> lineAtTheEnd,
          BooleanSupplier runOver, boolean cooperative,
          java.util.function.Supplier<interleave.engine.Kernel.CoreSample> cores) {
        this.limitNanos = (long) (limitSeconds * 1e9);
        this.cores = cores;
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

    /** The thread the watchdog ended the program for, once {@link #verdict()} has said why; else null. */
    String culprit() {
        return culprit;
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
            String keeper = keptTheCore(now);
            if (keeper != null && !runOver.getAsBoolean()) {
                end(keeper, String.format(java.util.Locale.ROOT, "%s has kept the CPU for %.0f s while other threads "
                        + "were ready to run", keeper, limitNanos / 1e9), COOPERATIVE_WHY);
                return;
            }
            for (Watch w : watches) {
                long since = w.since;
                if (since != 0 && now - since > limitNanos && !runOver.getAsBoolean()) {
                    end(w.thread, String.format(java.util.Locale.ROOT, "%s has not come back to the scheduler for "
                            + "%.0f s", w.thread, limitNanos / 1e9), cooperative ? COOPERATIVE_WHY + "; or it is "
                            + "blocked in a call Interleave does not model" : "it is blocked in a call Interleave "
                            + "does not model, or computes without a loop (modelled: threading, queue, time.sleep, "
                            + "print, input)");
                    return;
                }
            }
        }
    }

    private static final String COOPERATIVE_WHY = "in cooperative mode a thread keeps the CPU until it blocks, sleeps "
            + "or yields (time.sleep(0)), so a loop that waits for another thread without one of those never ends "
            + "(as in gevent; sim mode switches it out)";

    /** The thread that has kept the core longer than the limit while others were ready to run, or null. */
    private String keptTheCore(long now) {
        interleave.engine.Kernel.CoreSample sample = cores.get();
        if (sample == null || !sample.othersReady() || sample.running() == null) {
            keptSince = null;
            return null;
        }
        if (keptSince == null || keptSince.placements() != sample.placements()
                || !keptSince.running().equals(sample.running())) {
            keptSince = sample;
            keptSinceNanos = now;
            return null;
        }
        return now - keptSinceNanos > limitNanos ? sample.running() : null;
    }

    /** Ends the program: {@code what} happened to {@code thread}, at the line it was on, and {@code why}. */
    private void end(String thread, String what, String why) {
        triggered = true;
        endProgram.run();
        int line = lineAtTheEnd.applyAsInt(thread);
        int seen = watches.stream().filter(w -> w.thread.equals(thread)).mapToInt(w -> w.line).findFirst().orElse(0);
        culprit = thread;
        verdict = String.format(java.util.Locale.ROOT, "%s, at line %d: %s", what, line > 0 ? line : seen, why);
        decided.countDown();
    }
}
