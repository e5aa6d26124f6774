package interleave.engine;

import interleave.engine.Py.Bunch;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static interleave.engine.Py.check;
import static interleave.engine.Py.checkEquals;
import static interleave.engine.Py.raises;
import static interleave.engine.Py.waitThreadsBlocked;
import static interleave.engine.Py.waitUntil;

/**
 * CPython 3.11's Lib/test/lock_tests.py, case by case (same names), against our API, in every mode
 * ({@link Py#everyMode()}). BaseLockTests run for Lock and RLock, BaseSemaphoreTests for Semaphore and
 * BoundedSemaphore. Cases that need API we do not have (Barrier, _recursion_count, _is_owned, _release_save)
 * or cannot apply (fork, weakref, repr) are left out; the README lists them with the reason.
 */
class CPythonLockTestsPortTest {
    private static final String NAME = "[{index}] {0}";

    private static final List<Function<Kernel, Acquirable>> LOCK_TYPES = List.of(k -> k.lock("lock"),
            k -> k.rlock("rlock"));

    private static Function<Kernel, Semaphore> withValue(boolean bounded, int value) {
        return k -> bounded ? k.boundedSemaphore("bsem", value) : k.semaphore("sem", value);
    }

    // ================================ BaseLockTests (Lock and RLock) ================================

    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void test_acquire_release(String mode, RunSettings s) throws Exception {
        for (Function<Kernel, Acquirable> type : LOCK_TYPES) {
            Py.runClean(s, k -> {
                Acquirable lock = type.apply(k);
                lock.acquire();
                lock.release();
            });
        }
    }

    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void test_try_acquire(String mode, RunSettings s) throws Exception {
        for (Function<Kernel, Acquirable> type : LOCK_TYPES) {
            Py.runClean(s, k -> {
                Acquirable lock = type.apply(k);
                check(lock.acquire(false, -1), "acquire(False)");
                lock.release();
            });
        }
    }

    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void test_try_acquire_contended(String mode, RunSettings s) throws Exception {
        for (Function<Kernel, Acquirable> type : LOCK_TYPES) {
            Py.runClean(s, k -> {
                Acquirable lock = type.apply(k);
                lock.acquire();
                List<Boolean> result = new CopyOnWriteArrayList<>();
                new Bunch(k, 1, () -> result.add(lock.tryAcquire())).join();
                checkEquals(List.of(false), result, "result");
                lock.release();
            });
        }
    }

    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void test_acquire_contended(String mode, RunSettings s) throws Exception {
        for (Function<Kernel, Acquirable> type : LOCK_TYPES) {
            Py.runClean(s, k -> {
                Acquirable lock = type.apply(k);
                lock.acquire();
                int n = 5;
                Bunch bunch = new Bunch(k, n, () -> {
                    lock.acquire();
                    lock.release();
                });
                waitThreadsBlocked(k, n);
                checkEquals(0, bunch.finished.size(), "finished while the lock is held");
                lock.release();
                bunch.join();
                checkEquals(n, bunch.finished.size(), "finished");
            });
        }
    }

    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void test_with(String mode, RunSettings s) throws Exception {
        for (Function<Kernel, Acquirable> type : LOCK_TYPES) {
            Py.runClean(s, k -> {
                Acquirable lock = type.apply(k);
                Runnable f = () -> {
                    lock.acquire();
                    lock.release();
                };
                lock.acquire(); // with lock: pass
                lock.release();
                new Bunch(k, 1, f).join();
                try { // with lock: raise TypeError
                    lock.acquire();
                    try {
                        throw new IllegalStateException("TypeError");
                    } finally {
                        lock.release();
                    }
                } catch (IllegalStateException expected) {
                    // assertRaises(TypeError)
                }
                new Bunch(k, 1, f).join();
            });
        }
    }

    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void test_thread_leak(String mode, RunSettings s) throws Exception {
        for (Function<Kernel, Acquirable> type : LOCK_TYPES) {
            Py.runClean(s, k -> {
                Acquirable lock = type.apply(k);
                new Bunch(k, 15, () -> {
                    lock.acquire();
                    lock.release();
                }).join();
            });
        }
    }

    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void test_timeout(String mode, RunSettings s) throws Exception {
        for (Function<Kernel, Acquirable> type : LOCK_TYPES) {
            Py.runClean(s, k -> {
                Acquirable lock = type.apply(k);
                raises("ValueError", "can't specify a timeout for a non-blocking call", () -> lock.acquire(false, 1));
                raises("ValueError", "timeout value must be positive", () -> lock.acquire(-100));
                raises("OverflowError", null, () -> lock.acquire(1e100));
                raises("OverflowError", null, () -> lock.acquire(Timeouts.TIMEOUT_MAX + 1));
                check(lock.acquire(Timeouts.TIMEOUT_MAX), "TIMEOUT_MAX is ok");
                lock.release();
                check(lock.acquire(5), "acquire(timeout=5)");
                double timeout = Py.shortTimeout(k, 0.5);
                List<Object> results = new CopyOnWriteArrayList<>();
                new Bunch(k, 1, () -> {
                    double t1 = Py.clock(k);
                    results.add(lock.acquire(timeout));
                    results.add(Py.clock(k) - t1);
                }).join();
                checkEquals(false, results.get(0), "acquire(timeout) of a held lock");
                Py.checkWaited((Double) results.get(1), timeout);
            });
        }
    }

