package interleave.app.viewmodels;

import interleave.app.I18n;
import interleave.app.code.CodeViewModel;
import interleave.app.cpu.CpuViewModel;
import interleave.app.log.LogViewModel;
import interleave.app.picker.PickerViewModel;
import interleave.app.result.Headline;
import interleave.app.result.ResultViewModel;
import interleave.app.session.EventSentences;
import interleave.app.session.RunSession;
import interleave.app.session.TimeFormat;
import interleave.app.timeline.TimelineViewModel;
import interleave.app.transport.TransportViewModel;
import interleave.scenario.Scenarios;
import interleave.trace.EventKind;
import interleave.trace.ObjectType;
import interleave.trace.SwitchReason;
import interleave.trace.Trace;
import interleave.trace.TraceAnalyzer;
import interleave.trace.TraceHeader;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The app's logic below the views, tested without a window. */
class ViewModelTest {

    /** T1 runs and reads, T2 takes over and blocks on a lock T1 holds, MainThread joins T1. */
    private static Trace trace() {
        Trace t = new Trace(new TraceHeader("hand", "sim", 1, 2, "rr", 0, Map.of(), "tick"));
        int main = t.addThread("MainThread", false);
        int t1 = t.addThread("T1", false);
        int t2 = t.addThread("T2", false);
        int bal = t.addObject("balance", ObjectType.VARIABLE, 0);
        int lock = t.addObject("lock", ObjectType.LOCK, 0);
        t.addObject("student", ObjectType.LOCAL, 0);
        t.append(0, main, EventKind.SWITCH, -1, SwitchReason.IDLE.ordinal(), 0);
        t.append(0, main, EventKind.SPAWN, -1, t1, 3);
        t.append(1, main, EventKind.SPAWN, -1, t2, 3);
        t.append(2, main, EventKind.JOIN, -1, t1, 4);
        t.append(3, t1, EventKind.SWITCH, -1, SwitchReason.BLOCKED.ordinal(), 0);
        t.append(3, t1, EventKind.ACQUIRE, lock, 1, 14);
        t.append(4, t1, EventKind.READ, bal, 0, 8);
        t.append(5, t2, EventKind.SWITCH, t1, SwitchReason.SLICE_OVER.ordinal(), 0);
        t.append(5, t2, EventKind.BLOCK, lock, t1, 14);
        t.append(6, t1, EventKind.SWITCH, -1, SwitchReason.BLOCKED.ordinal(), 0);
        return t;
    }

    private static TraceAnalyzer analyzed() {
        TraceAnalyzer a = new TraceAnalyzer(trace());
        a.update();
        return a;
    }

    @Test
    void timelineLanesZoomPanFollowAndFit() {
        TimelineViewModel vm = new TimelineViewModel();
        TraceAnalyzer a = analyzed();
        vm.setAnalyzer(a);
        vm.setPlotWidth(1000);
        assertEquals(6, vm.lanes().size(), "a core, three threads and two objects; the thread-local has no lane");
        vm.tick();
        assertTrue(vm.end() > a.lastTime(), "following keeps the newest event in view");
        double under = vm.time(250);
        vm.zoom(0.5, 250);
        assertEquals(under, vm.time(250), 1e-9, "the time under the pointer stays put");
        assertFalse(vm.followProperty().get(), "zooming stops following");
        double start = vm.start();
        vm.panPixels(-100);
        assertTrue(vm.start() > start);
        vm.fit();
        assertEquals(0, vm.start());
        assertTrue(vm.end() >= a.lastTime());
        long seq = vm.nearestEvent(1, 4);
        assertEquals(EventKind.READ, a.trace().kind(seq));
    }

