package interleave.engine;

import org.junit.jupiter.params.provider.Arguments;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * What a ported CPython test needs inside a run: assertions that fail the Python-side thread (the run records
 * them as errors), {@code assertRaises}, CPython's Bunch of threads, its sleeping retry loops, and the matrix
 * of modes every case runs in.
 */
final class Py {
    private Py() {
    }

    /** Sim with 1 and 2 cores, three seeds and quanta 1, 2 and 20; cooperative; os. */
    static Stream<Arguments> everyMode() {
        List<Arguments> out = new ArrayList<>();
        for (int cores : new int[] {1, 2}) {
            for (int quantum : new int[] {1, 2, 20}) {
                for (long seed : new long[] {0, 1, 2}) {
                    RunSettings s = RunSettings.DEFAULT.withCores(cores).withQuantum(quantum).withSeed(seed);
                    out.add(Arguments.of("sim cores " + cores + " quantum " + quantum + " seed " + seed, s));
                }
            }
        }
        out.add(Arguments.of("cooperative", RunSettings.DEFAULT.withMode(Mode.COOPERATIVE)));
        out.add(Arguments.of("os", RunSettings.DEFAULT.withMode(Mode.OS)));
        return out.stream();
    }

    /** Runs the program to its end and fails on any error a thread raised or an outcome other than FINISHED. */
    static Kernel runClean(RunSettings s, java.util.function.Consumer<Kernel> program) throws InterruptedException {
        Kernel k = Harness.run(s, program);
        assertEquals(List.of(), k.errors());
        assertNull(k.outcomeNow().deadlock(), "no deadlock");
        assertEquals(RunOutcome.Status.FINISHED, k.outcomeNow().status());
        return k;
    }

    static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }

    static void checkEquals(Object expected, Object actual, String what) {
        if (!java.util.Objects.equals(expected, actual)) {
            throw new AssertionError(what + ": expected " + expected + " but was " + actual);
        }
    }

    /** {@code assertRaises(type, f)}: the Python exception type and, when given, its exact text. */
    static void raises(String type, String message, Runnable f) {
        try {
            f.run();
        } catch (ThreadingError e) {
            checkEquals(type, e.pythonType(), "exception type");
            if (message != null) {
                checkEquals(message, e.getMessage(), "exception text");
            }
            return;
        }
        throw new AssertionError(type + " not raised");
    }

    /** Virtual seconds in sim and cooperative modes, real ones in os mode. */
    static double clock(Kernel k) {
        return k.seconds();
    }

    /** CPython's assertTimeout, lower bound only: a timed wait never returns before its time (no flaky upper bound). */
    static void checkWaited(double dt, double timeout) {
        check(dt >= timeout * 0.6, "waited " + dt + " s for a timeout of " + timeout + " s");
    }

    /** A short timeout: CPython's 0.5 s in virtual time, a tenth of it in real time (os mode). */
    static double shortTimeout(Kernel k, double python) {
        return k.settings().mode() == Mode.OS ? python / 10 : python;
    }

    /** {@code support.sleeping_retry}: sleeps in small steps until the condition holds. */
    static void waitUntil(Kernel k, BooleanSupplier c) {
        while (!c.getAsBoolean()) {
            k.sleep(0.001);
        }
    }

    /** {@code wait_threads_blocked(n)}: an arbitrary sleep that lets n threads reach their blocking call. */
    static void waitThreadsBlocked(Kernel k, int n) {
        k.sleep(0.010 * n);
    }

    /** CPython's Bunch: n threads running f, started and seen running before it returns. */
    static final class Bunch {
        final List<Integer> started = new CopyOnWriteArrayList<>();
        final List<Integer> finished = new CopyOnWriteArrayList<>();
        private final Kernel k;
        private final List<Worker> threads = new ArrayList<>();
        private volatile boolean canExit;

        Bunch(Kernel k, int n, Runnable f) {
            this(k, n, false, f);
        }

        Bunch(Kernel k, int n, boolean waitBeforeExit, Runnable f) {
            this.k = k;
            this.canExit = !waitBeforeExit;
            for (int i = 0; i < n; i++) {
                int me = i;
                threads.add(k.thread("T" + i, false, () -> {
                    started.add(me);
                    try {
                        f.run();
                    } finally {
                        finished.add(me);
                        waitUntil(k, () -> canExit);
                    }
                }));
            }
            threads.forEach(Worker::start);
            waitUntil(k, () -> started.size() >= n);
        }

        void doFinish() {
            canExit = true;
        }

        /** The end of the {@code with Bunch(...)} block: every thread has finished. */
        void join() {
            waitUntil(k, () -> finished.size() >= threads.size());
            threads.forEach(Worker::join);
        }
    }
}