    // ================================ LockTests ================================

    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void lock_test_reacquire(String mode, RunSettings s) throws Exception {
        // the thread blocks on its own lock until main releases it: CPython completes this, so no deadlock
        Py.runClean(s, k -> {
            Lock lock = k.lock("lock");
            List<Object> phase = new CopyOnWriteArrayList<>();
            Worker t = k.thread("f", false, () -> {
                lock.acquire();
                phase.add("");
                lock.acquire();
                phase.add("");
            });
            t.start();
            waitUntil(k, () -> phase.size() >= 1);
            Py.waitThreadsBlocked(k, 1);
            checkEquals(1, phase.size(), "phase");
            lock.release();
            waitUntil(k, () -> phase.size() >= 2);
            t.join();
        });
    }

    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void lock_test_different_thread(String mode, RunSettings s) throws Exception {
        Py.runClean(s, k -> {
            Lock lock = k.lock("lock");
            lock.acquire();
            new Bunch(k, 1, lock::release).join();
            lock.acquire();
            lock.release();
        });
    }

    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void lock_test_state_after_timeout(String mode, RunSettings s) throws Exception {
        Py.runClean(s, k -> {
            Lock lock = k.lock("lock");
            lock.acquire();
            check(!lock.acquire(0.01), "acquire(timeout=0.01) of a held lock");
            lock.release();
            check(!lock.locked(), "unlocked after release");
            check(lock.acquire(false, -1), "acquire(blocking=False)");
        });
    }

    // ================================ RLockTests ================================

    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void rlock_test_reacquire(String mode, RunSettings s) throws Exception {
        Py.runClean(s, k -> {
            RLock lock = k.rlock("rlock");
            lock.acquire();
            lock.acquire();
            lock.release();
            lock.acquire();
            lock.release();
            lock.release();
        });
    }

    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void rlock_test_release_unacquired(String mode, RunSettings s) throws Exception {
        Py.runClean(s, k -> {
            RLock lock = k.rlock("rlock");
            raises("RuntimeError", "cannot release un-acquired lock", lock::release);
            lock.acquire();
            lock.acquire();
            lock.release();
            lock.acquire();
            lock.release();
            lock.release();
            raises("RuntimeError", "cannot release un-acquired lock", lock::release);
        });
    }

    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void rlock_test_different_thread(String mode, RunSettings s) throws Exception {
        Py.runClean(s, k -> {
            RLock lock = k.rlock("rlock");
            Bunch bunch = new Bunch(k, 1, true, lock::acquire);
            try {
                waitUntil(k, () -> bunch.finished.size() >= 1);
                raises("RuntimeError", "cannot release un-acquired lock", lock::release);
            } finally {
                bunch.doFinish();
            }
            bunch.join();
        });
    }

    // ================================ EventTests ================================

    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void event_test_is_set(String mode, RunSettings s) throws Exception {
        Py.runClean(s, k -> {
            Event evt = k.event("evt");
            check(!evt.isSet(), "new event");
            evt.set();
            check(evt.isSet(), "set");
            evt.set();
            check(evt.isSet(), "set twice");
            evt.clear();
            check(!evt.isSet(), "cleared");
            evt.clear();
            check(!evt.isSet(), "cleared twice");
        });
    }

