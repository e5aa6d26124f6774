package interleave.engine;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static interleave.engine.Py.check;
import static interleave.engine.Py.checkEquals;
import static interleave.engine.Py.raises;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The differences from CPython 3.11 that issue 9 lists, each checked against what python3.11 does (its answers
 * are quoted in the comments), in every mode.
 */
class CPythonDifferencesTest {
    private static final String NAME = "[{index}] {0}";
    private static final String TOO_LARGE = "timestamp out of range for platform time_t";
    private static final String NAN = "Invalid value NaN (not a number)";
    private static final double HUGE = Timeouts.TIMEOUT_MAX + 1;

    /** {@code lock.acquire(timeout=-1)} waits with no timeout, for Lock and RLock. */
    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void acquireWithTimeoutMinusOneWaitsForever(String mode, RunSettings s) throws Exception {
        for (boolean reentrant : new boolean[] {false, true}) {
            List<Boolean> got = new CopyOnWriteArrayList<>();
            Py.runClean(s, k -> {
                Acquirable lock = reentrant ? k.rlock("rlock") : k.lock("lock");
                lock.acquire();
                Worker w = k.thread("waiter", false, () -> {
                    got.add(lock.acquire(-1));
                    lock.release();
                });
                w.start();
                k.sleep(0.3);
                lock.release();
                w.join();
            });
            assertEquals(List.of(true), got, reentrant ? "RLock" : "Lock");
        }
    }

    /**
     * {@code Event.wait(-1)}, {@code Condition.wait(-1)}, {@code Semaphore(0).acquire(timeout=-1)} return False
     * at once, and so do the first two with NaN; {@code join(-1)} returns with the thread still alive.
     */
    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void negativeAndNanWaitsReturnAtOnce(String mode, RunSettings s) throws Exception {
        Py.runClean(s, k -> {
            Event e = k.event("e");
            check(!e.await(-1), "Event.wait(-1)");
            check(!e.await(Double.NaN), "Event.wait(nan)");
            Condition c = k.condition("c");
            c.acquire();
            check(!c.await(-1), "Condition.wait(-1)");
            check(!c.await(Double.NaN), "Condition.wait(nan)");
            c.release();
            Semaphore sem = k.semaphore("sem", 0);
            check(!sem.acquire(-1), "Semaphore.acquire(timeout=-1)");
            check(!sem.acquire(-2), "Semaphore.acquire(timeout=-2)");
            check(!sem.acquire(Double.NEGATIVE_INFINITY), "Semaphore.acquire(timeout=-inf)");
            Event go = k.event("go");
            Worker w = k.thread("w", false, go::await);
            w.start();
            w.join(-1);
            check(w.isAlive(), "alive after join(-1)");
            go.set();
            w.join();
        });
    }

