package interleave.engine;

import interleave.trace.EventKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each rule of Python's threading module that INDEX.md lists, in every mode. */
class PrimitiveSemanticsTest {

    // ---------- Lock ----------

    @ParameterizedTest
    @EnumSource(Mode.class)
    void lockHolderAcquiringAgainBlocksUntilTimeout(Mode mode) throws Exception {
        AtomicReference<Boolean> second = new AtomicReference<>();
        Harness.run(mode, k -> {
            Lock lock = k.lock("lock");
            lock.acquire();
            second.set(lock.acquire(0.05)); // not reentrant: the holder blocks, then the timeout expires
            lock.release();
        });
        assertEquals(false, second.get());
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"SIM", "COOPERATIVE"})
    void lockHolderAcquiringAgainWithoutTimeoutIsASelfDeadlock(Mode mode) throws Exception {
        Kernel k = Harness.run(mode, kk -> {
            Lock lock = kk.lock("lock");
            lock.acquire();
            lock.acquire();
        });
        RunOutcome o = k.outcomeNow();
        assertEquals(RunOutcome.Status.DEADLOCK, o.status());
        assertTrue(o.deadlock().cycle());
        assertEquals(List.of(0), o.deadlock().threads());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void anyThreadMayReleaseALock(Mode mode) throws Exception {
        AtomicBoolean freeAfter = new AtomicBoolean();
        Kernel k = Harness.run(mode, kk -> {
            Lock lock = kk.lock("lock");
            lock.acquire();
            Worker other = kk.thread("other", false, lock::release);
            other.start();
            other.join();
            freeAfter.set(!lock.locked());
        });
        assertTrue(freeAfter.get());
        assertEquals(List.of(), k.errors());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void releasingAnUnlockedLockIsAnError(Mode mode) throws Exception {
        Kernel k = Harness.run(mode, kk -> kk.lock("lock").release());
        assertEquals(List.of("MainThread: RuntimeError: release unlocked lock"), k.errors());
        assertEquals(1, Harness.count(k.trace(), EventKind.ERROR));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void nonBlockingAcquireReportsWhetherItGotTheLock(Mode mode) throws Exception {
        List<Boolean> got = new CopyOnWriteArrayList<>();
        Harness.run(mode, k -> {
            Lock lock = k.lock("lock");
            got.add(lock.tryAcquire());
            Worker w = k.thread("other", false, () -> got.add(lock.tryAcquire()));
            w.start();
            w.join();
            lock.release();
            got.add(lock.tryAcquire());
        });
        assertEquals(List.of(true, false, true), got);
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"SIM", "COOPERATIVE"})
    void releaseDoesNotHandTheLockOverTheReleasingThreadMayTakeItAgainFirst(Mode mode) throws Exception {
        // CPython: release() frees the lock and wakes a waiter; the releasing thread keeps the CPU and, if it
        // asks again before the waiter runs, gets the lock again; the waiter then finds it taken and waits on
        List<Boolean> mainGotItBack = new CopyOnWriteArrayList<>();
        Kernel k = Harness.run(Harness.settings(mode).withPolicy(Policy.RR).withQuantum(1000), kk -> {
            Lock lock = kk.lock("lock");
            lock.acquire();
            Worker waiter = kk.thread("waiter", false, () -> {
                lock.acquire();
                lock.release();
            });
            waiter.start();
            kk.yieldNow();            // the waiter runs and blocks on the lock
            lock.release();           // wakes the waiter, which is ready but not yet running
            mainGotItBack.add(lock.tryAcquire());
            kk.yieldNow();            // the waiter runs, finds the lock taken again, blocks again
            lock.release();
            waiter.join();
        });
        assertEquals(List.of(true), mainGotItBack);
        List<EventKind> waiterLockEvents = new java.util.ArrayList<>();
        for (long i = 0; i < k.trace().size(); i++) {
            if (k.trace().thread(i) == 1 && k.trace().object(i) == 0 && k.trace().kind(i) != EventKind.SWITCH) {
                waiterLockEvents.add(k.trace().kind(i));
            }
        }
        assertEquals(List.of(EventKind.BLOCK, EventKind.WAKE, EventKind.BLOCK, EventKind.WAKE, EventKind.ACQUIRE,
                EventKind.RELEASE), waiterLockEvents);
        assertEquals(List.of(), k.errors());
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"SIM", "COOPERATIVE"})
    void aTimeoutCountsFromTheFirstAttemptEvenWhenTheWaiterIsWokenAndBlocksAgain(Mode mode) throws Exception {
        AtomicReference<Boolean> got = new AtomicReference<>();
        AtomicReference<Long> waitedTicks = new AtomicReference<>();
        Harness.run(Harness.settings(mode).withPolicy(Policy.RR).withQuantum(1000), kk -> {
            Lock lock = kk.lock("lock");
            lock.acquire();
            Worker waiter = kk.thread("waiter", false, () -> {
                long t0 = kk.now();
                got.set(lock.acquire(1.0));
                waitedTicks.set(kk.now() - t0);
            });
            waiter.start();
            for (int i = 0; i < 3; i++) {
                kk.sleep(0.4);        // the waiter waits; each release wakes it, and it finds the lock taken again
                lock.release();
                lock.acquire();
            }
            waiter.join();
            lock.release();
        });
        assertEquals(false, got.get());
        assertTrue(waitedTicks.get() >= 1_000_000 && waitedTicks.get() < 1_100_000, "waited " + waitedTicks.get());
    }

    // ---------- RLock ----------

    @ParameterizedTest
    @EnumSource(Mode.class)
    void rlockOwnerMayAcquireAgainAndItIsFreeOnlyWhenTheCountReturnsToZero(Mode mode) throws Exception {
        List<Boolean> otherGot = new CopyOnWriteArrayList<>();
        Harness.run(mode, k -> {
            RLock r = k.rlock("r");
            r.acquire();
            r.acquire(); // reentrant: no blocking
            r.release();
            Worker probe = k.thread("probe", false, () -> {
                otherGot.add(r.tryAcquire());
            });
            probe.start();
            probe.join();
            r.release();
            Worker probe2 = k.thread("probe2", false, () -> {
                boolean ok = r.tryAcquire();
                otherGot.add(ok);
                if (ok) {
                    r.release();
                }
            });
            probe2.start();
            probe2.join();
        });
        assertEquals(List.of(false, true), otherGot);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void onlyTheOwnerMayReleaseAnRLock(Mode mode) throws Exception {
        Kernel k = Harness.run(mode, kk -> {
            RLock r = kk.rlock("r");
            r.acquire();
            Worker thief = kk.thread("thief", false, r::release);
            thief.start();
            thief.join();
            r.release();
        });
        assertEquals(List.of("thief: RuntimeError: cannot release un-acquired lock"), k.errors());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void rlockAcquireWithTimeoutReturnsFalseWhenItExpires(Mode mode) throws Exception {
        AtomicReference<Boolean> got = new AtomicReference<>();
        Harness.run(mode, k -> {
            RLock r = k.rlock("r");
            r.acquire();
            Worker w = k.thread("w", false, () -> got.set(r.acquire(0.05)));
            w.start();
            w.join();
            r.release();
        });
        assertEquals(false, got.get());
    }

    // ---------- Event ----------

    @ParameterizedTest
    @EnumSource(Mode.class)
    void eventSetWakesEveryWaiter(Mode mode) throws Exception {
        AtomicInteger passed = new AtomicInteger();
        Harness.run(mode, k -> {
            Event e = k.event("gate");
            Worker[] ws = new Worker[5];
            for (int i = 0; i < ws.length; i++) {
                ws[i] = k.thread("w" + i, false, () -> {
                    if (e.await()) {
                        passed.incrementAndGet();
                    }
                });
                ws[i].start();
            }
            k.sleep(0.05);
            if (passed.get() != 0) {
                throw new AssertionError("a waiter passed before the event was set");
            }
            e.set();
            for (Worker w : ws) {
                w.join();
            }
        });
        assertEquals(5, passed.get());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void eventWaitWithTimeoutReturnsTheFlagAndClearRearms(Mode mode) throws Exception {
        List<Boolean> results = new CopyOnWriteArrayList<>();
        Harness.run(mode, k -> {
            Event e = k.event("e");
            results.add(e.await(0.02));   // not set: times out, returns false
            e.set();
            results.add(e.await(0.02));   // set: returns true at once
            results.add(e.isSet());
            e.clear();
            results.add(e.isSet());
            results.add(e.await(0.02));   // re-armed: times out again
        });
        assertEquals(List.of(false, true, true, false, false), results);
    }

    // ---------- Semaphore ----------

    @ParameterizedTest
    @EnumSource(Mode.class)
    void semaphoreAcquireBlocksAtZeroAndReleaseAddsOne(Mode mode) throws Exception {
        List<Object> seen = new CopyOnWriteArrayList<>();
        Harness.run(mode, k -> {
            Semaphore s = k.semaphore("pool", 2);
            s.acquire();
            s.acquire();
            seen.add(s.value());
            seen.add(s.tryAcquire());
            seen.add(s.acquire(0.02));
            s.release();
            seen.add(s.tryAcquire());
            s.release();
            s.release();
            s.release(); // a plain Semaphore may go above its start value
            seen.add(s.value());
        });
        assertEquals(List.of(0, false, false, true, 3), seen);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void boundedSemaphoreReleasedAboveItsStartValueIsAnError(Mode mode) throws Exception {
        Kernel k = Harness.run(mode, kk -> {
            Semaphore s = kk.boundedSemaphore("pool", 1);
            s.acquire();
            s.release();
            s.release();
        });
        assertEquals(List.of("MainThread: ValueError: Semaphore released too many times"), k.errors());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void semaphoreWakesABlockedAcquirer(Mode mode) throws Exception {
        AtomicBoolean got = new AtomicBoolean();
        Harness.run(mode, k -> {
            Semaphore s = k.semaphore("pool", 0);
            Worker w = k.thread("w", false, () -> {
                s.acquire();
                got.set(true);
            });
            w.start();
            k.sleep(0.02);
            s.release();
            w.join();
        });
        assertTrue(got.get());
    }

    // ---------- Condition ----------

    @ParameterizedTest
    @EnumSource(Mode.class)
    void conditionWaitReleasesTheLockAndReacquiresItBeforeReturning(Mode mode) throws Exception {
        List<Object> seen = new CopyOnWriteArrayList<>();
        Harness.run(mode, k -> {
            Lock lock = k.lock("lock");
            Condition c = k.condition("cond", lock);
            AtomicBoolean ready = new AtomicBoolean();
            Worker waiter = k.thread("waiter", false, () -> {
                c.acquire();
                while (!ready.get()) {
                    c.await();
                }
                seen.add("waiter holds lock: " + lock.locked());
                c.release();
            });
            waiter.start();
            k.sleep(0.02);
            // the waiter is inside await: the lock must be free for us
            seen.add("main got lock: " + lock.tryAcquire());
            ready.set(true);
            c.notifyOne();
            Worker probe = k.thread("probe", false, () -> seen.add("probe got lock: " + lock.tryAcquire()));
            probe.start();
            probe.join(); // main still holds it: the notified waiter cannot have returned yet
            c.release();
            waiter.join();
        });
        assertEquals(List.of("main got lock: true", "probe got lock: false", "waiter holds lock: true"), seen);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void conditionNotifyWakesNAndNotifyAllWakesEveryone(Mode mode) throws Exception {
        AtomicInteger woken = new AtomicInteger();
        List<Integer> counts = new CopyOnWriteArrayList<>();
        Harness.run(mode, k -> {
            RLock lock = k.rlock("lock");
            Condition c = k.condition("cond", lock);
            Worker[] ws = new Worker[4];
            for (int i = 0; i < ws.length; i++) {
                ws[i] = k.thread("w" + i, false, () -> {
                    c.acquire();
                    c.await();
                    woken.incrementAndGet();
                    c.release();
                });
                ws[i].start();
            }
            k.sleep(0.05);
            c.acquire();
            c.notify(1);
            c.release();
            k.sleep(0.05);
            counts.add(woken.get());
            c.acquire();
            c.notifyAllWaiters();
            c.release();
            for (Worker w : ws) {
                w.join();
            }
            counts.add(woken.get());
        });
        assertEquals(List.of(1, 4), counts);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void conditionWaitWithoutTheLockIsAnErrorAndATimedWaitReturnsFalse(Mode mode) throws Exception {
        AtomicReference<Boolean> timed = new AtomicReference<>();
        Kernel k = Harness.run(mode, kk -> {
            Lock lock = kk.lock("lock");
            Condition c = kk.condition("cond", lock);
            c.acquire();
            timed.set(c.await(0.02));
            c.release();
            c.await();
        });
        assertEquals(false, timed.get());
        assertEquals(List.of("MainThread: RuntimeError: cannot wait on un-acquired lock"), k.errors());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void conditionWaitForChecksThePredicateAfterEveryWakeUp(Mode mode) throws Exception {
        AtomicInteger items = new AtomicInteger();
        AtomicBoolean consumed = new AtomicBoolean();
        Harness.run(mode, k -> {
            Lock lock = k.lock("lock");
            Condition c = k.condition("cond", lock);
            Worker consumer = k.thread("consumer", false, () -> {
                c.acquire();
                c.awaitFor(() -> items.get() >= 2);
                consumed.set(items.get() >= 2);
                c.release();
            });
            consumer.start();
            for (int i = 0; i < 2; i++) {
                k.sleep(0.01);
                c.acquire();
                items.incrementAndGet();
                c.notifyAllWaiters();
                c.release();
            }
            consumer.join();
        });
        assertTrue(consumed.get());
    }

    // ---------- ThreadLocal ----------

    @ParameterizedTest
    @EnumSource(Mode.class)
    void threadLocalShowsEachThreadOnlyItsOwnValue(Mode mode) throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        Kernel k = Harness.run(mode, kk -> {
            ThreadLocalVar student = kk.local("student");
            Worker a = kk.thread("Thread-A", false, () -> {
                student.set("Alice");
                kk.yieldNow();
                seen.add("A sees " + student.get());
            });
            Worker b = kk.thread("Thread-B", false, () -> {
                student.set("Bob");
                kk.yieldNow();
                seen.add("B sees " + student.get());
            });
            a.start();
            b.start();
            a.join();
            b.join();
            student.get(); // main never bound it
        });
        assertEquals(List.of("A sees Alice", "B sees Bob"), seen.stream().sorted().toList());
        assertEquals(1, k.errors().size());
        assertTrue(k.errors().get(0).startsWith("MainThread: AttributeError"), k.errors().get(0));
    }

    // ---------- Thread ----------

    @ParameterizedTest
    @EnumSource(Mode.class)
    void joinWithTimeoutLeavesTheThreadAliveAndDaemonsDieWithTheProgram(Mode mode) throws Exception {
        List<Object> seen = new CopyOnWriteArrayList<>();
        AtomicBoolean daemonFinished = new AtomicBoolean();
        AtomicBoolean workerFinished = new AtomicBoolean();
        Kernel k = Harness.run(mode, kk -> {
            Worker slow = kk.thread("slow", false, () -> {
                kk.sleep(0.2);
                workerFinished.set(true);
            });
            Worker forever = kk.thread("forever", true, () -> {
                // ends on its own after 5 s (well within the harness's 20 s): only if the program waits for it
                for (int i = 0; i < 500; i++) {
                    kk.sleep(0.01);
                }
                daemonFinished.set(true);
            });
            seen.add(slow.isAlive());
            slow.start();
            forever.start();
            slow.join(0.01);
            seen.add(slow.isAlive());
            seen.add(forever.daemon());
            // main ends here: the program waits for 'slow' but not for the daemon
        });
        assertEquals(List.of(false, true, true), seen);
        assertTrue(workerFinished.get(), "the non-daemon thread must be waited for");
        assertFalse(daemonFinished.get(), "the daemon must die with the program, not run to its end");
        assertEquals(1, Harness.count(k.trace(), EventKind.THREAD_KILLED));
        assertEquals(RunOutcome.Status.FINISHED, k.outcomeNow().status());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aThreadCannotBeStartedTwice(Mode mode) throws Exception {
        Kernel k = Harness.run(mode, kk -> {
            Worker w = kk.thread("w", false, () -> { });
            w.start();
            w.join();
            w.start();
        });
        assertEquals(List.of("MainThread: RuntimeError: threads can only be started once"), k.errors());
    }
}