    private static void checkEventNotify(Kernel k, Event evt) {
        int n = 5;
        List<Boolean> results1 = new CopyOnWriteArrayList<>();
        List<Boolean> results2 = new CopyOnWriteArrayList<>();
        Bunch bunch = new Bunch(k, n, () -> {
            results1.add(evt.await());
            results2.add(evt.await());
        });
        waitThreadsBlocked(k, n);
        checkEquals(0, results1.size(), "results1 before set");
        evt.set();
        bunch.join();
        checkEquals(Collections.nCopies(n, true), results1, "results1");
        checkEquals(Collections.nCopies(n, true), results2, "results2");
    }

    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void event_test_notify(String mode, RunSettings s) throws Exception {
        Py.runClean(s, k -> {
            Event evt = k.event("evt");
            checkEventNotify(k, evt);
            evt.set();
            evt.clear();
            checkEventNotify(k, evt);
        });
    }

    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void event_test_timeout(String mode, RunSettings s) throws Exception {
        Py.runClean(s, k -> {
            Event evt = k.event("evt");
            double timeout = Py.shortTimeout(k, 0.5);
            int n = 5;
            for (boolean set : new boolean[] {false, true}) {
                if (set) {
                    evt.set();
                }
                List<Boolean> results1 = new CopyOnWriteArrayList<>();
                List<double[]> results2 = new CopyOnWriteArrayList<>();
                new Bunch(k, n, () -> {
                    results1.add(evt.await(0.0));
                    double t1 = Py.clock(k);
                    boolean r = evt.await(timeout);
                    results2.add(new double[] {r ? 1 : 0, Py.clock(k) - t1});
                }).join();
                checkEquals(Collections.nCopies(n, set), results1, "wait(0.0)");
                for (double[] r : results2) {
                    checkEquals(set, r[0] == 1, "wait(timeout)");
                    if (!set) {
                        Py.checkWaited(r[1], timeout);
                    }
                }
            }
        });
    }

    /** gh-57711: wait() returns True even when the event is cleared before the waiting thread runs. */
    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void event_test_set_and_clear(String mode, RunSettings s) throws Exception {
        Py.runClean(s, k -> {
            Event event = k.event("event");
            List<Boolean> results = new CopyOnWriteArrayList<>();
            int n = 5;
            Bunch bunch = new Bunch(k, n, () -> results.add(event.await(300))); // support.LONG_TIMEOUT
            waitThreadsBlocked(k, n);
            event.set();
            event.clear();
            bunch.join();
            checkEquals(Collections.nCopies(n, true), results, "results");
        });
    }

    // ================================ ConditionTests ================================

    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void condition_test_acquire(String mode, RunSettings s) throws Exception {
        Py.runClean(s, k -> {
            Condition cond = k.condition("cond"); // by default an RLock: it can be acquired several times
            cond.acquire();
            cond.acquire();
            cond.release();
            cond.release();
            Lock lock = k.lock("lock");
            Condition cond2 = k.condition("cond2", lock);
            cond2.acquire();
            check(!lock.tryAcquire(), "lock taken through the condition");
            cond2.release();
            check(lock.tryAcquire(), "lock free after cond.release()");
            check(!cond2.tryAcquire(), "cond.acquire(False) while the lock is held");
            lock.release();
            cond2.acquire(); // with cond:
            try {
                check(!lock.tryAcquire(), "lock taken inside 'with cond'");
            } finally {
                cond2.release();
            }
        });
    }

    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void condition_test_unacquired_wait_and_notify(String mode, RunSettings s) throws Exception {
        Py.runClean(s, k -> {
            Condition cond = k.condition("cond");
            raises("RuntimeError", "cannot wait on un-acquired lock", cond::await);
            raises("RuntimeError", "cannot notify on un-acquired lock", cond::notifyOne);
        });
    }

