package interleave.app.result;

import interleave.app.I18n;
import interleave.program.VirtualClock;
import interleave.program.VirtualCores;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The result panel's headline: the two big figures and the details, split once by {@link Headline}. A program's
 * printed lines never become a big figure: they are a list, shown a line each in the details.
 */
class ResultFiguresTest {
    private final ResultViewModel vm = new ResultViewModel(new I18n(Locale.ENGLISH));

    /** A Python program's result as PythonProgram makes it: written shared values, lines, printed, output. */
    private static Map<String, Object> program(Object... keysAndValues) {
        Map<String, Object> r = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            r.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return r;
    }

    /** A write that put back the value the stale read saw (+5 then -5) was overwritten, but nothing was lost. */
    @Test
    void anOverwriteOfTheSameValueSaysNothingWasLost() {
        interleave.trace.Trace t = new interleave.trace.Trace(new interleave.trace.TraceHeader("x", "sim", 1, 1, "rr",
                0, Map.of(), "tick"));
        t.addThread("MainThread", false);
        t.addThread("T1", false);
        t.addThread("T2", false);
        interleave.trace.LostUpdate same = new interleave.trace.LostUpdate(0, 2, 0, 0, 1, 3, 0, 4, 8, 4);
        interleave.trace.LostUpdate real = new interleave.trace.LostUpdate(0, 2, 0, 0, 1, 3, 5, 4, 8, 4);
        assertEquals("T2 wrote 8, computed from a stale read of 0, over T1's write of 0: the same value, so nothing"
                + " was lost this time", vm.lostSentence(t, same));
        assertEquals("T2 wrote 8, computed from a stale read of 0: T1's write of 5 was lost", vm.lostSentence(t, real));
        assertTrue(new ResultViewModel(new I18n(Locale.SIMPLIFIED_CHINESE)).lostSentence(t, same).contains("这次没有丢失"));
    }

    @Test
    void aProgramWithoutSharedVariablesShowsHowManyLinesItPrinted() {
        Headline h = Headline.of(program("lines", 2, "printed", "Hello, Bob (in Thread-B)",
                "output", List.of("Hello, Alice (in Thread-A)", "Hello, Bob (in Thread-B)")));
        assertEquals("lines printed", vm.firstCaption(h));
        assertEquals("2", vm.first(h));
        assertEquals("", vm.secondCaption(h), "a long last line is no figure");
        assertEquals("", vm.second(h));
        assertEquals(List.of("printed:\n  Hello, Alice (in Thread-A)\n  Hello, Bob (in Thread-B)"), vm.details(h),
                "the last line printed is the last of the lines shown: not said twice");
    }

    @Test
    void aLongOutputShowsItsLastElevenLines() {
        List<String> twenty = java.util.stream.IntStream.rangeClosed(1, 20).mapToObj(String::valueOf).toList();
        Headline h = Headline.of(program("lines", 20, "output", twenty));
        assertEquals(List.of("printed:\n  … 9 lines before (see the event log)" + twenty.stream().skip(9)
                .map(l -> "\n  " + l).collect(java.util.stream.Collectors.joining())), vm.details(h));
        assertTrue(vm.details(h, false).get(0).startsWith("printed:\n  … 9 lines before\n  10"),
                "presentation mode hides the event log: the line does not send the class to it");
        Headline ten = Headline.of(program("lines", 10, "output", twenty.subList(0, 10)));
        assertEquals(1, vm.details(ten).size());
        assertTrue(vm.details(ten).get(0).endsWith("\n  10") && !vm.details(ten).get(0).contains("before"),
                "ten lines are all shown: the panel scrolls");
    }

    /**
     * An uncaught exception's traceback in the narrow panel, for a class to read the line that failed: the frames of
     * Python's own library (threading.py's above the target, queue.py's) are left out, each other frame names its
     * file without the folder, and 3.11's marks under a frame's line, which point nowhere in wrapped proportional
     * type, are left out; other lines stay as written (a program's own "~~~~~~" too, and a folder of its own named
     * lib/python3).
     */
    @Test
    void aTracebackShowsTheProgramsFramesWithoutFoldersOrMarks() {
        Headline h = Headline.of(program("lines", 0, "stderr", List.of("Exception in thread Thread-1 (bad):",
                "Traceback (most recent call last):",
                "  File \"/root/.pyenv/versions/3.11.7/lib/python3.11/threading.py\", line 1045, in _bootstrap_inner",
                "    self.run()",
                "  File \"/usr/lib/python3.11/threading.py\", line 982, in run",
                "    self._target(*self._args, **self._kwargs)",
                "  File \"C:\\Users\\teacher\\bank.py\", line 5, in bad",
                "    print(1 / x)",
                "          ~~^~~",
                "  File \"C:\\Python311\\Lib\\queue.py\", line 199, in get_nowait",
                "    return self.get(block=False)",
                "           ^^^^^^^^^^^^^^^^^^^^^",
                "  File \"/home/t/.local/lib/python3.11/site-packages/six.py\", line 1, in f",
                "    g()",
                "ZeroDivisionError: division by zero", "(worker) File \"/etc/x\" was read", "~~~~~~",
                "  File \"/home/t/lib/python3/hw.py\", line 2, in <module>", "    go()", "    ^^^^")));
        assertEquals(List.of("written to stderr:\n  Exception in thread Thread-1 (bad):\n  Traceback (most recent call"
                + " last):\n    File \"bank.py\", line 5, in bad\n      print(1 / x)\n    File \"six.py\", line 1, in f\n"
                + "      g()\n  ZeroDivisionError: division by zero\n  (worker) File \"/etc/x\" was read\n  ~~~~~~\n"
                + "    File \"hw.py\", line 2, in <module>\n      go()"),
                vm.details(h));
    }

