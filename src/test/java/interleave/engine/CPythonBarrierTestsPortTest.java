package interleave.engine;

import interleave.engine.Py.Bunch;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static interleave.engine.Py.check;
import static interleave.engine.Py.checkEquals;
import static interleave.engine.Py.raises;

/**
 * CPython 3.11's Lib/test/lock_tests.py BarrierTests, case by case (same names), in every mode. As there, the
 * barrier of each case has N = 5 parties and a default timeout of 2 s (a tenth of every time in os mode).
 */
class CPythonBarrierTestsPortTest {
    private static final String NAME = "[{index}] {0}";
    private static final int N = 5;

    /** CPython's setUp/tearDown and run_threads: N-1 threads and the main thread run f. */
    private static void withBarrier(RunSettings s, BarrierCase c) throws InterruptedException {
        Py.runClean(s, k -> {
            Barrier barrier = k.barrier("barrier", N, null, time(k, 2.0));
            try {
                c.run(k, barrier);
            } finally {
                barrier.abort();
            }
        });
    }

    private interface BarrierCase {
        void run(Kernel k, Barrier barrier);
    }

    private static void runThreads(Kernel k, Runnable f) {
        Bunch b = new Bunch(k, N - 1, f);
        f.run();
        b.join();
    }

    /** CPython's seconds, a tenth of them in os mode (real time). */
    private static double time(Kernel k, double python) {
        return Py.shortTimeout(k, python);
    }

    private static void multipass(Barrier barrier, List<List<Boolean>> results, int n) {
        int m = barrier.parties();
        checkEquals(N, m, "parties");
        for (int i = 0; i < n; i++) {
            results.get(0).add(true);
            checkEquals(i * m, results.get(1).size(), "second list before the first wait");
            barrier.await();
            results.get(1).add(true);
            checkEquals((i + 1) * m, results.get(0).size(), "first list after the first wait");
            barrier.await();
        }
        checkEquals(0, barrier.waiting(), "n_waiting");
        check(!barrier.broken(), "not broken");
    }

    private static void testBarrier(RunSettings s, int passes) throws InterruptedException {
        withBarrier(s, (k, barrier) -> {
            List<List<Boolean>> results = List.of(new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
            runThreads(k, () -> multipass(barrier, results, passes));
        });
    }

    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void test_barrier(String mode, RunSettings s) throws Exception {
        testBarrier(s, 1);
    }

    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void test_barrier_10(String mode, RunSettings s) throws Exception {
        testBarrier(s, 10);
    }

    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void test_wait_return(String mode, RunSettings s) throws Exception {
        withBarrier(s, (k, barrier) -> {
            List<Integer> results = new CopyOnWriteArrayList<>();
            runThreads(k, () -> results.add(barrier.await()));
            checkEquals(N * (N - 1) / 2, results.stream().mapToInt(Integer::intValue).sum(), "sum of indexes");
        });
    }

    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void test_action(String mode, RunSettings s) throws Exception {
        withBarrier(s, (k, unused) -> {
            List<Boolean> results = new CopyOnWriteArrayList<>();
            Barrier barrier = k.barrier("with action", N, () -> results.add(true), null);
            runThreads(k, () -> {
                barrier.await();
                checkEquals(1, results.size(), "actions run");
            });
        });
    }

    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void test_abort(String mode, RunSettings s) throws Exception {
        withBarrier(s, (k, barrier) -> {
            List<Boolean> results1 = new CopyOnWriteArrayList<>();
            List<Boolean> results2 = new CopyOnWriteArrayList<>();
            runThreads(k, () -> {
                try {
                    int i = barrier.await();
                    if (i == N / 2) {
                        throw new IllegalStateException("RuntimeError");
                    }
                    barrier.await();
                    results1.add(true);
                } catch (ThreadingError e) {
                    checkEquals("BrokenBarrierError", e.pythonType(), "exception");
                    results2.add(true);
                } catch (IllegalStateException e) {
                    barrier.abort();
                }
            });
            checkEquals(0, results1.size(), "passed twice");
            checkEquals(N - 1, results2.size(), "broken");
            check(barrier.broken(), "broken");
        });
    }

    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void test_reset(String mode, RunSettings s) throws Exception {
        withBarrier(s, (k, barrier) -> {
            List<Boolean> results1 = new CopyOnWriteArrayList<>();
            List<Boolean> results2 = new CopyOnWriteArrayList<>();
            List<Boolean> results3 = new CopyOnWriteArrayList<>();
            runThreads(k, () -> {
                int i = barrier.await();
                if (i == N / 2) {
                    while (barrier.waiting() < N - 1) { // wait until the others are all in the barrier
                        k.sleep(0.001);
                    }
                    barrier.reset();
                } else {
                    try {
                        barrier.await();
                        results1.add(true);
                    } catch (ThreadingError e) {
                        results2.add(true);
                    }
                }
                barrier.await(); // now pass the barrier again
                results3.add(true);
            });
            checkEquals(0, results1.size(), "passed");
            checkEquals(N - 1, results2.size(), "broken by the reset");
            checkEquals(N, results3.size(), "passed after the reset");
        });
    }

    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void test_abort_and_reset(String mode, RunSettings s) throws Exception {
        withBarrier(s, (k, barrier) -> {
            List<Boolean> results1 = new CopyOnWriteArrayList<>();
            List<Boolean> results2 = new CopyOnWriteArrayList<>();
            List<Boolean> results3 = new CopyOnWriteArrayList<>();
            Barrier barrier2 = k.barrier("barrier2", N);
            runThreads(k, () -> {
                try {
                    int i = barrier.await();
                    if (i == N / 2) {
                        throw new IllegalStateException("RuntimeError");
                    }
                    barrier.await();
                    results1.add(true);
                } catch (ThreadingError e) {
                    results2.add(true);
                } catch (IllegalStateException e) {
                    barrier.abort();
                }
                // synchronise and reset: everyone has left it when we reset, no one enters before the reset
                if (barrier2.await() == N / 2) {
                    barrier.reset();
                }
                barrier2.await();
                barrier.await();
                results3.add(true);
            });
            checkEquals(0, results1.size(), "passed");
            checkEquals(N - 1, results2.size(), "broken");
            checkEquals(N, results3.size(), "passed after the reset");
        });
    }

    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void test_timeout(String mode, RunSettings s) throws Exception {
        withBarrier(s, (k, barrier) -> runThreads(k, () -> {
            int i = barrier.await();
            if (i == N / 2) {
                k.sleep(time(k, 1.0)); // one thread is late
            }
            raises("BrokenBarrierError", null, () -> barrier.await(time(k, 0.5))); // shorter than the default 2 s
        }));
    }

    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void test_default_timeout(String mode, RunSettings s) throws Exception {
        withBarrier(s, (k, unused) -> {
            Barrier barrier = k.barrier("short", N, null, time(k, 0.3));
            runThreads(k, () -> {
                int i = barrier.await();
                if (i == N / 2) {
                    k.sleep(time(k, 1.0)); // later than the default timeout
                }
                raises("BrokenBarrierError", null, barrier::await);
            });
        });
    }

    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void test_single_thread(String mode, RunSettings s) throws Exception {
        Py.runClean(s, k -> {
            Barrier b = k.barrier("single", 1);
            b.await();
            b.await();
        });
    }
}