    private static void checkConditionNotify(Kernel k, Condition cond) {
        List<Integer> ready = new CopyOnWriteArrayList<>();
        List<String> results1 = new CopyOnWriteArrayList<>();
        List<String> results2 = new CopyOnWriteArrayList<>();
        AtomicInteger phaseNum = new AtomicInteger();
        int n = 5;
        Bunch bunch = new Bunch(k, n, () -> {
            cond.acquire();
            ready.add(phaseNum.get());
            boolean result = cond.await();
            cond.release();
            results1.add(result + "," + phaseNum.get());
            cond.acquire();
            ready.add(phaseNum.get());
            result = cond.await();
            cond.release();
            results2.add(result + "," + phaseNum.get());
        });
        waitUntil(k, () -> ready.size() >= n);
        ready.clear();
        checkEquals(List.of(), results1, "results1 before any notify");
        int count1 = 3;
        cond.acquire();
        cond.notify(count1);
        waitThreadsBlocked(k, count1);
        phaseNum.set(1);
        cond.release();
        waitUntil(k, () -> results1.size() >= count1);
        checkEquals(Collections.nCopies(count1, "true,1"), results1, "phase 1 results1");
        checkEquals(List.of(), results2, "phase 1 results2");
        waitUntil(k, () -> ready.size() >= count1);
        cond.acquire();
        cond.notify(5); // they might be in their first or second wait
        waitThreadsBlocked(k, n);
        phaseNum.set(2);
        cond.release();
        waitUntil(k, () -> results1.size() + results2.size() >= n + count1);
        int count2 = n - count1;
        List<String> expected1 = new ArrayList<>(Collections.nCopies(count1, "true,1"));
        expected1.addAll(Collections.nCopies(count2, "true,2"));
        checkEquals(expected1, results1, "phase 2 results1");
        checkEquals(Collections.nCopies(count1, "true,2"), results2, "phase 2 results2");
        waitUntil(k, () -> ready.size() >= n);
        cond.acquire();
        cond.notifyAllWaiters();
        waitThreadsBlocked(k, n);
        phaseNum.set(3);
        cond.release();
        waitUntil(k, () -> results2.size() >= n);
        checkEquals(expected1, results1, "phase 3 results1");
        List<String> expected2 = new ArrayList<>(Collections.nCopies(count1, "true,2"));
        expected2.addAll(Collections.nCopies(count2, "true,3"));
        checkEquals(expected2, results2, "phase 3 results2");
        bunch.join();
    }

    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void condition_test_notify(String mode, RunSettings s) throws Exception {
        Py.runClean(s, k -> {
            Condition cond = k.condition("cond");
            checkConditionNotify(k, cond);
            checkConditionNotify(k, cond); // a second time, to check the internal state is still ok
        });
    }

    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void condition_test_timeout(String mode, RunSettings s) throws Exception {
        Py.runClean(s, k -> {
            Condition cond = k.condition("cond");
            double timeout = Py.shortTimeout(k, 0.5);
            List<double[]> results = new CopyOnWriteArrayList<>();
            int n = 5;
            new Bunch(k, n, () -> {
                cond.acquire();
                double t1 = Py.clock(k);
                boolean result = cond.await(timeout);
                double dt = Py.clock(k) - t1;
                cond.release();
                results.add(new double[] {dt, result ? 1 : 0});
            }).join();
            checkEquals(n, results.size(), "results");
            for (double[] r : results) {
                Py.checkWaited(r[0], timeout);
                checkEquals(0.0, r[1], "wait(timeout) result with no notify");
            }
        });
    }

    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void condition_test_waitfor(String mode, RunSettings s) throws Exception {
        Py.runClean(s, k -> {
            Condition cond = k.condition("cond");
            AtomicInteger state = new AtomicInteger();
            Bunch bunch = new Bunch(k, 1, () -> {
                cond.acquire();
                try {
                    check(cond.awaitFor(() -> state.get() == 4), "wait_for result");
                    checkEquals(4, state.get(), "state");
                } finally {
                    cond.release();
                }
            });
            for (int i = 0; i < 4; i++) {
                k.sleep(0.010);
                cond.acquire();
                state.incrementAndGet();
                cond.notifyOne();
                cond.release();
            }
            bunch.join();
        });
    }

    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void condition_test_waitfor_timeout(String mode, RunSettings s) throws Exception {
        Py.runClean(s, k -> {
            Condition cond = k.condition("cond");
            AtomicInteger state = new AtomicInteger();
            List<Object> success = new CopyOnWriteArrayList<>();
            double timeout = 0.1;
            Bunch bunch = new Bunch(k, 1, () -> {
                cond.acquire();
                try {
                    double dt = Py.clock(k);
                    boolean result = cond.awaitFor(() -> state.get() == 4, timeout);
                    dt = Py.clock(k) - dt;
                    check(!result, "wait_for result");
                    Py.checkWaited(dt, timeout);
                    success.add("");
                } finally {
                    cond.release();
                }
            });
            for (int i = 0; i < 3; i++) { // state == 4 is never reached
                k.sleep(0.010);
                cond.acquire();
                state.incrementAndGet();
                cond.notifyOne();
                cond.release();
            }
            bunch.join();
            checkEquals(1, success.size(), "success");
        });
    }

