package interleave.app.input;

import interleave.app.I18n;
import interleave.app.session.EventSentences;
import interleave.engine.Kernel;
import interleave.engine.RunControl;
import interleave.engine.RunSettings;
import interleave.trace.EventKind;
import interleave.trace.Trace;
import interleave.trace.TraceAnalyzer;
import interleave.trace.TraceHeader;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static interleave.trace.TraceCounts.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The keyboard bar's logic and the keyboard's sentences, on a real run of the engine (no window). */
class KeyboardViewModelTest {
    private static void await(BooleanSupplier c) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!c.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, "not reached in 20 s");
            Thread.sleep(2);
        }
    }

    @Test
    void theBarAsksWhoWaitsSendsTheLineOnceAndTheLogSaysWhatHappened() throws Exception {
        Trace trace = new Trace(new TraceHeader("test", "sim", 1, 5, "rr", 0, Map.of(), "tick"));
        Kernel k = Kernel.create(trace, RunSettings.DEFAULT, new RunControl(false, false, true));
        List<String> got = new ArrayList<>();
        k.start(() -> {
            got.add(k.readLine("Your name? "));
            got.add(k.readLine(""));
        });
        List<String> typed = new ArrayList<>();
        KeyboardViewModel vm = new KeyboardViewModel(new I18n(Locale.ENGLISH), typed::add);
        TraceAnalyzer a = new TraceAnalyzer(trace);

        vm.show(a, true, false);
        assertFalse(vm.visibleProperty().get(), "nobody asks before the run reaches input()");
        await(() -> count(trace, EventKind.INPUT_WAIT) == 1);
        a.update();
        vm.show(a, true, false);
        assertTrue(vm.visibleProperty().get());
        assertEquals("MainThread asks: Your name?", vm.questionProperty().get());
        vm.show(a, false, false);
        assertFalse(vm.visibleProperty().get(), "a run that cannot take a line (ended, replaying) asks nothing");
        vm.show(a, true, false);
        vm.textProperty().set("Ada");
        vm.send();
        assertEquals(List.of("Ada"), typed);
        assertFalse(vm.visibleProperty().get());
        assertEquals("", vm.textProperty().get(), "the field is emptied for the next question");
        vm.show(a, true, false);
        assertFalse(vm.visibleProperty().get(), "the same question is not asked again while the run takes the line");
        vm.send();
        assertEquals(List.of("Ada"), typed, "nothing to send with the bar hidden");

        k.typeLine("Ada");
        await(() -> count(trace, EventKind.INPUT_WAIT) == 2);
        a.update();
        vm.show(a, true, false);
        assertTrue(vm.visibleProperty().get(), "the next question opens the bar again");
        assertEquals("MainThread waits for you to type a line (input):", vm.questionProperty().get());
        vm.textProperty().set("x");
        vm.endInput();
        assertEquals(List.of("Ada"), typed, "Ctrl+D with something typed does nothing");
        vm.textProperty().set("");
        vm.endInput();
        assertEquals(java.util.Arrays.asList("Ada", null), typed, "Ctrl+D in an empty field ends the input");
        k.typeLine("");
        assertTrue(k.awaitOutcome(20_000) != null);
        assertEquals(List.of("Ada", ""), got);

        EventSentences en = new EventSentences(new I18n(Locale.ENGLISH));
        EventSentences zh = new EventSentences(new I18n(Locale.SIMPLIFIED_CHINESE));
        List<String> said = new ArrayList<>();
        List<String> saidZh = new ArrayList<>();
        for (long i = 0; i < trace.size(); i++) {
            if (trace.kind(i).name().startsWith("INPUT")) {
                said.add(en.sentence(trace, i));
                saidZh.add(zh.sentence(trace, i));
            }
        }
        assertEquals(List.of("MainThread asks \"Your name?\" and waits for you to type a line", "You typed: Ada",
                "MainThread read the line you typed: Ada", "MainThread waits for you to type a line",
                "You pressed Enter: an empty line", "MainThread read the empty line you typed"), said);
        assertEquals("MainThread 问“Your name?”，等你输入一行", saidZh.get(0));
        assertEquals("你输入了：Ada", saidZh.get(1));
    }

    @Test
    void theCodeViewKeepsTheLineThatAsksInSightWhileNobodyRuns() throws Exception {
        Trace trace = new Trace(new TraceHeader("test", "sim", 1, 5, "rr", 0, Map.of(), "tick"));
        Kernel k = Kernel.create(trace, RunSettings.DEFAULT, new RunControl(false, false, true));
        k.start(() -> {
            interleave.engine.Event gate = k.event("gate");
            interleave.engine.Worker w = k.thread("waiter", false, () -> {
                k.line(3);
                gate.await();
            });
            w.start();
            k.line(7);
            k.readLine("open? ");
            gate.set();
            w.join();
        });
        await(() -> count(trace, EventKind.INPUT_WAIT) == 1 && count(trace, EventKind.EVENT_WAIT) == 1);
        TraceAnalyzer a = new TraceAnalyzer(trace);
        a.update();
        var markers = new interleave.app.code.CodeViewModel().markers(a);
        assertEquals(List.of(3, 7), List.copyOf(markers.keySet()), "the waiter at line 3 comes first");
        assertEquals(7, interleave.app.code.CodeViewModel.focusLine(a, markers), "the input() line is in sight");
        k.typeLine("");
        assertTrue(k.awaitOutcome(20_000) != null);
    }
}