    /** In virtual time "at once" can be checked exactly: no wait above takes a virtual millisecond. */
    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"SIM", "COOPERATIVE"})
    void negativeWaitsTakeNoVirtualTime(Mode mode) throws Exception {
        Py.runClean(Harness.settings(mode), k -> {
            Event e = k.event("e");
            Condition c = k.condition("c");
            Semaphore sem = k.semaphore("sem", 0);
            double t0 = Py.clock(k);
            e.await(-1);
            c.acquire();
            c.await(-1);
            c.release();
            sem.acquire(-1);
            check(Py.clock(k) - t0 < 0.001, "took " + (Py.clock(k) - t0) + " virtual s");
        });
    }

    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void badTimeoutsRaiseAsCPython(String mode, RunSettings s) throws Exception {
        Py.runClean(s, k -> {
            for (Acquirable lock : List.of(k.lock("lock"), k.rlock("rlock"))) {
                raises("ValueError", "timeout value must be positive", () -> lock.acquire(-2));
                raises("ValueError", "can't specify a timeout for a non-blocking call", () -> lock.acquire(false, 1));
                raises("ValueError", "can't specify a timeout for a non-blocking call", () -> lock.acquire(false, 0));
                check(lock.acquire(false, -1), "acquire(False, -1)");
                lock.release();
                raises("ValueError", NAN, () -> lock.acquire(Double.NaN));
                raises("OverflowError", TOO_LARGE, () -> lock.acquire(HUGE));
                raises("OverflowError", TOO_LARGE, () -> lock.acquire(Double.POSITIVE_INFINITY));
                raises("OverflowError", TOO_LARGE, () -> lock.acquire(Double.NEGATIVE_INFINITY));
            }
            raises("OverflowError", TOO_LARGE, () -> k.event("e").await(HUGE));
            Event set = k.event("set");
            set.set();
            check(set.await(HUGE), "a set event does not look at the timeout");
            Condition c = k.condition("c");
            c.acquire();
            raises("OverflowError", TOO_LARGE, () -> c.await(HUGE));
            c.release();
            raises("OverflowError", TOO_LARGE, () -> k.semaphore("empty", 0).acquire(HUGE));
            check(k.semaphore("one", 1).acquire(HUGE), "no wait, so no check");
            raises("ValueError", "can't specify timeout for non-blocking acquire",
                    () -> k.semaphore("s", 1).acquire(false, 1));
            Event go = k.event("go");
            Worker w = k.thread("w", false, go::await);
            w.start();
            raises("ValueError", NAN, () -> w.join(Double.NaN));
            raises("OverflowError", TOO_LARGE, () -> w.join(HUGE));
            go.set();
            w.join();
            w.join(Double.NaN); // CPython: a finished thread's join does not look at the timeout
            raises("ValueError", "sleep length must be non-negative", () -> k.sleep(-1));
            raises("ValueError", NAN, () -> k.sleep(Double.NaN));
            raises("OverflowError", TOO_LARGE, () -> k.sleep(HUGE));
        });
    }

    /** CPython's Semaphore.acquire(timeout=nan) never times out (it loops until a permit comes). */
    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void semaphoreAcquireWithNanWaitsForAPermit(String mode, RunSettings s) throws Exception {
        List<Boolean> got = new CopyOnWriteArrayList<>();
        Py.runClean(s, k -> {
            Semaphore sem = k.semaphore("sem", 0);
            Worker w = k.thread("w", false, () -> got.add(sem.acquire(Double.NaN)));
            w.start();
            k.sleep(0.2);
            sem.release();
            w.join();
        });
        assertEquals(List.of(true), got);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aMissingThreadLocalAttributeSaysSoInCPythonsWords(Mode mode) throws Exception {
        Kernel k = Harness.run(mode, kk -> kk.local("x").get());
        assertEquals(List.of("MainThread: AttributeError: '_thread._local' object has no attribute 'x'"), k.errors());
    }

    // ---------- the os watchdog ends only runs CPython cannot complete ----------

    /** Any thread may release a Lock: one blocked on a lock it holds itself waits for main, which releases it. */
    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void aThreadWaitingForItsOwnLockIsNoDeadlockWhileAnotherThreadMayReleaseIt(String mode, RunSettings s)
            throws Exception {
        Py.runClean(s, k -> {
            Lock lock = k.lock("lock");
            Worker w = k.thread("w", false, () -> {
                lock.acquire();
                lock.acquire();
            });
            w.start();
            k.sleep(0.5); // more than twice the watchdog's period
            lock.release();
            w.join();
        });
    }

    /** Any thread may release a Semaphore, also one that never acquired it. */
    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void aSemaphoreWaitIsNoDeadlockWhileAnotherThreadMayRelease(String mode, RunSettings s) throws Exception {
        Py.runClean(s, k -> {
            Semaphore sem = k.semaphore("sem", 1);
            Worker w = k.thread("w", false, () -> {
                sem.acquire();
                sem.acquire();
            });
            w.start();
            k.sleep(0.5);
            sem.release();
            w.join();
        });
    }

    /** A timed wait ends by itself: a wait-for cycle through it is not a deadlock. */
    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void aCycleWithATimedWaitIsNoDeadlock(String mode, RunSettings s) throws Exception {
        List<Boolean> t1Got = new CopyOnWriteArrayList<>();
        Py.runClean(s, k -> {
            Lock a = k.lock("a");
            Lock b = k.lock("b");
            Event aHeld = k.event("a held");
            Event bHeld = k.event("b held");
            Worker t1 = k.thread("t1", false, () -> {
                a.acquire();
                aHeld.set();
                bHeld.await();
                t1Got.add(b.acquire(0.5)); // t2 holds b until it gets a: this times out, then lets t2 go on
                a.release();
            });
            Worker t2 = k.thread("t2", false, () -> {
                b.acquire();
                bHeld.set();
                aHeld.await();
                a.acquire();
                a.release();
                b.release();
            });
            t1.start();
            t2.start();
            t1.join();
            t2.join();
        });
        assertEquals(List.of(false), t1Got);
    }

    /** A real deadlock through a Semaphore (every live thread stuck, no deadline) is still found in os mode. */
    @ParameterizedTest
    @EnumSource(Mode.class)
    void everyThreadStuckOnASemaphoreIsADeadlock(Mode mode) throws Exception {
        Kernel k = Harness.run(mode, kk -> {
            Semaphore sem = kk.semaphore("sem", 1);
            sem.acquire();
            Worker w = kk.thread("w", false, sem::acquire);
            w.start();
            w.join();
        });
        assertEquals(RunOutcome.Status.DEADLOCK, k.outcomeNow().status());
        assertEquals(List.of(0, 1), k.outcomeNow().deadlock().threads().stream().sorted().toList());
    }

    /** With nobody to press a button, an event no thread can set ends the run, in os mode as in sim. */
    @ParameterizedTest
    @EnumSource(Mode.class)
    void anEventNoThreadCanSetEndsAHeadlessRun(Mode mode) throws Exception {
        Kernel k = Harness.run(mode, kk -> kk.event("never").await());
        assertEquals(RunOutcome.Status.DEADLOCK, k.outcomeNow().status());
        assertEquals(List.of(0), k.outcomeNow().deadlock().threads());
    }

    // ---------- OsLock: taking the lock and recording the taker are one step ----------

    /**
     * A thread that fails {@code acquire(False)} knows the lock is held and may release it, as Python allows.
     * Before the fix, os mode took the permit first and recorded the owner after; a release in between raised
     * "release unlocked lock" (a race: this test hits it with high probability, not with certainty).
     */
    @ParameterizedTest
    @EnumSource(Mode.class)
    void aLockHeldByOneThreadMayBeReleasedByAnotherAtAnyMoment(Mode mode) throws Exception {
        int n = mode == Mode.OS ? 100_000 : 2_000;
        AtomicBoolean done = new AtomicBoolean();
        Py.runClean(Harness.settings(mode), kk -> {
            Lock lock = kk.lock("lock");
            Worker taker = kk.thread("taker", false, () -> {
                for (int i = 0; i < n; i++) {
                    lock.acquire();
                }
                done.set(true);
            });
            Worker releaser = kk.thread("releaser", false, () -> {
                while (!done.get()) {
                    lock.tryAcquire(); // got it or not: either way it is held now, so releasing is legal
                    lock.release();
                    kk.yieldNow(); // cooperative mode: let the taker run
                }
            });
            taker.start();
            releaser.start();
            taker.join();
            releaser.join();
        });
        assertTrue(done.get());
    }
}
