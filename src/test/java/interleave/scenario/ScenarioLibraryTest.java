package interleave.scenario;

import interleave.engine.Mode;
import interleave.engine.RunOutcome;
import interleave.engine.RunSettings;
import interleave.trace.EventKind;
import interleave.trace.Trace;
import interleave.trace.TraceAnalyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static interleave.trace.TraceCounts.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every tutorial program as a demo: each one's teaching point, asserted on a headless run. */
class ScenarioLibraryTest {

    static List<Scenario> all() {
        return Scenarios.all();
    }

    private static ScenarioRun run(String id, Map<String, String> params) throws Exception {
        Scenario s = Scenarios.byId(id).orElseThrow();
        return run(id, params, s.defaultSettings());
    }

    private static ScenarioRun run(String id, Map<String, String> params, RunSettings settings) throws Exception {
        Scenario s = Scenarios.byId(id).orElseThrow();
        return ScenarioRun.runToEnd(s, Params.resolve(s, params), settings);
    }

    private static List<String> prints(Trace t) {
        List<String> out = new java.util.ArrayList<>();
        for (long i = 0; i < t.size(); i++) {
            if (t.kind(i) == EventKind.PRINT) {
                out.add(t.thread(t.thread(i)).name() + ": " + t.string(t.value(i)));
            }
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("all")
    void everyScenarioIsDocumentedInBothLanguagesAndRunsWithItsDefaults(Scenario s) throws Exception {
        for (Locale l : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
            assertNotEquals(s.id() + ".title", s.title(l));
            assertNotEquals(s.id() + ".summary", s.summary(l));
            assertTrue(s.description(l).length() > 100, s.id() + " description " + l);
            for (ParamSpec p : s.params()) {
                assertNotEquals(s.id() + ".param." + p.name(), s.paramHelp(l, p.name()), p.name());
            }
            for (ActionSpec a : s.actions()) {
                assertNotEquals(s.id() + ".action." + a.name(), s.actionLabel(l, a.name()));
            }
        }
        assertNotEquals(s.title(Locale.ENGLISH), s.title(Locale.SIMPLIFIED_CHINESE));
        assertFalse(s.python().isBlank(), s.id() + " has a Python equivalent");
        if (s.id().equals("deadlock")) {
            return; // its default run ends in the deadlock it teaches (tested below)
        }
        ScenarioRun r = ScenarioRun.runToEnd(s, Params.resolve(s, Map.of()), s.defaultSettings());
        assertEquals(RunOutcome.Status.FINISHED, r.outcome().status(), s.id() + " " + r.outcome());
        assertFalse(r.result().isEmpty());
    }

    @Test
    void helloThreadsNamesEachThreadInTheLog() throws Exception {
        List<String> out = prints(run("hello-threads", Map.of("count", "3")).trace());
        assertEquals("MainThread: thread MainThread is running...", out.get(0));
        assertTrue(out.contains("LoopThread: thread LoopThread >>> 3"), out.toString());
        assertEquals("MainThread: thread MainThread ended.", out.get(out.size() - 1));
    }

    @Test
    void daemonIsCutOffAndTheWorkerIsWaitedFor() throws Exception {
        ScenarioRun r = run("daemon", Map.of("work", "2"));
        assertEquals(true, r.result().get("workerFinished"));
        Trace t = r.trace();
        boolean killed = false;
        for (long i = 0; i < t.size(); i++) {
            if (t.kind(i) == EventKind.THREAD_KILLED) {
                assertEquals("heartbeat", t.thread(t.thread(i)).name());
                killed = true;
            }
        }
        assertTrue(killed);
    }

    @Test
    void joinInsideTheLoopIsSerialAndAfterItOverlaps() throws Exception {
        Map<String, Object> inside = run("join-pitfall", Map.of("join", "inside")).result();
        Map<String, Object> after = run("join-pitfall", Map.of("join", "after")).result();
        assertEquals((double) inside.get("sumOfThreads"), (double) inside.get("totalSeconds"), 0.01);
        assertEquals(2.0, (double) after.get("totalSeconds"), 0.01, "as long as one thread");
    }

    @Test
    void threadLocalKeepsEachStudentAndASharedFieldMixesThemUp() throws Exception {
        assertEquals(0, run("thread-local", Map.of("variant", "local")).result().get("wrongGreetings"));
        assertTrue((int) run("thread-local", Map.of("variant", "shared")).result().get("wrongGreetings") > 0);
    }

    @Test
    void rlockCounterCountsAllAndNestedLockIsASelfDeadlock() throws Exception {
        assertEquals(10, run("rlock-counter", Map.of()).result().get("counter"));
        assertEquals(10, run("rlock-counter", Map.of("nested", "on")).result().get("counter"));
        ScenarioRun bad = run("rlock-counter", Map.of("nested", "on", "lock", "lock"));
        assertEquals(RunOutcome.Status.DEADLOCK, bad.outcome().status());
        assertEquals(1, bad.outcome().deadlock().threads().size(), "a cycle of one thread");
        assertTrue(bad.outcome().deadlock().cycle());
    }

    @Test
    void eventGateHoldsEveryThreadUntilTheEventIsSet() throws Exception {
        ScenarioRun r = run("event-gate", Map.of("delay", "5"));
        Trace t = r.trace();
        long set = -1;
        int blockedBefore = 0;
        for (long i = 0; i < t.size(); i++) {
            if (t.kind(i) == EventKind.EVENT_SET && set < 0) {
                set = i;
            }
            if (set < 0 && t.kind(i) == EventKind.EVENT_WAIT && t.value(i) == 0) {
                blockedBefore++;
            }
            if (set < 0 && t.kind(i) == EventKind.PRINT) {
                throw new AssertionError("a thread passed before the event was set");
            }
        }
        assertEquals(10, blockedBefore, "all ten blocked on the gate");
        assertEquals(5.0, t.time(set) / 1e6, 0.01, "set after the delay");
        assertEquals(10, r.result().get("passed"));
        // without a user and without auto, input() finds no keyboard (EOFError) and nobody sets it: a stall
        ScenarioRun stalled = run("event-gate", Map.of("auto", "off"));
        assertEquals(RunOutcome.Status.DEADLOCK, stalled.outcome().status());
        assertFalse(stalled.outcome().deadlock().cycle());
        assertTrue(stalled.kernel().errors().get(0).contains("EOFError: EOF when reading a line"),
                stalled.kernel().errors().toString());
    }

    @Test
    void eventGateActionsSetAndClearTheGate() throws Exception {
        ScenarioRun r = gateAtTheKeyboard();
        long end = System.nanoTime() + 10_000_000_000L;
        while (blocked(r.trace()) < 3 && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        assertEquals(3, blocked(r.trace()));
        assertFalse(r.done(), "waits for the user, not a stall, when a user is present");
        r.fire("set"); // the button opens the gate; MainThread still waits at the keyboard for "true"
        while (!Integer.valueOf(3).equals(r.result().get("passed")) && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        assertEquals(3, r.result().get("passed"));
        assertFalse(r.done());
        r.kernel().typeLine("true");
        assertTrue(r.kernel().awaitOutcome(10_000) != null);
        assertTrue(r.kernel().awaitTermination(5_000));
        assertEquals(RunOutcome.Status.FINISHED, r.outcome().status());
    }

    @Test
    void eventGateWithoutAutoWaitsAtTheKeyboardAsTheTutorialDoes() throws Exception {
        ScenarioRun r = gateAtTheKeyboard();
        long end = System.nanoTime() + 10_000_000_000L;
        while (count(r.trace(), EventKind.INPUT_WAIT) < 1 && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        r.kernel().typeLine("no"); // the tutorial's loop asks again
        while (count(r.trace(), EventKind.INPUT_WAIT) < 2 && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        assertEquals(0, r.result().get("passed"), "not yet: the answer was not true");
        r.kernel().typeLine("true");
        assertTrue(r.kernel().awaitOutcome(10_000) != null);
        assertTrue(r.kernel().awaitTermination(5_000));
        assertEquals(3, r.result().get("passed"));
        assertEquals(RunOutcome.Status.FINISHED, r.outcome().status());
    }

    /** The event gate with three threads and "auto" off, a user present: MainThread asks at the keyboard. */
    private static ScenarioRun gateAtTheKeyboard() throws interleave.scenario.ParamException {
        Scenario s = Scenarios.byId("event-gate").orElseThrow();
        return ScenarioRun.start(s, Params.resolve(s, Map.of("auto", "off", "threads", "3")),
                RunSettings.DEFAULT, new interleave.engine.RunControl(true, false));
    }

    private static int blocked(Trace t) {
        int n = 0;
        for (long i = 0; i < t.size(); i++) {
            if (t.kind(i) == EventKind.EVENT_WAIT && t.value(i) == 0) {
                n++;
            }
        }
        return n;
    }

    @Test
    void semaphoreNeverLetsMoreThanKInAndABoundedOneCatchesAnOverRelease() throws Exception {
        Map<String, Object> ok = run("semaphore", Map.of("workers", "8", "permits", "3")).result();
        assertEquals(3, ok.get("maxInUse"));
        assertEquals(0, ok.get("errors"));
        for (long seed = 0; seed < 50; seed++) { // every schedule: a walkthrough saw 3 of 2 permits with seed 3
            Scenario semaphore = Scenarios.byId("semaphore").orElseThrow();
            ScenarioRun r = run("semaphore", Map.of(), semaphore.defaultSettings().withSeed(seed));
            assertEquals(2, r.result().get("maxInUse"), "seed " + seed);
        }
        ScenarioRun over = run("semaphore", Map.of("overrelease", "on"));
        assertEquals(1, over.result().get("errors"));
        assertTrue(over.kernel().errors().get(0).contains("ValueError: Semaphore released too many times"));
    }

    @Test
    void conditionWithIfTakesFromAnEmptyBufferAndWithWhileItNeverDoes() throws Exception {
        assertEquals(0, run("condition", Map.of("check", "while")).result().get("underflows"));
        assertTrue((int) run("condition", Map.of("check", "if")).result().get("underflows") > 0);
    }

    @Test
    void poolRunsEveryTaskWithAtMostFiveAtATimeAndCallsBackForEach() throws Exception {
        Map<String, Object> r = run("pool", Map.of()).result();
        assertEquals(10, r.get("callbacks"));
        assertEquals(5, r.get("maxRunningAtOnce"));
        assertEquals(5, r.get("workersUsed"));
    }

    @Test
    void ioBoundThreadsFinishInAboutTheTimeOfOne() throws Exception {
        Map<String, Object> r = run("io-bound", Map.of()).result();
        double seq = (double) r.get("sequentialSeconds");
        double thr = (double) r.get("threadedSeconds");
        assertEquals(3.0, seq / thr, 0.15);
    }

    @Test
    void gilOneCoreIsAboutNTimesSlowerThanNCores() throws Exception {
        Scenario s = Scenarios.byId("gil").orElseThrow();
        double one = (double) run("gil", Map.of("threads", "4", "work", "5000"),
                s.defaultSettings().withCores(1)).result().get("seconds");
        double four = (double) run("gil", Map.of("threads", "4", "work", "5000"),
                s.defaultSettings().withCores(4)).result().get("seconds");
        assertEquals(4.0, one / four, 0.2);
    }

    @Test
    void processesShareNothingUntilASharedValueBringsTheRaceBack() throws Exception {
        Map<String, Object> iso = run("processes", Map.of("memory", "isolated")).result();
        assertEquals(0, iso.get("parentCounter"));
        assertEquals(List.of(1000, 1000, 1000), iso.get("childCopies"));
        ScenarioRun racy = run("processes", Map.of("memory", "shared"));
        assertTrue((int) racy.result().get("parentCounter") < 3000);
        TraceAnalyzer a = new TraceAnalyzer(racy.trace());
        a.update();
        assertTrue(a.lostUpdates().size() > 0);
        assertEquals(3000, run("processes", Map.of("memory", "shared", "lock", "on")).result().get("parentCounter"));
    }

    /** The processes' lock is a live switch, as the balance's is: turned on mid-run, the counts add up from then. */
    @Test
    void theProcessesLockSwitchedOnMidRunStopsTheLosses() throws Exception {
        Scenario processes = Scenarios.byId("processes").orElseThrow();
        ScenarioRun r = LiveSwitch.flippedMidRun("processes", Map.of("memory", "shared", "increments", "20000"),
                10_000, "lock", true);
        long locks = count(r.trace(), EventKind.ACQUIRE);
        assertTrue(locks > 10_000, "the lock is taken once it is on: " + locks);
        TraceAnalyzer a = new TraceAnalyzer(r.trace());
        a.update();
        interleave.trace.RunStory story = new interleave.trace.RunStory(r.trace());
        story.update(a.processed());
        long on = story.switchedOn(processes.params().indexOf(processes.param("lock"))).seq();
        // three processes may each be half-way through an increment when it goes on
        long lostAfter = a.lostUpdates().stream().filter(u -> u.time() > r.trace().time(on)).count();
        assertTrue(lostAfter <= 6, "only updates in flight at the switch are lost after it: " + lostAfter);
        assertTrue(a.lostUpdates().stream().anyMatch(u -> u.time() < r.trace().time(on)), "lost before it");
    }

    @Test
    void coroutinesSwitchExactlyWhereTheCodeSays() throws Exception {
        ScenarioRun r = run("coroutines", Map.of());
        assertEquals(Mode.COOPERATIVE, r.settings().mode());
        assertEquals("12 56 34 78", r.result().get("order"));
        assertEquals(0, run("coroutines", Map.of("part", "balance")).result().get("balance"));
        assertNotEquals(0, run("coroutines", Map.of("part", "balance", "yield_in_update", "on")).result().get("balance"));
    }

    @Test
    void threadPerClientServesEveryClientOnItsOwnThreadAndAPoolReusesItsThreads() throws Exception {
        Map<String, Object> per = run("thread-per-client", Map.of("clients", "6")).result();
        assertEquals(6, per.get("served"));
        assertEquals(6, per.get("answered"));
        assertEquals(6, per.get("handlerThreads"), "one handler thread per client");
        Map<String, Object> pool = run("thread-per-client", Map.of("clients", "6", "server", "pool", "poolSize", "2"))
                .result();
        assertEquals(6, pool.get("served"));
        assertEquals(2, pool.get("handlerThreads"));
    }

    @Test
    void deadlockFindsTheNamedCycleAndTheOrderedVariantFinishes() throws Exception {
        ScenarioRun two = run("deadlock", Map.of());
        assertEquals(RunOutcome.Status.DEADLOCK, two.outcome().status());
        Set<String> names = new HashSet<>();
        two.outcome().deadlock().threads().forEach(t -> names.add(two.trace().thread(t).name()));
        assertEquals(Set.of("T1", "T2"), names);
        ScenarioRun phil = run("deadlock", Map.of("variant", "philosophers"));
        assertEquals(5, phil.outcome().deadlock().threads().size());
        ScenarioRun ordered = run("deadlock", Map.of("ordered", "on"));
        assertEquals(RunOutcome.Status.FINISHED, ordered.outcome().status());
        assertEquals(java.util.List.of("bothLocksTaken"), java.util.List.copyOf(ordered.result().keySet()),
                "T1 and T2 eat no meals: they take both locks");
        assertTrue((int) ordered.result().get("bothLocksTaken") > 0);
        ScenarioRun fed = run("deadlock", Map.of("variant", "philosophers", "ordered", "on"));
        assertEquals(RunOutcome.Status.FINISHED, fed.outcome().status());
        assertEquals(15, fed.result().get("completed"));
    }

    @Test
    void scenariosAreGroupedIntoTheFiveTopics() {
        Set<Topic> used = new HashSet<>();
        Scenarios.all().forEach(s -> used.add(s.topic()));
        Set<Topic> demoTopics = new HashSet<>(Set.of(Topic.values()));
        demoTopics.remove(Topic.YOUR_PROGRAMS); // only the user's own programs go there
        assertEquals(demoTopics, used);
        assertEquals(16, Scenarios.all().size());
    }
}