    // ================================ BaseSemaphoreTests (Semaphore and BoundedSemaphore) ================================

    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void semaphore_test_constructor(String mode, RunSettings s) throws Exception {
        for (boolean bounded : new boolean[] {false, true}) {
            Py.runClean(s, k -> {
                raises("ValueError", "semaphore initial value must be >= 0", () -> withValue(bounded, -1).apply(k));
                raises("ValueError", "semaphore initial value must be >= 0",
                        () -> withValue(bounded, Integer.MIN_VALUE + 1).apply(k));
            });
        }
    }

    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void semaphore_test_acquire(String mode, RunSettings s) throws Exception {
        for (boolean bounded : new boolean[] {false, true}) {
            Py.runClean(s, k -> {
                Semaphore sem = withValue(bounded, 1).apply(k);
                sem.acquire();
                sem.release();
                sem = withValue(bounded, 2).apply(k);
                sem.acquire();
                sem.acquire();
                sem.release();
                sem.release();
            });
        }
    }

    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void semaphore_test_acquire_contended(String mode, RunSettings s) throws Exception {
        for (boolean bounded : new boolean[] {false, true}) {
            Py.runClean(s, k -> contended(k, withValue(bounded, 7).apply(k), false));
        }
    }

    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void semaphore_test_multirelease(String mode, RunSettings s) throws Exception {
        for (boolean bounded : new boolean[] {false, true}) {
            Py.runClean(s, k -> contended(k, withValue(bounded, 7).apply(k), true));
        }
    }

    /** test_acquire_contended, and test_multirelease with {@code release(n)} instead of n releases. */
    private static void contended(Kernel k, Semaphore sem, boolean multiRelease) {
        int semValue = 7;
        sem.acquire();
        List<Boolean> semResults = new CopyOnWriteArrayList<>();
        List<Integer> results1 = new CopyOnWriteArrayList<>();
        List<Integer> results2 = new CopyOnWriteArrayList<>();
        AtomicInteger phaseNum = new AtomicInteger();
        Bunch bunch = new Bunch(k, 10, () -> {
            semResults.add(sem.acquire(Timeouts.TIMEOUT_MAX));
            results1.add(phaseNum.get());
            semResults.add(sem.acquire(Timeouts.TIMEOUT_MAX));
            results2.add(phaseNum.get());
        });
        java.util.function.IntConsumer waitCount = c -> waitUntil(k, () -> results1.size() + results2.size() >= c);
        java.util.function.IntConsumer release = c -> {
            if (multiRelease) {
                sem.release(c);
            } else {
                for (int i = 0; i < c; i++) {
                    sem.release();
                }
            }
        };
        int count1 = semValue - 1;
        waitCount.accept(count1);
        Py.waitThreadsBlocked(k, 10);
        checkEquals(Collections.nCopies(count1, 0), concat(results1, results2), "phase 0");
        phaseNum.set(1);
        int count2 = semValue;
        release.accept(count2);
        waitCount.accept(count1 + count2);
        Py.waitThreadsBlocked(k, 10);
        checkEquals(phases(count1, count2), sorted(concat(results1, results2)), "phase 1");
        phaseNum.set(2);
        int count3 = semValue - 1;
        release.accept(count3);
        waitCount.accept(count1 + count2 + count3);
        Py.waitThreadsBlocked(k, 10);
        checkEquals(phases(count1, count2, count3), sorted(concat(results1, results2)), "phase 2");
        check(!sem.tryAcquire(), "the semaphore is still locked");
        sem.release(); // the final release lets the last thread finish
        bunch.join();
        checkEquals(Collections.nCopies(count1 + count2 + count3 + 1, true), semResults, "acquire results");
    }