    @Test
    void whileFollowingTheLaneOfTheThreadThatRanLastIsKeptInView() {
        TimelineViewModel vm = new TimelineViewModel();
        vm.setAnalyzer(analyzed());
        int lane = vm.laneToKeepInView();
        assertTrue(lane >= 0, "a thread lane to keep in view");
        assertEquals(1, vm.lanes().get(lane).thread(), "T1 got the core last");
        vm.lanesScrolledByHand();
        assertEquals(-1, vm.laneToKeepInView(), "lanes scrolled by hand stay where they are put");
        vm.zoom(0.5, 100);
        vm.followProperty().set(true);
        assertEquals(lane, vm.laneToKeepInView(), "Follow live again: the running thread is kept in view again");
        vm.fit();
        assertEquals(-1, vm.laneToKeepInView(), "not following: nothing moves by itself");
        vm.followProperty().set(true);
        vm.runOver(true);
        assertTrue(vm.takeLanesBackToTop(), "a followed run that ends shows its lanes from the top");
        assertFalse(vm.takeLanesBackToTop(), "once");
    }

    /** With two cores the CPU view puts each running thread on the core the timeline's core lanes show. */
    @Test
    void cpuCoresAgreeWithTheTimelinesCoreLanes() throws Exception {
        interleave.scenario.Scenario balance = interleave.scenario.Scenarios.byId("balance").orElseThrow();
        interleave.scenario.ScenarioRun r = interleave.scenario.ScenarioRun.runToEnd(balance,
                interleave.scenario.Params.resolve(balance, Map.of("iterations", "100", "lock", "on")),
                interleave.engine.RunSettings.DEFAULT.withCores(2).withSeed(3));
        TraceAnalyzer a = new TraceAnalyzer(r.trace());
        CpuViewModel vm = new CpuViewModel();
        int checked = 0;
        while (a.processed() < Math.min(r.trace().size(), 400)) {
            a.update(1);
            Map<Integer, CpuViewModel.Place> places = vm.places(a, 2);
            for (int c = 0; c < 2; c++) {
                int holder = a.onCore(c);
                if (holder >= 0) {
                    assertEquals(new CpuViewModel.Place(CpuViewModel.Area.CORE, c, 0), places.get(holder),
                            "event " + a.processed() + ": thread " + holder + " is on core " + c);
                    checked++;
                }
            }
        }
        assertTrue(checked > 300, "both cores busy most of the time: " + checked);
    }

    @Test
    void cpuPlacesEachThreadWhereItIs() {
        CpuViewModel vm = new CpuViewModel();
        Map<Integer, CpuViewModel.Place> places = vm.places(analyzed(), 1);
        assertEquals(CpuViewModel.Area.CORE, places.get(1).area(), "T1 runs");
        assertEquals(CpuViewModel.Area.RESOURCE, places.get(2).area(), "T2 queues on the lock");
        assertEquals(1, places.get(2).slot(), "the lock's object id");
        assertEquals(CpuViewModel.Area.JOIN, places.get(0).area(), "MainThread waits for T1");
        assertEquals(1, places.get(0).slot());
    }

    @Test
    void sentencesInBothLanguages() {
        I18n i18n = new I18n(Locale.ENGLISH);
        EventSentences s = new EventSentences(i18n);
        Trace t = trace();
        assertEquals("T1 read balance = 0", s.sentence(t, 6));
        assertEquals("T2 gets the CPU: T1's time slice is over", s.sentence(t, 7));
        assertEquals("T2 blocked: lock is held by T1", s.sentence(t, 8));
        assertEquals("MainThread waits for T1 to finish", s.sentence(t, 3));
        i18n.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertEquals("T1 读取 balance = 0", s.sentence(t, 6));
        assertEquals("T2 阻塞：lock 被 T1 持有", s.sentence(t, 8));
    }

