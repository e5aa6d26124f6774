package interleave.app.viewmodels;

import interleave.app.I18n;
import interleave.app.code.CodeViewModel;
import interleave.app.cpu.CpuStoryNotes;
import interleave.app.cpu.CpuViewModel;
import interleave.app.result.LostUpdateList;
import interleave.app.result.Headline;
import interleave.app.result.ResultViewModel;
import interleave.app.session.EventSentences;
import interleave.app.session.ParamMessages;
import interleave.scenario.ParamException;
import interleave.scenario.Params;
import interleave.scenario.Scenarios;
import interleave.trace.EventKind;
import interleave.trace.LostUpdate;
import interleave.trace.ObjectType;
import interleave.trace.RunStory;
import interleave.trace.SwitchReason;
import interleave.trace.Trace;
import interleave.trace.TraceAnalyzer;
import interleave.trace.TraceHeader;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The story the screen tells: verdicts, the lock moment, held reads, thread-local values, sentences. */
class StoryViewModelTest {
    private final I18n en = new I18n(Locale.ENGLISH);
    private final I18n zh = new I18n(Locale.SIMPLIFIED_CHINESE);

    private static Headline balance(int now) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("balance", now);
        r.put("expected", 0);
        return Headline.of(r);
    }

    @Test
    void midRunTheResultIsTheValueNowAndNotYetJudged() {
        ResultViewModel vm = new ResultViewModel(en);
        assertEquals(ResultViewModel.Verdict.PENDING, ResultViewModel.verdict(balance(5), false),
                "a 5 mid-run is not wrong: the run is not over");
        assertEquals("balance now", vm.secondCaption(balance(5), false));
        assertEquals("judged when the run ends", vm.verdictText(balance(5), false));
        assertEquals(ResultViewModel.Verdict.WRONG, ResultViewModel.verdict(balance(5), true));
        assertEquals("\u2717 wrong: 0 was expected", vm.verdictText(balance(5), true));
        assertEquals(ResultViewModel.Verdict.RIGHT, ResultViewModel.verdict(balance(0), true));
        assertTrue(vm.verdictText(balance(0), true).startsWith("\u2713"), "right is said by a tick, not only green");
        assertEquals("actual", vm.secondCaption(balance(0), true));
        assertEquals(ResultViewModel.Verdict.NONE, ResultViewModel.verdict(Headline.of(Map.of("lines", 3)), true));
        assertEquals("当前余额", new ResultViewModel(zh).secondCaption(balance(5), false));
        assertTrue(new ResultViewModel(zh).verdictText(balance(5), true).startsWith("\u2717"));
    }

    @Test
    void theValueNowComesFromTheTraceAsDrawn() {
        Trace t = new Trace(new TraceHeader("hand", "sim", 1, 2, "rr", 0, Map.of(), "tick"));
        int t1 = t.addThread("T1", false);
        int bal = t.addObject("balance", ObjectType.VARIABLE, 0);
        t.append(0, t1, EventKind.WRITE, bal, 13, 8);
        TraceAnalyzer a = new TraceAnalyzer(t);
        a.update();
        assertEquals("13", new ResultViewModel(en).secondNow(balance(5), a), "the engine's 5 is not drawn yet");
    }

    @Test
    void aLongFigureLikeThePrintOrderIsShownWhole() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("order", "12 56 34 78");
        r.put("expected", "12 56 34 78");
        ResultViewModel vm = new ResultViewModel(en);
        assertEquals("12 56 34 78", vm.second(Headline.of(r)));
        assertTrue(ResultViewModel.longFigure(vm.second(Headline.of(r))), "shown in smaller type, not cut to \"12 …\"");
        assertFalse(ResultViewModel.longFigure("-13"));
    }

    private static LostUpdate lost(long readSeq, long writeSeq, int lostValue, int written) {
        return new LostUpdate(0, 1, readSeq, 0, 2, writeSeq - 1, lostValue, writeSeq, written, writeSeq);
    }

    @Test
    void theListOpensWithLostUpdatesThatChangedTheValue() {
        LostUpdateList list = new LostUpdateList(3);
        List<LostUpdate> all = new ArrayList<>(List.of(lost(1, 2, 0, 0), lost(3, 4, 8, 5), lost(5, 6, 0, 0)));
        assertTrue(list.takeNew(all));
        assertEquals(all.get(1), list.items().get(0), "0 overwritten by 0 teaches nothing: it goes after");
        all.add(lost(7, 8, 5, 13));
        assertTrue(list.takeNew(all));
        assertEquals(List.of(all.get(1), all.get(3), all.get(0)), list.items(),
                "when full, a visible one pushes out an invisible one");
        all.add(lost(9, 10, 1, 1));
        assertFalse(list.takeNew(all));
        LostUpdateList harmless = new LostUpdateList(3);
        // read 0, the overwritten write put 0 back (+5 then -5), then 8: the total is right, nothing was lost
        List<LostUpdate> some = List.of(lost(1, 2, 0, 8), lost(3, 4, 5, 8));
        harmless.takeNew(some);
        assertEquals(List.of(some.get(1), some.get(0)), harmless.items(), "an overwrite that lost nothing goes after");
    }

    @Test
    void lostUpdatesSinceTheLockWentOn() {
        // lost(readSeq, writeSeq, ...): the victim's write is at writeSeq - 1
        List<LostUpdate> lost = List.of(lost(1, 2, 0, 5), lost(3, 12, 8, 5), lost(14, 16, 8, 5));
        assertArrayEquals(new long[] {0, 2}, ResultViewModel.lostSince(lost, 10, t -> t == 1 ? 20 : 11),
                "the writer (thread 1) had not taken the locked path yet: both were still under way");
        assertArrayEquals(new long[] {1, 1}, ResultViewModel.lostSince(lost, 10, t -> 13),
                "both threads on the locked path and still a lost update: that one counts");
        assertArrayEquals(new long[] {0, 0}, ResultViewModel.lostSince(lost, 40, t -> 41));
        ResultViewModel vm = new ResultViewModel(en);
        assertEquals("lost updates since the lock went on: 0", vm.lockNote(new long[] {0, 0}));
        assertEquals("加锁之后丢失的更新：0", new ResultViewModel(zh).lockNote(new long[] {0, 0}));
    }

    @Test
    void aRealRunLosesNoUpdateOnceTheLockIsOnForBothThreads() throws Exception {
        interleave.scenario.Scenario balance = Scenarios.byId("balance").orElseThrow();
        interleave.scenario.ScenarioRun r = interleave.scenario.LiveSwitch.flippedMidRun("balance",
                Map.of("iterations", "30000"), 20_000, "lock", true);
        TraceAnalyzer a = new TraceAnalyzer(r.trace());
        a.update();
        RunStory s = new RunStory(r.trace());
        s.update(a.processed());
        RunStory.ParamChange on = s.switchedOn(balance.params().indexOf(balance.param("lock")));
        long[] since = ResultViewModel.lostSince(a.lostUpdates(), on.seq(), t -> s.firstAcquireSinceParam((int) t));
        assertEquals(0, since[0], "lost with both threads on the locked path");
        assertTrue(since[1] <= 4, "only updates in flight at the switch: " + since[1]);
    }

    /**
     * CPython 3.10+'s names ("Thread-1 (run_thread)") in a narrow box: the name gets shorter before the words do,
     * so that "not yet written", the point of the row, stays.
     */
    @Test
    void aHeldReadRowShortensTheThreadsNameBeforeItsWords() {
        Trace t = new Trace(new TraceHeader("hand", "sim", 1, 2, "rr", 0, Map.of(), "tick"));
        t.addThread("MainThread", false);
        int t1 = t.addThread("Thread-1 (run_thread)", false);
        int bal = t.addObject("balance", ObjectType.VARIABLE, 0);
        t.append(0, t1, EventKind.SWITCH, -1, SwitchReason.IDLE.ordinal(), 0);
        t.append(1, t1, EventKind.READ, bal, 6, 9);
        RunStory s = new RunStory(t);
        s.update(Long.MAX_VALUE);
        java.util.function.ToDoubleFunction<String> chars = String::length;
        assertEquals(List.of("Thread-1 (run_thread) read 6, not yet written"),
                CpuStoryNotes.rows(en, t, s, t.object(bal), 60, chars));
        assertEquals(List.of("Thread-1 read 6, not yet written"), CpuStoryNotes.rows(en, t, s, t.object(bal), 35, chars));
        assertEquals(List.of("T1 read 6, not yet written"), CpuStoryNotes.rows(en, t, s, t.object(bal), 30, chars));
        assertEquals(List.of("T1 read 6"), CpuStoryNotes.rows(en, t, s, t.object(bal), 12, chars));
    }

    /** T1 and T2 on balance, a thread-local with each thread's value, the lock param switched on. */
    private static Trace story() {
        Trace t = new Trace(new TraceHeader("hand", "sim", 1, 2, "rr", 0, Map.of(), "tick"));
        t.addThread("MainThread", false);
        int t1 = t.addThread("T1", false);
        int t2 = t.addThread("T2", false);
        int bal = t.addObject("score", ObjectType.VARIABLE, 0);
        int local = t.addObject("local_school.student", ObjectType.LOCAL, 0);
        t.append(0, t1, EventKind.SWITCH, -1, SwitchReason.IDLE.ordinal(), 0);
        t.append(1, t1, EventKind.LOCAL_SET, local, t.intern("Alice"), 10);
        t.append(2, t1, EventKind.READ, bal, 0, 8);
        t.append(3, t2, EventKind.SWITCH, t1, SwitchReason.SLICE_OVER.ordinal(), 0);
        t.append(4, t2, EventKind.LOCAL_SET, local, t.intern("Bob"), 10);
        t.append(5, t2, EventKind.READ, bal, 0, 9);
        return t;
    }

    @Test
    void heldReadsShowBesideTheCodeLineAndInTheVariablesBox() {
        Trace t = story();
        TraceAnalyzer a = new TraceAnalyzer(t);
        a.update();
        RunStory s = new RunStory(t);
        s.update(a.processed());
        Map<Integer, List<String>> notes = CodeViewModel.heldNotes(a, s, en);
        assertEquals(List.of("T1 read 0, not yet written"), notes.get(8));
        assertEquals(List.of("T2 read 0, not yet written"), notes.get(9));
        assertEquals(List.of("T1 read 0, not yet written", "T2 read 0, not yet written"),
                CpuStoryNotes.lines(en, t, s, t.object(0)));
        assertEquals(List.of("T2 读到了 0，还没写回"), CodeViewModel.heldNotes(a, s, zh).get(9));
        assertEquals("T1 read 0, T2 read 0: not yet written",
                CpuStoryNotes.oneLine(en, t, s, t.object(0), CpuStoryNotes.lines(en, t, s, t.object(0))),
                "a box with room for one line still names both");
        // a narrow box on a projector: a row each, the short form where the long one would be cut
        java.util.function.ToDoubleFunction<String> chars = String::length;
        assertEquals(List.of("T1 read 0, not yet written", "T2 read 0, not yet written"),
                CpuStoryNotes.rows(en, t, s, t.object(0), 30, chars));
        assertEquals(List.of("T1 read 0", "T2 read 0"), CpuStoryNotes.rows(en, t, s, t.object(0), 20, chars));
        assertEquals(List.of("T1 读到了 0，还没写回", "T2 读到了 0，还没写回"),
                CpuStoryNotes.rows(zh, t, s, t.object(0), 20, chars));
    }

    @Test
    void eachThreadsOwnThreadLocalValueIsShown() {
        Trace t = story();
        TraceAnalyzer a = new TraceAnalyzer(t);
        a.update();
        RunStory s = new RunStory(t);
        s.update(a.processed());
        assertEquals(List.of("T1: Alice", "T2: Bob"), CpuStoryNotes.lines(en, t, s, t.object(1)));
        assertTrue(CpuViewModel.resources(t).contains(t.object(1)), "the thread-local gets a box");
        assertEquals(List.of("T1's own local_school.student: Alice", "T2's own local_school.student: Bob"),
                new ResultViewModel(en).localLines(t, s));
    }

    /** A thread that stopped with an error is marked under the line it stopped on, in the window's language. */
    @Test
    void aThreadsErrorIsNotedUnderTheLineItStoppedOn() {
        Trace t = story();
        t.append(6, 2, EventKind.ERROR, -1, t.intern("ZeroDivisionError: division by zero"), 12);
        TraceAnalyzer a = new TraceAnalyzer(t);
        a.update();
        assertEquals(Map.of(12, List.of("T2 stopped here: ZeroDivisionError: division by zero")),
                CodeViewModel.errorNotes(a, en));
        assertEquals(List.of("T2 在这里因错误而停止：ZeroDivisionError: division by zero"),
                CodeViewModel.errorNotes(a, zh).get(12));
        assertEquals("T2 stopped with an error at line 12: ZeroDivisionError: division by zero.",
                new interleave.app.main.MainViewModel(en).explainError(t, a.errors()));
        // another thread stopping there alike shares the note, named as the banner names them
        t.append(7, 1, EventKind.ERROR, -1, t.intern("T1: ZeroDivisionError: division by zero"), 12);
        a.update();
        assertEquals(Map.of(12, List.of("T2, T1 stopped here: ZeroDivisionError: division by zero")),
                CodeViewModel.errorNotes(a, en));
    }

    @Test
    void theChartNamesTheVariableItChartsAndTheLostFigureOnlyWhereItMeansSomething() {
        Trace t = story();
        TraceAnalyzer a = new TraceAnalyzer(t);
        a.update();
        assertEquals(-1, ResultViewModel.chartVariable(a), "a variable never written would chart a flat line");
        t.append(6, 2, EventKind.WRITE, 0, 1, 9);
        a.update();
        assertEquals("score over time", new ResultViewModel(en).chartCaption(a));
        assertEquals("score 随时间变化", new ResultViewModel(zh).chartCaption(a));
        // a constant made first (n = 12) is not what the chart follows: the variable that is written is
        Trace constantFirst = new Trace(new TraceHeader("hand", "sim", 1, 2, "rr", 0, Map.of(), "tick"));
        int main = constantFirst.addThread("MainThread", false);
        constantFirst.addObject("n", ObjectType.VARIABLE, 12);
        int total = constantFirst.addObject("total", ObjectType.VARIABLE, 0);
        constantFirst.append(0, main, EventKind.SWITCH, -1, SwitchReason.IDLE.ordinal(), 0);
        constantFirst.append(1, main, EventKind.WRITE, total, 5, 3);
        TraceAnalyzer b = new TraceAnalyzer(constantFirst);
        b.update();
        assertEquals(total, ResultViewModel.chartVariable(b));
        assertTrue(ResultViewModel.showsLostUpdates(t));
        Trace noVariables = new Trace(new TraceHeader("hand", "sim", 1, 2, "rr", 0, Map.of(), "tick"));
        noVariables.addObject("lock", ObjectType.LOCK, 0);
        assertFalse(ResultViewModel.showsLostUpdates(noVariables), "hello-threads has no race to count");
    }

    @Test
    void aSwitchFromAThreadToItselfSaysWhatHappened() {
        Trace t = new Trace(new TraceHeader("hand", "sim", 1, 2, "rr", 0, Map.of(), "tick"));
        int loop = t.addThread("LoopThread", false);
        int cond = t.addObject("not_empty", ObjectType.CONDITION, 0);
        t.append(0, loop, EventKind.SWITCH, loop, SwitchReason.SLEEP.ordinal(), 0);
        t.append(1, loop, EventKind.COND_NOTIFY, cond, 0, 0);
        t.append(2, loop, EventKind.COND_NOTIFY, cond, 2, 0);
        EventSentences en = new EventSentences(this.en);
        assertEquals("LoopThread wakes up and runs again", en.sentence(t, 0));
        assertEquals("LoopThread notified not_empty, but nobody was waiting", en.sentence(t, 1));
        assertEquals("LoopThread notified 2 waiters of not_empty", en.sentence(t, 2));
        assertEquals("LoopThread 醒来，继续运行", new EventSentences(zh).sentence(t, 0));
        int worker = t.addThread("worker-3", false);
        t.append(3, worker, EventKind.SWITCH, loop, SwitchReason.PREEMPTED.ordinal(), 0);
        assertEquals("worker-3 woke up and takes the CPU from LoopThread", en.sentence(t, 3),
                "names the thread that woke: it is the one coming in");
        assertEquals("worker-3 醒来，从 LoopThread 手里抢到了 CPU", new EventSentences(zh).sentence(t, 3));
    }

    @Test
    void parameterErrorsAreInTheUiLanguage() {
        ParamException e = assertThrows(ParamException.class,
                () -> Params.resolve(Scenarios.byId("balance").orElseThrow(), Map.of("iterations", "0")));
        assertEquals("iterations must be an integer from 1 to 10000000, got 0", e.getMessage(), "the CLI keeps English");
        assertEquals("iterations 必须是 1 到 10000000 之间的整数，现在是“0”", ParamMessages.text(zh, e));
        assertEquals("iterations must be an integer from 1 to 10000000, got '0'", ParamMessages.text(en, e));
        ParamException bool = assertThrows(ParamException.class,
                () -> Params.resolve(Scenarios.byId("balance").orElseThrow(), Map.of("lock", "maybe")));
        assertEquals("lock 只能是 on 或 off，现在是“maybe”", ParamMessages.text(zh, bool));
    }

    @Test
    void theGilDemosSecondsAreTheVirtualTimeSoFarWhileItRuns() throws Exception {
        interleave.scenario.Scenario gil = interleave.scenario.Scenarios.byId("gil").orElseThrow();
        interleave.scenario.ScenarioRun run = interleave.scenario.ScenarioRun.runToEnd(gil,
                interleave.scenario.Params.resolve(gil, Map.of()), gil.defaultSettings());
        TraceAnalyzer half = new TraceAnalyzer(run.trace());
        half.update(run.trace().size() / 2);
        ResultViewModel vm = new ResultViewModel(new I18n(Locale.ENGLISH));
        Map<String, Object> midRun = new java.util.LinkedHashMap<>(Map.of("seconds", 0.0));
        midRun.put("cores", 1);
        String now = vm.firstNow(Headline.of(midRun), half);
        assertEquals(vm.first(Headline.of(Map.of("seconds", half.lastTime() / 1e6))), now);
        assertTrue(half.lastTime() > 0 && !now.equals(vm.first(Headline.of(midRun))), "not the 0.000 of an unfinished result");
    }
}