    private static List<Integer> concat(List<Integer> a, List<Integer> b) {
        List<Integer> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static List<Integer> sorted(List<Integer> a) {
        List<Integer> out = new ArrayList<>(a);
        Collections.sort(out);
        return out;
    }

    private static List<Integer> phases(int... counts) {
        List<Integer> out = new ArrayList<>();
        for (int p = 0; p < counts.length; p++) {
            out.addAll(Collections.nCopies(counts[p], p));
        }
        return out;
    }

    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void semaphore_test_try_acquire(String mode, RunSettings s) throws Exception {
        for (boolean bounded : new boolean[] {false, true}) {
            Py.runClean(s, k -> {
                Semaphore sem = withValue(bounded, 2).apply(k);
                check(sem.tryAcquire(), "1st");
                check(sem.tryAcquire(), "2nd");
                check(!sem.tryAcquire(), "3rd");
                sem.release();
                check(sem.tryAcquire(), "after release");
            });
        }
    }

    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void semaphore_test_try_acquire_contended(String mode, RunSettings s) throws Exception {
        for (boolean bounded : new boolean[] {false, true}) {
            Py.runClean(s, k -> {
                Semaphore sem = withValue(bounded, 4).apply(k);
                sem.acquire();
                List<Boolean> results = new CopyOnWriteArrayList<>();
                new Bunch(k, 5, () -> {
                    results.add(sem.tryAcquire());
                    results.add(sem.tryAcquire());
                }).join();
                List<Boolean> sorted = new ArrayList<>(results);
                Collections.sort(sorted);
                List<Boolean> expected = new ArrayList<>(Collections.nCopies(7, false));
                expected.addAll(Collections.nCopies(3, true));
                checkEquals(expected, sorted, "results");
            });
        }
    }

    /** Timed waits are never part of a deadlock: the os watchdog used to end this run. */
    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void semaphore_test_acquire_timeout(String mode, RunSettings s) throws Exception {
        for (boolean bounded : new boolean[] {false, true}) {
            Py.runClean(s, k -> {
                Semaphore sem = withValue(bounded, 2).apply(k);
                raises("ValueError", "can't specify timeout for non-blocking acquire", () -> sem.acquire(false, 1.0));
                check(sem.acquire(0.005), "1st");
                check(sem.acquire(0.005), "2nd");
                check(!sem.acquire(0.005), "3rd");
                sem.release();
                check(sem.acquire(0.005), "after release");
                double t = Py.clock(k);
                double timeout = Py.shortTimeout(k, 0.5) * 5; // long enough for the old watchdog to see it twice
                check(!sem.acquire(timeout), "timed out");
                Py.checkWaited(Py.clock(k) - t, timeout);
            });
        }
    }

    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void semaphore_test_default_value(String mode, RunSettings s) throws Exception {
        Py.runClean(s, k -> {
            Semaphore sem = k.semaphore("sem"); // the default initial value is 1
            sem.acquire();
            Bunch bunch = new Bunch(k, 1, () -> {
                sem.acquire();
                sem.release();
            });
            waitThreadsBlocked(k, 1);
            check(bunch.finished.isEmpty(), "blocked on sem.acquire()");
            sem.release();
            bunch.join();
        });
    }

    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void semaphore_test_with(String mode, RunSettings s) throws Exception {
        for (boolean bounded : new boolean[] {false, true}) {
            Py.runClean(s, k -> {
                Semaphore sem = withValue(bounded, 2).apply(k);
                for (boolean raise : new boolean[] {false, true}) {
                    try {
                        sem.acquire();
                        try {
                            check(sem.tryAcquire(), "second permit");
                            sem.release();
                            sem.acquire();
                            try {
                                check(!sem.tryAcquire(), "no third permit");
                                if (raise) {
                                    throw new IllegalStateException("TypeError");
                                }
                            } finally {
                                sem.release();
                            }
                        } finally {
                            sem.release();
                        }
                    } catch (IllegalStateException expected) {
                        check(raise, "raised only when asked");
                    }
                    check(sem.tryAcquire(), "free again after 'with'");
                    sem.release();
                }
            });
        }
    }

    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void semaphore_test_release_unacquired(String mode, RunSettings s) throws Exception {
        Py.runClean(s, k -> { // unbounded releases are allowed and increment the value
            Semaphore sem = k.semaphore("sem", 1);
            sem.release();
            sem.acquire();
            sem.acquire();
            sem.release();
        });
    }

    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void bounded_semaphore_test_release_unacquired(String mode, RunSettings s) throws Exception {
        Py.runClean(s, k -> { // cannot go past the initial value
            Semaphore sem = k.boundedSemaphore("bsem", 1);
            raises("ValueError", "Semaphore released too many times", sem::release);
            sem.acquire();
            sem.release();
            raises("ValueError", "Semaphore released too many times", sem::release);
        });
    }
}
