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
}