    @Test
    void nothingPrintedYetAddsNoEmptyLines() {
        Headline h = Headline.of(program("balance", 5, "lines", 0, "printed", "", "output", List.of()));
        assertEquals(List.of(), vm.details(h));
        assertEquals("5", vm.first(h));
        assertEquals("0", vm.second(h));
    }

    @Test
    void writtenSharedValuesComeFirstThenLines() {
        Headline h = Headline.of(program("balance", 52, "lines", 1, "printed", "52", "output", List.of("52")));
        assertEquals("balance", h.first().key());
        assertEquals("lines", h.second().key());
        assertEquals("balance", vm.firstCaption(h));
        assertEquals("52", vm.first(h));
        assertEquals("lines printed", vm.secondCaption(h));
        assertEquals("1", vm.second(h));
        assertEquals(List.of("printed:\n  52"), vm.details(h), "a third figure is a detail");
    }

    @Test
    void aListFirstInTheResultIsNeverABigFigure() {
        Headline h = Headline.of(program("output", List.of("a", "b"), "counter", 3));
        assertEquals("counter", h.first().key(), "the list is skipped, not shown big");
        assertNull(h.second());
        assertEquals(List.of("printed:\n  a\n  b"), vm.details(h));
        assertFalse(Headline.figure(List.of(1)));
        assertFalse(Headline.figure("Hello, world"));
        assertTrue(Headline.figure("12345"));
        assertTrue(Headline.figure(-13));
    }

    @Test
    void anExpectedValueStandsBesideTheActualOneWhateverTheOrder() {
        Headline h = Headline.of(program("order", "12 56 34 78", "expected", "12 56 34 78", "extra", 4));
        assertTrue(h.judged());
        assertEquals("expected", vm.firstCaption(h));
        assertEquals("12 56 34 78", vm.second(h), "a judged text is shown, in smaller type if long");
        assertEquals(List.of("extra: 4"), vm.details(h));
        assertFalse(h.wrong());
        Headline balance = Headline.of(program("expected", 0, "balance", 13));
        assertEquals("balance", balance.second().key());
        assertTrue(balance.wrong());
        assertEquals(ResultViewModel.Verdict.WRONG, ResultViewModel.verdict(balance, true));
    }

    @Test
    void noResultYetShowsThePlaceholders() {
        for (Headline h : new Headline[] {Headline.of(null), Headline.of(Map.of())}) {
            assertTrue(h.empty());
            assertEquals("expected", vm.firstCaption(h));
            assertEquals("actual", vm.secondCaption(h));
            assertEquals("–", vm.first(h));
            assertEquals("–", vm.second(h));
            assertEquals(List.of(), vm.details(h));
            assertEquals(ResultViewModel.Verdict.NONE, ResultViewModel.verdict(h, true));
        }
    }

    /** Only a program's finished os run that wrote shared values and lost none gets the note about CPython. */
    @Test
    void theCPythonNoteIsForAProgramsOsRunThatLostNothing() {
        assertTrue(ResultNotes.saysCPythonRarelySwitches("os", true, true, 0, true));
        assertFalse(ResultNotes.saysCPythonRarelySwitches("sim", true, true, 0, true), "sim shows the race");
        assertFalse(ResultNotes.saysCPythonRarelySwitches("os", false, true, 0, true), "a Java demo");
        assertFalse(ResultNotes.saysCPythonRarelySwitches("os", true, false, 0, true), "still running");
        assertFalse(ResultNotes.saysCPythonRarelySwitches("os", true, true, 2, true), "it did lose some");
        assertFalse(ResultNotes.saysCPythonRarelySwitches("os", true, true, 0, false), "no shared value");
    }

