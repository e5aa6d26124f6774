package interleave.engine;

import interleave.trace.EventKind;
import interleave.trace.Trace;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** input() with a user present: the reader waits for a typed line while the other threads go on. */
class KeyboardTest {

    /** Not paused, no actions (a teacher's program), someone at the window. */
    private static RunControl present() {
        return new RunControl(false, false, true);
    }

    private static void await(BooleanSupplier c) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!c.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not reached in 20 s");
            }
            Thread.sleep(2);
        }
    }

    /** MainThread starts A, then B, and joins both. */
    private static void startAThenB(Kernel k, Runnable a, Runnable b) {
        k.start(() -> {
            Worker wa = k.thread("A", false, a);
            Worker wb = k.thread("B", false, b);
            wa.start();
            wb.start();
            wa.join();
            wb.join();
        });
    }

    /** Once A waits at the keyboard and B steps (cooperative: B keeps the core), types the line, then lets B on. */
    private static void typeWhileBSteps(Kernel k, String line, java.util.concurrent.atomic.AtomicBoolean typed)
            throws InterruptedException {
        Trace t = k.trace();
        await(() -> Harness.count(t, EventKind.INPUT_WAIT) == 1 && Harness.count(t, EventKind.STEP) > 0);
        k.typeLine(line);
        await(() -> Harness.count(t, EventKind.INPUT_TYPED) == 1);
        typed.set(true);
    }

    private static long first(Trace t, EventKind kind) {
        for (long i = 0; i < t.size(); i++) {
            if (t.kind(i) == kind) {
                return i;
            }
        }
        return -1;
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void withNobodyAtTheKeyboardInputReadsEndOfFile(Mode mode) throws Exception {
        List<String> got = new CopyOnWriteArrayList<>();
        Kernel k = Harness.run(mode, kk -> got.add(String.valueOf(kk.readLine("name? "))));
        assertEquals(List.of("null"), got);
        assertEquals(-1, first(k.trace(), EventKind.INPUT_WAIT), "nobody waits for a keyboard there is not");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void theReaderWaitsForTheLineWhileTheOthersRunAndNoStallIsReported(Mode mode) throws Exception {
        Kernel k = Harness.kernel(Harness.settings(mode), present());
        List<String> got = new CopyOnWriteArrayList<>();
        k.start(() -> {
            Event gate = k.event("gate");
            SharedInt x = k.sharedInt("x", 0);
            Worker w = k.thread("worker", false, () -> {
                for (int i = 0; i < 5; i++) {
                    x.write(x.read() + 1);
                }
                gate.await(); // and now every thread waits: the worker here, MainThread at the keyboard
                got.add("worker passed");
            });
            w.start();
            got.add(k.readLine("Press Enter to open the gate: "));
            gate.set();
            w.join();
        });
        Trace t = k.trace();
        await(() -> first(t, EventKind.INPUT_WAIT) >= 0 && t.size() > 0
                && Harness.count(t, EventKind.WRITE) == 5 && Harness.count(t, EventKind.EVENT_WAIT) == 1);
        Thread.sleep(200); // a stall would be reported by now
        assertNull(k.outcomeNow(), "a thread waiting for the keyboard is not a stall: the user can type");
        assertTrue(got.isEmpty());
        k.typeLine("open");
        RunOutcome o = k.awaitOutcome(20_000);
        assertNotNull(o);
        assertEquals(RunOutcome.Status.FINISHED, o.status(), String.valueOf(o));
        assertEquals(List.of("open", "worker passed"), got);
        long asked = first(t, EventKind.INPUT_WAIT);
        long typed = first(t, EventKind.INPUT_TYPED);
        long read = first(t, EventKind.INPUT_READ);
        assertTrue(asked < typed && typed < read, "asked, typed, read, in this order");
        assertEquals("Press Enter to open the gate: ", t.string(t.value(asked)));
        assertEquals("open", t.string(t.value(typed)));
        assertEquals("open", t.string(t.value(read)));
        assertTrue(t.thread(t.thread(typed)).external(), "the user typed it");
        assertEquals(t.thread(asked), t.thread(read), "the thread that asked read it");
        Harness.noLeaks(k);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void linesGoToTheReadersInTheOrderTheyAsked(Mode mode) throws Exception {
        Kernel k = Harness.kernel(Harness.settings(mode), present());
        List<String> got = new CopyOnWriteArrayList<>();
        k.start(() -> {
            Worker a = k.thread("A", false, () -> got.add("A " + k.readLine("A? ")));
            a.start();
            k.sleep(0.01); // A asks first
            got.add("Main " + k.readLine("Main? "));
            a.join();
        });
        Trace t = k.trace();
        await(() -> Harness.count(t, EventKind.INPUT_WAIT) == 2);
        k.typeLine("first");
        await(() -> got.size() == 1);
        k.typeLine("second");
        assertNotNull(k.awaitOutcome(20_000));
        assertEquals(List.of("A first", "Main second"), got);
        Harness.noLeaks(k);
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"SIM", "COOPERATIVE"})
    void aLineTypedBeforeAnyoneAsksIsReadWithoutWaiting(Mode mode) throws Exception {
        RunControl control = new RunControl(false, true, true); // paused at the start: the line is there first
        Kernel k = Harness.kernel(Harness.settings(mode), control);
        List<String> got = new CopyOnWriteArrayList<>();
        k.start(() -> got.add(k.readLine("? ")));
        k.typeLine("early");
        control.resume();
        assertNotNull(k.awaitOutcome(20_000));
        assertEquals(List.of("early"), got);
        assertEquals(-1, first(k.trace(), EventKind.INPUT_WAIT), "nobody had to wait");
        assertTrue(first(k.trace(), EventKind.INPUT_TYPED) < first(k.trace(), EventKind.INPUT_READ));
        Harness.noLeaks(k);
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"SIM", "COOPERATIVE"})
    void stopEndsAThreadWaitingForTheKeyboard(Mode mode) throws Exception {
        Kernel k = Harness.kernel(Harness.settings(mode), present());
        k.start(() -> k.readLine("never answered: "));
        await(() -> first(k.trace(), EventKind.INPUT_WAIT) >= 0);
        k.control().stop();
        RunOutcome o = k.awaitOutcome(20_000);
        assertNotNull(o);
        assertEquals(RunOutcome.Status.STOPPED, o.status());
        Harness.noLeaks(k);
        assertFalse(k.anyAlive());
    }

    @org.junit.jupiter.api.Test
    void aReaderWhoseLineWasTakenByALaterAskerWaitsAgainAndSaysSo() throws Exception {
        // cooperative: B keeps the core until it blocks, so it reaches input() before the woken A runs
        Kernel k = Harness.kernel(Harness.settings(Mode.COOPERATIVE), present());
        java.util.concurrent.atomic.AtomicBoolean typed = new java.util.concurrent.atomic.AtomicBoolean();
        List<String> got = new CopyOnWriteArrayList<>();
        startAThenB(k, () -> got.add("A " + k.readLine("A? ")), () -> {
            while (!typed.get()) {
                k.step();
            }
            got.add("B " + k.readLine("B? "));
        });
        Trace t = k.trace();
        typeWhileBSteps(k, "first", typed);
        await(() -> Harness.count(t, EventKind.INPUT_WAIT) == 2);
        interleave.trace.TraceAnalyzer seen = new interleave.trace.TraceAnalyzer(t);
        seen.update();
        assertEquals("A", t.thread(t.thread(seen.keyboardRequest())).name(), "A asks again: B took the line");
        assertEquals(interleave.trace.ThreadState.WAITING, seen.stateOf(t.thread(seen.keyboardRequest())));
        k.typeLine("second");
        assertNotNull(k.awaitOutcome(20_000));
        assertEquals(List.of("B first", "A second"), got);
        Harness.noLeaks(k);
    }

    @org.junit.jupiter.api.Test
    void lookingBackALineTypedEarlierStillAnswersOnlyTheLinesTypedAtTheMomentAreRetyped() throws Exception {
        Kernel k = Harness.kernel(Harness.settings(Mode.COOPERATIVE), present());
        java.util.concurrent.atomic.AtomicBoolean typed = new java.util.concurrent.atomic.AtomicBoolean();
        startAThenB(k, () -> k.readLine("A? "), () -> { // B keeps the core: A reads its line after B's ten steps
            while (!typed.get()) {
                k.step();
            }
            for (int i = 0; i < 10; i++) {
                k.step();
            }
        });
        Trace t = k.trace();
        typeWhileBSteps(k, "yes", typed);
        assertNotNull(k.awaitOutcome(20_000));
        long typedAt = first(t, EventKind.INPUT_TYPED);
        long nextPoint = typedAt + 1;
        while (!t.kind(nextPoint).point) {
            nextPoint++;
        }
        long pointAfter = nextPoint + 1;
        while (!t.kind(pointAfter).point) {
            pointAfter++;
        }
        assertTrue(pointAfter < first(t, EventKind.INPUT_READ), "B's steps come between the line and its reading");
        interleave.trace.TraceAnalyzer atTheLine = new interleave.trace.TraceAnalyzer(t);
        atTheLine.update(nextPoint); // the moment the line was typed
        assertEquals(first(t, EventKind.INPUT_WAIT), atTheLine.keyboardRequestToRetype(), "typing again replaces it");
        assertEquals(-1, atTheLine.keyboardRequest(), "though live, the question is answered");
        interleave.trace.TraceAnalyzer later = new interleave.trace.TraceAnalyzer(t);
        later.update(pointAfter); // a step later: the line, typed before, is A's
        assertEquals(-1, later.keyboardRequestToRetype(), "a line typed at an earlier moment still answers A");
        Harness.noLeaks(k);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void endingTheInputGivesOneReaderEndOfFile(Mode mode) throws Exception {
        Kernel k = Harness.kernel(Harness.settings(mode), present());
        List<String> got = new CopyOnWriteArrayList<>();
        k.start(() -> {
            got.add(String.valueOf(k.readLine("first? ")));
            got.add(String.valueOf(k.readLine("second? ")));
        });
        Trace t = k.trace();
        await(() -> Harness.count(t, EventKind.INPUT_WAIT) == 1);
        k.endInput();
        await(() -> Harness.count(t, EventKind.INPUT_WAIT) == 2);
        k.typeLine("again");
        assertNotNull(k.awaitOutcome(20_000));
        assertEquals(List.of("null", "again"), got, "as at a terminal: Ctrl+D ends one read, the next one waits");
        long typed = first(t, EventKind.INPUT_TYPED);
        long read = first(t, EventKind.INPUT_READ);
        assertEquals(interleave.trace.Happening.END_OF_INPUT, t.value(typed));
        assertEquals(interleave.trace.Happening.END_OF_INPUT, t.value(read));
        Harness.noLeaks(k);
    }
}