    /** A stall (no cycle) where MainThread joins T1: the banner and the log name the joined thread. */
    @Test
    void aStallThroughAJoinIsStuckNotADeadlockAndNamesTheJoinedThread() throws Exception {
        Trace t = new Trace(new TraceHeader("hand", "sim", 1, 2, "rr", 0, Map.of(), "tick"));
        int main = t.addThread("MainThread", false);
        int t1 = t.addThread("T1", false);
        int gate = t.addObject("gate", ObjectType.EVENT, 0);
        t.append(0, main, EventKind.SWITCH, -1, SwitchReason.IDLE.ordinal(), 0);
        t.append(0, main, EventKind.SPAWN, -1, t1, 3);
        t.append(1, main, EventKind.JOIN, -1, t1, 4);
        t.append(2, t1, EventKind.SWITCH, -1, SwitchReason.BLOCKED.ordinal(), 0);
        t.append(2, t1, EventKind.EVENT_WAIT, gate, 0, 2);
        t.append(3, main, EventKind.DEADLOCK, -1, t1, 4); // as the engine writes a stall: the join names T1
        t.append(3, t1, EventKind.DEADLOCK, gate, -1, 2);
        TraceAnalyzer a = new TraceAnalyzer(t);
        a.update();
        I18n i18n = new I18n(Locale.ENGLISH);
        String banner = new interleave.app.main.MainViewModel(i18n).explain(t, a.deadlock(), a::holderOf);
        assertTrue(banner.startsWith("Stuck forever: "), banner);
        assertTrue(banner.contains("MainThread waits for T1 to finish"), banner);
        assertTrue(banner.contains("T1 waits for gate"), banner);
        String zh = new interleave.app.main.MainViewModel(new I18n(Locale.SIMPLIFIED_CHINESE)).explain(t, a.deadlock(),
                a::holderOf);
        assertTrue(zh.startsWith("永远卡住：") && zh.contains("结束；T1 等待 gate"), "Chinese punctuation: " + zh);
        EventSentences s = new EventSentences(i18n);
        java.util.List<String> said = new java.util.ArrayList<>();
        for (long i = 0; i < t.size(); i++) {
            said.add(s.sentence(t, i));
        }
        assertTrue(said.contains("MainThread waits for T1 to finish, forever"), said.toString());
        assertTrue(said.contains("T1 waits for gate forever"), said.toString());
    }

    /** A run at full speed that goes on and on says, after a while, that the program may never end, and how to stop it. */
    @Test
    void aLongRunAtFullSpeedSaysItMayNeverEnd() {
        interleave.app.main.MainViewModel en = new interleave.app.main.MainViewModel(new I18n(Locale.ENGLISH));
        assertEquals("", en.longRun(0, 0), "not at full speed");
        assertEquals("", en.longRun(19, 30_000_000), "a long run that may well end soon: nothing yet");
        String said = en.longRun(25, 32_000_000);
        assertTrue(said.startsWith("Still running after 25 s at full speed (32,000,000 events)"), said);
        assertTrue(said.contains("may never end") && said.contains("Pause (Space)") && said.contains("Reset"), said);
        String zh = new interleave.app.main.MainViewModel(new I18n(Locale.SIMPLIFIED_CHINESE)).longRun(25, 32_000_000);
        assertTrue(zh.startsWith("已全速运行 25 秒（32,000,000 个事件）"), zh);
    }

