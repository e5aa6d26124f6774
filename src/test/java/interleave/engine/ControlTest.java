package interleave.engine;

import interleave.trace.EventKind;
import interleave.trace.SwitchReason;
import interleave.trace.Trace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pause, step, stop from every state, picking the next thread by hand. */
class ControlTest {

    private static void counter(Kernel k, int n) {
        SharedInt x = k.sharedInt("x", 0);
        Worker a = k.thread("A", false, () -> {
            for (int i = 0; i < n; i++) {
                x.write(x.read() + 1);
            }
        });
        Worker b = k.thread("B", false, () -> {
            for (int i = 0; i < n; i++) {
                x.write(x.read() + 1);
            }
        });
        a.start();
        b.start();
        a.join();
        b.join();
    }

    /** Polls (bounded) until the condition holds. */
    private static void await(java.util.function.BooleanSupplier c) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!c.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not reached in 10 s");
            }
            Thread.sleep(2);
        }
    }

    /** Waits until the trace stops growing for a while (the run is parked at its gate). */
    private static long settled(Trace t) throws InterruptedException {
        long last = -1;
        while (true) {
            long now = t.size();
            if (now == last) {
                return now;
            }
            last = now;
            Thread.sleep(50);
        }
    }

    /** Stop ended the run as stopped, every worker is gone, and no thread was made to look as if it finished. */
    private static void assertStopped(Kernel k) throws InterruptedException {
        Harness.noLeaks(k);
        assertEquals(RunOutcome.Status.STOPPED, k.outcomeNow().status());
        assertEquals(0, Harness.count(k.trace(), EventKind.THREAD_END), "a stopped thread does not end normally");
        assertEquals(List.of(), k.errors());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void eachStepRunsExactlyOneSchedulingPoint(Mode mode) throws Exception {
        RunControl control = new RunControl(true, true);
        Kernel k = Harness.kernel(Harness.settings(mode), control);
        k.start(() -> counter(k, 1000));
        settled(k.trace());
        assertEquals(0, k.trace().pointCount(), "a run started paused runs nothing");
        for (int i = 1; i <= 25; i++) {
            control.step();
            final long expected = i;
            await(() -> k.trace().pointCount() >= expected);
            settled(k.trace());
            assertEquals(i, k.trace().pointCount(), "after step " + i);
        }
        control.stop();
        Harness.noLeaks(k);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void pauseStopsTheTraceFromGrowingAndResumeGoesOn(Mode mode) throws Exception {
        RunControl control = new RunControl(true, false);
        Kernel k = Harness.kernel(Harness.settings(mode), control);
        k.start(() -> counter(k, 5_000_000));
        await(() -> k.trace().size() > 1000);
        control.pause();
        long paused = settled(k.trace());
        Thread.sleep(100);
        assertEquals(paused, k.trace().size());
        control.resume();
        await(() -> k.trace().size() > paused + 1000);
        control.stop();
        Harness.noLeaks(k);
        assertEquals(RunOutcome.Status.STOPPED, k.outcomeNow().status());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void stopWorksWhileRunningInACpuLoop(Mode mode) throws Exception {
        RunControl control = new RunControl(true, false);
        Kernel k = Harness.kernel(Harness.settings(mode), control);
        k.start(() -> {
            Worker spinner = k.thread("spinner", false, () -> {
                while (true) {
                    k.step();
                }
            });
            spinner.start();
            spinner.join();
        });
        await(() -> k.trace().size() > 10_000);
        control.stop();
        assertStopped(k);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void stopWorksWhileEveryThreadIsBlockedOnAnEventOnlyAUserCouldSet(Mode mode) throws Exception {
        RunControl control = new RunControl(true, false);
        Kernel k = Harness.kernel(Harness.settings(mode), control);
        k.start(() -> {
            Event never = k.event("never");
            Worker w = k.thread("waiter", false, never::await);
            w.start();
            w.join();
        });
        Thread.sleep(200);
        assertFalse(k.done(), "with a user present, an unset event is not a deadlock");
        control.stop();
        assertStopped(k);
    }

    /** The "Set event" button reaches a run whose every thread waits for it (in os mode no worker passes a gate). */
    @ParameterizedTest
    @EnumSource(Mode.class)
    void anActionReachesARunWhoseEveryThreadIsBlocked(Mode mode) throws Exception {
        RunControl control = new RunControl(true, false);
        Kernel k = Harness.kernel(Harness.settings(mode), control);
        Event[] gate = new Event[1];
        k.start(() -> {
            gate[0] = k.event("gate");
            Worker w = k.thread("waiter", false, gate[0]::await);
            w.start();
            w.join();
        });
        Thread.sleep(200);
        assertFalse(k.done(), "waiting for the user");
        control.submit(new Command(Command.Kind.ACTION, 0, 0, () -> gate[0].set()));
        RunOutcome o = k.awaitOutcome(10_000);
        assertEquals(RunOutcome.Status.FINISHED, o == null ? null : o.status());
        assertEquals(1, Harness.count(k.trace(), EventKind.ACTION));
        Harness.noLeaks(k);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void stopWorksWhilePausedAndWhileSleeping(Mode mode) throws Exception {
        RunControl control = new RunControl(true, false);
        Kernel k = Harness.kernel(Harness.settings(mode), control);
        k.start(() -> {
            Worker sleeper = k.thread("sleeper", false, () -> k.sleep(3600));
            Worker blocked = k.thread("blocked", false, () -> {
                Lock l = k.lock("l");
                l.acquire();
                l.acquire();
            });
            // keeps the virtual clock from jumping to the sleeper's deadline (and the run from a deadlock)
            Worker spinner = k.thread("spinner", false, () -> {
                while (true) {
                    k.step();
                }
            });
            sleeper.start();
            blocked.start();
            spinner.start();
            sleeper.join();
        });
        Thread.sleep(100);
        control.pause();
        control.stop();
        assertStopped(k);
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"SIM", "OS"})
    void stopWorksInADeadlockedRunWithAUserPresent(Mode mode) throws Exception {
        RunControl control = new RunControl(true, false);
        Kernel k = Harness.kernel(Harness.settings(mode), control);
        k.start(() -> {
            Lock a = k.lock("a");
            Lock b = k.lock("b");
            Worker t1 = k.thread("t1", false, () -> { a.acquire(); k.sleep(0.05); b.acquire(); });
            Worker t2 = k.thread("t2", false, () -> { b.acquire(); k.sleep(0.05); a.acquire(); });
            t1.start();
            t2.start();
            t1.join();
        });
        RunOutcome o = k.awaitOutcome(5_000);
        assertEquals(RunOutcome.Status.DEADLOCK, o.status(), "a cycle ends the run even with a user present");
        control.stop();
        Harness.noLeaks(k);
    }

    @Test
    void theTeacherCanPickTheNextThread() throws Exception {
        RunControl control = new RunControl(true, true);
        RunSettings s = RunSettings.DEFAULT.withPolicy(Policy.RR).withQuantum(1000);
        Kernel k = Harness.kernel(s, control);
        k.start(() -> counter(k, 50));
        // run until A is on the core: it took it when MainThread started it (start() waits until the new thread
        // runs), so MainThread is the one ready
        for (int i = 0; i < 8; i++) {
            control.step();
        }
        await(() -> k.trace().pointCount() >= 8);
        settled(k.trace());
        int b = 0; // MainThread 0, A 1
        assertEquals(1, k.trace().thread(k.trace().size() - 1), "A ran the last step");
        control.pick(b);
        control.step();
        await(() -> k.trace().pointCount() >= 9);
        settled(k.trace());
        Trace t = k.trace();
        long manual = -1;
        for (long i = 0; i < t.size(); i++) {
            if (t.kind(i) == EventKind.SWITCH && t.value(i) == SwitchReason.MANUAL.ordinal()) {
                manual = i;
            }
        }
        assertTrue(manual >= 0, "a MANUAL switch was recorded");
        assertEquals(b, t.thread(manual));
        long stepAfterPick = manual + 1;
        while (stepAfterPick < t.size() && !t.kind(stepAfterPick).point) {
            stepAfterPick++;
        }
        assertTrue(stepAfterPick < t.size(), "a step followed the pick");
        assertEquals(b, t.thread(stepAfterPick), "the picked thread ran the step");
        assertEquals(9, t.pointCount(), "one step, one point");
        control.stop();
        Harness.noLeaks(k);
    }

    @Test
    void commandsApplyAtTheNextSchedulingPointEvenWhilePaused() throws Exception {
        RunControl control = new RunControl(true, true);
        Kernel k = Harness.kernel(Harness.settings(Mode.SIM), control);
        java.util.concurrent.atomic.AtomicInteger applied = new java.util.concurrent.atomic.AtomicInteger();
        k.start(() -> counter(k, 10));
        control.submit(new Command(Command.Kind.PARAM, 0, 1, applied::incrementAndGet));
        await(() -> applied.get() == 1);
        assertEquals(EventKind.PARAM, k.trace().kind(k.trace().size() - 1));
        assertEquals(0, k.trace().pointCount(), "applying a command is not a step");
        control.stop();
        Harness.noLeaks(k);
    }
}