    /** Two threads writing balance, the first time with no lock held, the second under the lock. */
    private static interleave.trace.Trace writes(boolean secondWithoutLock, boolean bothThreads) {
        interleave.trace.Trace t = new interleave.trace.Trace(new interleave.trace.TraceHeader("w", "os", 1, 20,
                "random", 0, Map.of(), "ns"));
        t.addThread("T1", false);
        t.addThread("T2", false);
        int balance = t.addObject("balance", interleave.trace.ObjectType.VARIABLE, 0);
        int lock = t.addObject("lock", interleave.trace.ObjectType.LOCK, 0);
        int second = bothThreads ? 1 : 0;
        t.append(1, 0, interleave.trace.EventKind.ACQUIRE, lock, 1, 3);
        t.append(2, 0, interleave.trace.EventKind.WRITE, balance, 5, 4);
        t.append(3, 0, interleave.trace.EventKind.RELEASE, lock, 0, 5);
        if (!secondWithoutLock) {
            t.append(4, second, interleave.trace.EventKind.ACQUIRE, lock, 1, 3);
        }
        t.append(5, second, interleave.trace.EventKind.WRITE, balance, 13, 4);
        return t;
    }

    /** The os-mode note says "the race is still there" only where two threads write a value, one unguarded. */
    @Test
    void aRaceNeedsTwoWritersOneOfThemWithoutALock() {
        assertTrue(ResultViewModel.hasUnguardedSharedWrite(writes(true, true)));
        assertFalse(ResultViewModel.hasUnguardedSharedWrite(writes(false, true)), "every write under the lock");
        assertFalse(ResultViewModel.hasUnguardedSharedWrite(writes(true, false)), "one thread only");
    }

    /** A program's own variables keep their names (they match the code); its printed lines are in the UI's words. */
    @Test
    void aProgramsVariablesAreNotTranslated() {
        ResultViewModel zh = new ResultViewModel(new I18n(Locale.SIMPLIFIED_CHINESE));
        String demoCaption = zh.caption("balance");
        zh.showingProgram(true);
        assertEquals("balance", zh.caption("balance"));
        assertEquals("account.total", zh.caption("account.total"));
        assertFalse(zh.caption("lines").equals("lines"), "the result's own words are translated");
        zh.showingProgram(false);
        assertEquals(demoCaption, zh.caption("balance"));
    }

    /** Under a program's lost updates in sim mode: CPython at home seldom loses them; never for a demo or os mode. */
    @org.junit.jupiter.api.Test
    void aProgramsLostUpdatesInSimModeSayCPythonSeldomLosesThem() {
        assertTrue(ResultNotes.saysSchedulerSwitchesMoreThanCPython("sim", true, 3));
        assertTrue(ResultNotes.saysSchedulerSwitchesMoreThanCPython("cooperative", true, 1));
        assertFalse(ResultNotes.saysSchedulerSwitchesMoreThanCPython("sim", true, 0), "nothing lost: nothing to explain");
        assertFalse(ResultNotes.saysSchedulerSwitchesMoreThanCPython("os", true, 3), "os mode is CPython's own");
        assertFalse(ResultNotes.saysSchedulerSwitchesMoreThanCPython("sim", false, 3), "a demo is a model");
        assertTrue(ResultNotes.startsProcesses("from multiprocessing import Process, Value"));
        assertTrue(ResultNotes.startsProcesses("pid = os.fork()"));
        assertFalse(ResultNotes.startsProcesses("import threading\nbalance = 0"), "threads: the thread note");
    }

    /**
     * A program that turns the virtual clock into dates (ctime, strftime, localtime, datetime.now) gets the note that
     * they begin at the epoch; one that only times itself or sleeps, an os-mode run, or no text at all, does not.
     */
    @org.junit.jupiter.api.Test
    void datesOfTheVirtualClockGetTheirNote() {
        for (String dated : List.of("from time import ctime\nprint(ctime())", "time.strftime('%H:%M')",
                "print(time.localtime().tm_year)", "from datetime import datetime\ndatetime.now()",
                "print(date.today())")) {
            assertTrue(VirtualClock.datesBeginAtTheEpoch(true, dated), dated);
            assertFalse(VirtualClock.datesBeginAtTheEpoch(false, dated), "os mode's clock is real: " + dated);
        }
        for (String undated : List.of("start = time.time()\ntime.sleep(1)\nprint(time.time() - start)",
                "import threading", "mytime = 3  # a name with time in it, no call", "import datetime  # for later")) {
            assertFalse(VirtualClock.datesBeginAtTheEpoch(true, undated), undated);
        }
        assertFalse(VirtualClock.datesBeginAtTheEpoch(true, null), "a demo has no program text");
    }

    /** Pool() and cpu_count() on the default single virtual core get the note; with more cores or in os mode, not. */
    @org.junit.jupiter.api.Test
    void aPoolSizedByOneVirtualCoreGetsItsNote() {
        for (String sized : List.of("p = Pool()", "with ProcessPoolExecutor() as ex:", "n = os.cpu_count()")) {
            assertTrue(VirtualCores.poolHasOneWorker(false, 1, sized), sized);
            assertFalse(VirtualCores.poolHasOneWorker(false, 4, sized), "four cores, four workers: " + sized);
            assertFalse(VirtualCores.poolHasOneWorker(true, 1, sized), "os mode: the machine's cores: " + sized);
        }
        assertFalse(VirtualCores.poolHasOneWorker(false, 1, "p = Pool(5)"), "its own size");
        assertFalse(VirtualCores.poolHasOneWorker(false, 1, "import threading"));
    }
}