    /** A program that crashed says so; input() at the end of its given lines (a run from the command line) says so. */
    @Test
    void aThreadsErrorIsInTheBannerAndEofErrorSaysWhereInputComesFrom() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("gate", ".py");
        java.nio.file.Files.writeString(file, "import threading\nev = threading.Event()\n"
                + "t = threading.Thread(target=ev.wait)\nt.start()\nif input('go? ') == 'yes':\n    ev.set()\n");
        org.junit.jupiter.api.Assumptions.assumeTrue(interleave.program.PythonProgram.findPython() != null,
                "SKIPPED: no python3 (3.8+) on the PATH (.ci/run installs it)");
        interleave.program.PythonProgram p = interleave.program.PythonProgram.load(file, null);
        Trace t = interleave.scenario.ScenarioRun.runToEnd(p, java.util.Map.of(), p.defaultSettings()).trace();
        TraceAnalyzer a = new TraceAnalyzer(t);
        a.update();
        String en = new interleave.app.main.MainViewModel(new I18n(Locale.ENGLISH)).explainError(t, a.errors());
        assertTrue(en.startsWith("MainThread stopped with an error at line 5: EOFError: EOF when reading a line."), en);
        assertTrue(en.contains("read past the last line it was given"), en);
        String zh = new interleave.app.main.MainViewModel(new I18n(Locale.SIMPLIFIED_CHINESE)).explainError(t,
                a.errors());
        assertTrue(zh.startsWith("MainThread 在第 5 行因错误而停止：EOFError") && zh.contains("输入的末尾"), zh);
        assertEquals("", new interleave.app.main.MainViewModel(new I18n(Locale.ENGLISH)).explainError(t,
                java.util.List.of()), "no error, no banner");
    }

    /**
     * Threads that crashed are all named in the banner: those with the first error together, the others after it,
     * three names at the most and how many more.
     */
    @Test
    void everyThreadThatCrashedIsInTheBanner() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(interleave.program.PythonProgram.findPython() != null,
                "SKIPPED: no python3 (3.8+) on the PATH (.ci/run installs it)");
        java.nio.file.Path file = java.nio.file.Files.createTempFile("crashes", ".py");
        java.nio.file.Files.writeString(file, "import threading\ndef work(d):\n    print(10 / d)\n"
                + "def other():\n    [][1]\n"
                + "ts = [threading.Thread(target=work, args=(0,), name='w%d' % i) for i in range(5)]\n"
                + "ts.append(threading.Thread(target=other, name='o'))\n"
                + "for t in ts: t.start()\nfor t in ts: t.join()\n");
        interleave.program.PythonProgram p = interleave.program.PythonProgram.load(file, null);
        Trace t = interleave.scenario.ScenarioRun.runToEnd(p, java.util.Map.of(), p.defaultSettings()).trace();
        TraceAnalyzer a = new TraceAnalyzer(t);
        a.update();
        String en = new interleave.app.main.MainViewModel(new I18n(Locale.ENGLISH)).explainError(t, a.errors());
        assertTrue(en.matches("w\\d, w\\d, w\\d and 2 more stopped with the same error at line 3: ZeroDivisionError: "
                + "division by zero\\. o stopped with another error\\."), en);
        String zh = new interleave.app.main.MainViewModel(new I18n(Locale.SIMPLIFIED_CHINESE)).explainError(t,
                a.errors());
        assertTrue(zh.matches("w\\d、w\\d、w\\d 以及另外 2 个线程 在第 3 行因同一个错误而停止：ZeroDivisionError: "
                + "division by zero。另有 o 因别的错误而停止。"), zh);
    }

    /** Ten threads waiting on one Event are one link of the banner, not ten. */
    @Test
    void manyWaitersOfOneThingAreOneLink() {
        Trace t = new Trace(new interleave.trace.TraceHeader("x", "sim", 1, 1, "rr", 0, java.util.Map.of(), "tick"));
        for (int i = 0; i < 5; i++) {
            t.addThread("T" + i, false);
        }
        int ev = t.addObject("event_obj", interleave.trace.ObjectType.EVENT, 0);
        interleave.trace.Deadlock d = new interleave.trace.Deadlock(java.util.List.of(1, 2, 3, 4),
                java.util.List.of(ev, ev, ev, ev), java.util.List.of(-1, -1, -1, -1), false);
        String banner = new interleave.app.main.MainViewModel(new I18n(Locale.ENGLISH)).explain(t, d, r -> -1);
        assertTrue(banner.contains("T1 ... T4 (4 threads) wait for event_obj"), banner);
        assertFalse(banner.contains("T2 waits"), banner);
    }

    /**
     * Five philosophers, each waiting for the fork the next one holds, are one ring in the banner (it took four lines
     * of a 1024x768 projector); two threads keep the sentence link by link.
     */
    @Test
    void aRingOfWaitersIsOneLineOfTheBanner() {
        Trace t = new Trace(new interleave.trace.TraceHeader("x", "sim", 1, 1, "rr", 0, java.util.Map.of(), "tick"));
        java.util.List<Integer> threads = new java.util.ArrayList<>();
        java.util.List<Integer> forks = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            threads.add(t.addThread("P" + i, false));
        }
        for (int i = 0; i < 5; i++) {
            forks.add(t.addObject("fork" + i, interleave.trace.ObjectType.LOCK, 0));
        }
        java.util.List<Integer> waitsFor = new java.util.ArrayList<>();
        java.util.List<Integer> resources = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            resources.add(forks.get((i + 1) % 5));
            waitsFor.add(threads.get((i + 1) % 5));
        }
        interleave.trace.Deadlock d = new interleave.trace.Deadlock(threads, resources, waitsFor, true);
        assertEquals("Deadlock: P0 \u2192 P1 \u2192 P2 \u2192 P3 \u2192 P4 \u2192 P0, each waiting for a lock the next "
                + "one holds (fork1, fork2, fork3, fork4, fork0): nobody can go on, so the run ends here.",
                new interleave.app.main.MainViewModel(new I18n(Locale.ENGLISH)).explain(t, d, r -> -1));
        assertEquals("死锁：P0 \u2192 P1 \u2192 P2 \u2192 P3 \u2192 P4 \u2192 P0，每个线程都在等下一个线程持有的锁（fork1、fork2、"
                + "fork3、fork4、fork0）：谁都无法继续，运行到此结束。",
                new interleave.app.main.MainViewModel(new I18n(Locale.SIMPLIFIED_CHINESE)).explain(t, d, r -> -1));
        interleave.trace.Deadlock two = new interleave.trace.Deadlock(threads.subList(0, 2),
                java.util.List.of(forks.get(1), forks.get(0)), java.util.List.of(threads.get(1), threads.get(0)), true);
        assertTrue(new interleave.app.main.MainViewModel(new I18n(Locale.ENGLISH)).explain(t, two, r -> -1)
                .contains("P0 waits for fork1, held by P1"));
    }

    @Test
    void everyEventKindHasASentenceInBothLanguages() {
        Trace t = trace();
        int extra = t.addThread("you", false, true);
        for (EventKind k : EventKind.values()) {
            t.append(10, k == EventKind.PARAM || k == EventKind.ACTION ? extra : 1, k,
                    k == EventKind.PARAM || k == EventKind.ACTION ? 0 : 1, 0, 0);
        }
        for (Locale l : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
            EventSentences s = new EventSentences(new I18n(l));
            s.setScenario(Scenarios.byId("balance").orElseThrow());
            Set<String> seen = new HashSet<>();
            for (long i = 10; i < t.size(); i++) {
                String text = s.sentence(t, i);
                assertFalse(text.startsWith("event."), "missing text for " + t.kind(i) + " in " + l);
                seen.add(text);
            }
            assertTrue(seen.size() > 25);
        }
    }

    @Test
    void logShowsTheNewestOrAroundTheSelection() {
        assertEquals(800, LogViewModel.window(1000, -1)[0]);
        assertEquals(1000, LogViewModel.window(1000, -1)[1]);
        long[] around = LogViewModel.window(1000, 500);
        assertTrue(around[0] <= 500 && 500 < around[1]);
        LogViewModel vm = new LogViewModel(new EventSentences(new I18n(Locale.ENGLISH)));
        assertEquals(10, vm.lines(trace(), 0, 10).size());
    }

    /** Presenting (the log hidden), the timeline's header tells the newest event, or the one selected. */
    @Test
    void theCaptionTellsTheNewestOrTheSelectedEvent() {
        EventSentences sentences = new EventSentences(new I18n(Locale.ENGLISH));
        Trace t = trace();
        assertEquals(sentenceOf(sentences, t, 9), LogViewModel.caption(sentences, t, 10, -1), "the newest processed");
        assertEquals(sentenceOf(sentences, t, 4), LogViewModel.caption(sentences, t, 10, 4), "the selected one");
        assertEquals(sentenceOf(sentences, t, 9), LogViewModel.caption(sentences, t, 10, 20),
                "one not processed yet: newest");
        assertEquals("", LogViewModel.caption(sentences, t, 0, -1), "before the first event");
        assertFalse(LogViewModel.caption(sentences, t, 10, 4).equals(LogViewModel.caption(sentences, t, 10, 5)));
    }

    private static String sentenceOf(EventSentences sentences, Trace t, long seq) {
        return new LogViewModel(sentences).lines(t, seq, seq + 1).get(0).text();
    }

    @Test
    void speedSliderPositionsMapToSpeeds() {
        I18n i18n = new I18n(Locale.ENGLISH);
        TransportViewModel vm = new TransportViewModel(new RunSession(), i18n);
        assertEquals("1 steps/s", vm.speedLabel(0));
        assertEquals("full speed", vm.speedLabel(RunSession.SPEEDS.length - 1));
        assertEquals(RunSession.SPEEDS.length - 1, TransportViewModel.indexOf(Double.POSITIVE_INFINITY));
        assertEquals(3, TransportViewModel.indexOf(10));
        assertEquals("t = 0 µs", vm.time());
    }

    @Test
    void resultPanelNamesEveryEntryInTheUiLanguageAndFormatsValues() {
        java.util.LinkedHashMap<String, Object> pool = new java.util.LinkedHashMap<>();
        pool.put("callbacks", 10);
        pool.put("tasks", 10);
        pool.put("maxRunningAtOnce", 5);
        pool.put("workerFinished", true);
        ResultViewModel en = new ResultViewModel(new I18n(Locale.ENGLISH));
        assertEquals("callbacks", en.firstCaption(Headline.of(pool)));
        assertEquals(List.of("most running at once: 5", "worker finished: yes"), en.details(Headline.of(pool)));
        ResultViewModel zh = new ResultViewModel(new I18n(Locale.SIMPLIFIED_CHINESE));
        assertEquals("回调", zh.firstCaption(Headline.of(pool)));
        assertEquals("0.080", en.value(0.080018));
        assertEquals("1000, 1000", en.value(List.of(1000, 1000)));
        assertEquals("unknownKey", en.caption("unknownKey"));
        // a result with an expected value: expected and actual are the big figures, the rest is listed
        java.util.LinkedHashMap<String, Object> processes = new java.util.LinkedHashMap<>();
        processes.put("parentCounter", 0);
        processes.put("expected", 0);
        processes.put("childCopies", List.of(1000, 1000, 1000));
        assertEquals("0", en.second(Headline.of(processes)));
        assertEquals(List.of("children's copies: 1000, 1000, 1000"), en.details(Headline.of(processes)));
        // a program that printed nothing: no "last line printed" caption over an empty figure
        java.util.LinkedHashMap<String, Object> silent = new java.util.LinkedHashMap<>();
        silent.put("lines", 0);
        silent.put("printed", "");
        assertEquals("", en.secondCaption(Headline.of(silent)));
        assertEquals("", en.second(Headline.of(silent)));
        silent.put("printed", "hello");
        assertEquals("last line printed", en.secondCaption(Headline.of(silent)));
    }

    @Test
    void codeViewShowsTheProgramOfTheChosenVariant() {
        CodeViewModel vm = new CodeViewModel();
        var deadlock = Scenarios.byId("deadlock").orElseThrow();
        var twoLocks = vm.lines(deadlock, Map.of("variant", "two-locks"), java.util.Locale.ENGLISH);
        assertTrue(twoLocks.stream().anyMatch(l -> l.contains("lock_b")), twoLocks.toString());
        var philosophers = vm.lines(deadlock, Map.of("variant", "philosophers"), java.util.Locale.ENGLISH);
        assertTrue(philosophers.stream().anyMatch(l -> l.contains("forks")), philosophers.toString());
        // the lines the scenario marks (8 to 11: take, think, wait, eat) are the same steps in both programs
        assertTrue(philosophers.get(7).contains("first.acquire()") && twoLocks.get(7).contains("first.acquire()"));
        assertTrue(philosophers.get(9).contains("second.acquire()") && twoLocks.get(9).contains("second.acquire()"));
        assertEquals(List.of(), vm.lines(null, Map.of(), java.util.Locale.ENGLISH));
    }

    @Test
    void axisLabelsNeverRepeatAtAnyZoom() {
        for (double step : new double[] {1, 10, 1000, 50_000, 1_000_000}) {
            assertNotEquals(TimeFormat.tick(4_000_000, step, true), TimeFormat.tick(4_000_000 + step, step, true),
                    "step " + step);
        }
        assertEquals("4.00001 s", TimeFormat.tick(4_000_010, 10, true)); // five decimals resolve a 10 µs step
        // a span in a sentence, as a person says it (the clock keeps its zeros to stay steady)
        assertEquals("800.000 ms", TimeFormat.duration(800_000, true));
        assertEquals("800 ms", TimeFormat.span(800_000, true));
        assertEquals("1.5 s", TimeFormat.span(1_500_000, true));
        assertEquals("2 s", TimeFormat.span(2_000_000, true));
        assertEquals("12.05 ms", TimeFormat.span(12_050, true));
        assertEquals("40 µs", TimeFormat.span(40, true));
    }

    @Test
    void pickerValidatesAsYouTypeAndOnlyAValidFormStartsARun() {
        RunSession session = new RunSession();
        StringProperty message = new SimpleStringProperty("");
        PickerViewModel vm = new PickerViewModel(session, new I18n(Locale.ENGLISH), message);
        vm.selectedProperty().set(Scenarios.byId("balance").orElseThrow());
        assertEquals("balance", session.scenario().id());
        PickerViewModel.Field iterations = vm.field("iterations");
        iterations.textProperty().set("abc");
        assertTrue(iterations.errorProperty().get().contains("iterations must be an integer from 1 to 10000000"));
        assertFalse(vm.apply());
        assertTrue(message.get().contains("iterations must be"));
        iterations.textProperty().set("500");
        assertEquals("", iterations.errorProperty().get());
        vm.quantumProperty().set("0");
        assertFalse(vm.apply());
        vm.quantumProperty().set("7");
        assertTrue(vm.apply());
        assertEquals(7, session.settings().quantum());
        assertEquals(500, session.params().get("iterations"));
        vm.toggle("lock");
        assertEquals(true, session.params().get("lock"), "the live switch reaches the session");
        assertNull(session.run(), "preparing does not start a run");
    }

    @Test
    void aSessionStepsExactlyOnePointPerStepAndPullsTheTraceOnPulse() throws Exception {
        RunSession session = new RunSession();
        var balance = Scenarios.byId("balance").orElseThrow();
        session.prepare(balance, interleave.scenario.Params.resolve(balance, Map.of("iterations", "50")),
                interleave.engine.RunSettings.DEFAULT);
        for (int i = 1; i <= 4; i++) {
            session.step();
            long want = i;
            long end = System.nanoTime() + 5_000_000_000L;
            while (session.trace().pointCount() < want && System.nanoTime() < end) {
                Thread.sleep(2);
            }
            Thread.sleep(30);
            assertEquals(want, session.trace().pointCount());
        }
        session.pulse(System.nanoTime());
        assertEquals(session.trace().size(), session.analyzer().processed());
        assertEquals(RunSession.Status.PAUSED, session.status());
        session.runToEnd();
        long end = System.nanoTime() + 20_000_000_000L;
        while (session.status() != RunSession.Status.FINISHED && System.nanoTime() < end) {
            session.pulse(System.nanoTime());
            Thread.sleep(5);
        }
        assertEquals(RunSession.Status.FINISHED, session.status());
    }
}
