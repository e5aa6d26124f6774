package interleave.program;

import interleave.engine.RunControl;
import interleave.engine.RunOutcome;
import interleave.engine.RunSettings;
import interleave.scenario.ScenarioRun;
import interleave.trace.EventKind;
import interleave.trace.Trace;
import interleave.trace.TraceAnalyzer;
import interleave.trace.TraceFiles;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A teacher's own Python program, verbatim, run by CPython under the engine's scheduler. */
class PythonProgramTest {
    @BeforeAll
    static void needsPython() {
        Assumptions.assumeTrue(PythonProgram.findPython() != null,
                "SKIPPED: no python3 (3.8+) on the PATH, so no Python program can run (.ci/run installs it)");
    }

    private static Path balanceWithLock;

    private static Path program(String name) throws Exception {
        if (name.equals("balance_lock.py")) { // the same program with the tutorial's lock switched on
            if (balanceWithLock == null) { // one file, so that two runs' traces name the same one
                Path lock = Files.createTempDirectory("programs").resolve(name);
                Files.writeString(lock, Files.readString(program("balance.py")).replace("USE_LOCK = False",
                        "USE_LOCK = True"));
                lock.toFile().deleteOnExit();
                balanceWithLock = lock;
            }
            return balanceWithLock;
        }
        return Path.of(PythonProgramTest.class.getResource("/interleave/programs/" + name).toURI());
    }

    private static ScenarioRun run(String name, long seed) throws Exception {
        return run(name, RunSettings.DEFAULT.withSeed(seed));
    }

    private static ScenarioRun run(String name, RunSettings settings) throws Exception {
        PythonProgram p = PythonProgram.load(program(name), null);
        ScenarioRun r = ScenarioRun.runToEnd(p, Map.of(), settings);
        assertTrue(r.kernel().awaitTermination(10_000), "every worker ended");
        return r;
    }

    @Test
    void theTutorialsBalanceRaceLosesUpdatesWithoutTheLock() throws Exception {
        int lost = 0;
        for (long seed = 0; seed < 4; seed++) {
            ScenarioRun r = run("balance.py", seed);
            assertEquals(RunOutcome.Status.FINISHED, r.kernel().outcomeNow().status());
            TraceAnalyzer a = new TraceAnalyzer(r.trace());
            a.update();
            lost += a.lostUpdates().size();
            Map<String, Object> result = r.result();
            assertEquals(List.of(String.valueOf(result.get("balance"))), result.get("output"),
                    "the program printed the engine's balance");
        }
        assertTrue(lost > 0, "two threads doing balance = balance + n lose updates under the scheduler");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2, 3})
    void withTheLockNoUpdateIsLostAndTheBalanceStaysZero(long seed) throws Exception {
        ScenarioRun r = run("balance_lock.py", seed);
        TraceAnalyzer a = new TraceAnalyzer(r.trace());
        a.update();
        assertEquals(0, a.lostUpdates().size());
        assertEquals(0, r.result().get("balance"));
        assertEquals(List.of("0"), r.result().get("output"));
        assertEquals("0", r.result().get("printed"));
    }

    /**
     * Threads, processes (copies of memory, a pool), real sockets between a server and its clients, and real child
     * processes polled and waited for with a timeout (how often a loop polls must not follow the real clock).
     */
    @ParameterizedTest
    @ValueSource(strings = {"balance.py", "process_memory.py", "echo_server.py", "subprocesses.py"})
    void theSameSeedGivesTheSameBytes(String name) throws Exception {
        StringWriter first = new StringWriter();
        StringWriter second = new StringWriter();
        TraceFiles.write(run(name, 7).trace(), first);
        TraceFiles.write(run(name, 7).trace(), second);
        assertEquals(first.toString(), second.toString());
    }

    /**
     * Neither the engine's grants (points a thread goes through without waiting for an answer) nor the way the
     * threads talk to the engine (a thread's own named pipes, or stdin and stdout shared, as on Windows) changes
     * a single byte of the trace.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"balance.py, interleave.python.grants=false",
            "balance.py, interleave.python.sharedPipes=true", "attributes.py, interleave.python.grants=false",
            "locks.py, interleave.python.grants=false", "balance.py, interleave.python.plans=false",
            "balance_lock.py, interleave.python.plans=false", "locks.py, interleave.python.plans=false",
            "locks.py, interleave.python.sharedPipes=true", "semaphores_conditions.py, interleave.python.plans=false",
            "queue_barrier_local.py, interleave.python.plans=false",
            "balance_lock.py, interleave.python.continuations=false",
            "locks.py, interleave.python.continuations=false",
            "contended_lock.py, interleave.python.continuations=false",
            "semaphores_conditions.py, interleave.python.continuations=false"})
    void howThePointsTravelDoesNotChangeTheTrace(String program, String setting) throws Exception {
        String[] kv = setting.split("=");
        RunSettings settings = RunSettings.DEFAULT.withSeed(5);
        assertEquals(traceOf(run(program, settings)), traceOf(runWith(kv[0], kv[1], program, settings)));
    }

    private static String traceOf(ScenarioRun r) throws Exception {
        StringWriter text = new StringWriter();
        TraceFiles.write(r.trace(), text);
        return text.toString();
    }

    /** A run with a system property set (a way of running that must not change the trace). */
    private static ScenarioRun runWith(String property, String value, String program, RunSettings settings)
            throws Exception {
        System.setProperty(property, value);
        try {
            return run(program, settings);
        } finally {
            System.clearProperty(property);
        }
    }

    /**
     * The engine's plans (a thread at the end of its slice hands the core to the next one itself) foresee exactly
     * the switches the engine makes, whatever the policy and the slice length: the trace is the one made with
     * every switch decided as it comes.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"balance.py, RANDOM, 1", "balance.py, RANDOM, 2",
            "balance.py, RR, 3", "balance_lock.py, RANDOM, 2", "balance_lock.py, RR, 20",
            "locks.py, RANDOM, 1", "loop_acquires.py, RANDOM, 3", "loop_acquires.py, RR, 5"})
    void plansForeseeTheEnginesOwnSwitches(String program, interleave.engine.Policy policy, int quantum)
            throws Exception {
        RunSettings settings = RunSettings.DEFAULT.withPolicy(policy).withQuantum(quantum).withSeed(quantum * 7L);
        ScenarioRun planned = run(program, settings);
        assertEquals(traceOf(runWith("interleave.python.plans", "false", program, settings)), traceOf(planned));
        PythonBridge bridge = planned.context().kept("bridge");
        assertTrue(bridge.handedOnByPlan() > 0, "some switches were handed on by a plan");
    }

    /**
     * A thread that holds the lock another waits for, or runs alone, goes on at its slice's end without waiting
     * for the engine, as the engine foresaw for each way the slice could end (the lock never let go, let go and
     * taken back, or let go: its waiter takes it, told by the thread); a thread that blocks on a lock under a plan
     * hands the core to the plan's next thread itself. The trace is the one made with every slice's end and every
     * block decided as it comes, whatever the policy, the slice length and the number of threads.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"balance_lock.py, RANDOM, 1", "balance_lock.py, RANDOM, 3",
            "balance_lock.py, RANDOM, 20", "balance_lock.py, RR, 2", "balance_lock.py, RR, 7",
            "locks.py, RANDOM, 2", "locks.py, RR, 5", "contended_lock.py, RANDOM, 4", "contended_lock.py, RANDOM, 1",
            "contended_lock.py, RANDOM, 9", "contended_lock.py, RR, 3", "semaphores_conditions.py, RANDOM, 5",
            "balance_lock.py, RR, 20", "balance_lock.py, RR, 1", "contended_with_sleeper.py, RANDOM, 3",
            "contended_with_sleeper.py, RANDOM, 8", "contended_with_sleeper.py, RR, 4", "nested_locks.py, RANDOM, 2",
            "nested_locks.py, RANDOM, 6", "nested_locks.py, RR, 3", "condition_timeout.py, RANDOM, 3",
            "condition_timeout.py, RANDOM, 7", "condition_timeout.py, RR, 5", "loop_acquires.py, RANDOM, 2",
            "loop_acquires.py, RANDOM, 9", "loop_acquires.py, RR, 4"})
    void continuationsForeseeTheEnginesOwnSlices(String program, interleave.engine.Policy policy, int quantum)
            throws Exception {
        RunSettings settings = RunSettings.DEFAULT.withPolicy(policy).withQuantum(quantum).withSeed(quantum * 3L);
        ScenarioRun foreseen = run(program, settings);
        assertEquals(List.of(), foreseen.kernel().outcomeNow().errors());
        assertEquals(traceOf(runWith("interleave.python.continuations", "false", program, settings)),
                traceOf(foreseen));
        PythonBridge bridge = foreseen.context().kept("bridge");
        assertTrue(bridge.continuedByPlan() > 0, "some slices went on without waiting for the engine");
    }

    /**
     * A loop that waits on time.time() (a CPU-bound thread timed by the clock) reads the virtual clock within the
     * engine's grant, where each point is one tick, instead of asking the engine at every iteration: the trace is
     * the one made with every reading asked for, whatever the policy and the slice length.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"RANDOM, 1", "RANDOM, 3", "RANDOM, 20", "RR, 2", "RR, 13"})
    void theClockIsReadWithinAGrantAsTheEngineWouldAnswer(interleave.engine.Policy policy, int quantum)
            throws Exception {
        RunSettings settings = RunSettings.DEFAULT.withPolicy(policy).withQuantum(quantum).withSeed(quantum * 5L);
        ScenarioRun local = run("busy_clock.py", settings);
        assertEquals(List.of(), local.kernel().outcomeNow().errors());
        ScenarioRun asked = runWith("interleave.python.localClock", "false", "busy_clock.py", settings);
        assertEquals(traceOf(asked), traceOf(local));
        PythonBridge withClock = local.context().kept("bridge");
        PythonBridge askingEachTime = asked.context().kept("bridge");
        assertTrue(withClock.clockAsked() * 5 < askingEachTime.clockAsked(),
                withClock.clockAsked() + " readings asked for, against " + askingEachTime.clockAsked());
    }

    /**
     * With the tutorial's lock contended: a thread about to block on the lock hands the core to its holder
     * together with the continuation the holder goes on under (foreseen with the plan, checked by the engine when
     * the holder gets the core), so the holder goes on without a plan from the engine; and a thread that lets the
     * lock go tells its waiter to take it and go on, while the engine, handing that waiter the core, takes the lock
     * for it and sends the plan for its slice's end at once, without waking the waiter's worker first. The trace is
     * the one made with every such step decided as it comes.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(longs = {5, 11})
    void aContendedLockChangesHandsWithoutWaitingForTheEngine(long seed) throws Exception {
        RunSettings settings = RunSettings.DEFAULT.withSeed(seed);
        ScenarioRun r = run("balance_lock.py", settings);
        assertEquals(List.of(), r.kernel().outcomeNow().errors());
        PythonBridge bridge = r.context().kept("bridge");
        assertTrue(bridge.handedWithAContinuation() >= 10, bridge.handedWithAContinuation() + " hand-offs");
        assertTrue(bridge.takenForWaiters() >= 10, bridge.takenForWaiters() + " locks taken for their waiters");
        assertEquals(traceOf(runWith("interleave.python.continuations", "false", "balance_lock.py", settings)),
                traceOf(r));
    }

    /**
     * A Python 2 program runs converted: a thread's traceback shows the converted line that ran (its marks under
     * the call that failed, where this Python marks them), not the file's Python 2 line with marks meant for
     * another, and it ends on that line, not in the old_div the conversion defines on line 1.
     */
    @Test
    void aConvertedProgramsTracebackShowsTheLinesThatRan() throws Exception {
        ScenarioRun r = run("py2_divides_by_zero.py", 0);
        @SuppressWarnings("unchecked")
        List<String> stderr = (List<String>) r.result().get("stderr");
        String shown = String.join("\n", stderr);
        assertTrue(stderr.contains("    print('share', old_div(10, x))"), shown);
        assertTrue(stderr.stream().noneMatch(l -> l.contains("<lambda>") || l.contains("print 'share'")), shown);
        assertEquals("ZeroDivisionError: integer division or modulo by zero", stderr.get(stderr.size() - 1), shown);
        List<String> frames = stderr.stream().filter(l -> l.startsWith("  File ")).toList();
        assertTrue(frames.get(frames.size() - 1).endsWith("py2_divides_by_zero.py\", line 5, in share"), shown);
    }

    /**
     * A teacher pauses and steps a run whose threads go on without waiting at their slices' ends: the pause holds,
     * the steps apply (a step is taken at a worker's gate, not always at a recorded point), and the run then goes
     * on to CPython's end with no error.
     */
    @Test
    void pauseAndStepApplyWhileThreadsGoOnAtTheirSlicesEnds() throws Exception {
        RunControl control = new RunControl(true, false);
        ScenarioRun r = pausedAfter(800, "balance_lock.py", RunSettings.DEFAULT, control);
        Trace t = r.trace();
        long paused = t.pointCount();
        Thread.sleep(200);
        assertEquals(paused, t.pointCount(), "a paused run records nothing more");
        for (int i = 0; i < 5; i++) {
            control.step();
        }
        long deadline = System.currentTimeMillis() + 5_000;
        while (control.pendingSteps() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(0, control.pendingSteps(), "every step was taken");
        long stepped = t.pointCount() - paused;
        assertTrue(stepped >= 1 && stepped <= 5, stepped + " points for five steps");
        resumedToTheEnd(r, control);
        assertEquals(List.of("0"), r.result().get("output"));
    }

    /** A run with a teacher present, paused once it has recorded {@code points} points (and a little). */
    private static ScenarioRun pausedAfter(int points, String program, RunSettings settings, RunControl control)
            throws Exception {
        ScenarioRun r = ScenarioRun.start(PythonProgram.load(program(program), null), Map.of(), settings, control);
        long deadline = System.currentTimeMillis() + 20_000;
        while (r.trace().pointCount() < points && System.currentTimeMillis() < deadline) {
            Thread.sleep(1);
        }
        control.pause();
        Thread.sleep(300);
        return r;
    }

    /** Resumed, the run goes on to its end with no error, and every worker ends. */
    private static void resumedToTheEnd(ScenarioRun r, RunControl control) throws Exception {
        control.resume();
        RunOutcome o = r.kernel().awaitOutcome(30_000);
        assertEquals(RunOutcome.Status.FINISHED, o.status(), String.valueOf(o.errors()));
        assertTrue(o.errors().isEmpty(), String.valueOf(o.errors()));
        assertTrue(r.kernel().awaitTermination(10_000), "every worker ended");
    }

    /**
     * A teacher present: a pick made while the run is paused applies within the short plan the Python threads
     * have already gone through (two slices), and the run then goes on to CPython's end with no error.
     */
    @Test
    void aPickMadeWhilePausedAppliesWithinAShortPlan() throws Exception {
        RunControl control = new RunControl(true, false);
        RunSettings settings = RunSettings.DEFAULT.withPolicy(interleave.engine.Policy.RR).withQuantum(5);
        ScenarioRun r = pausedAfter(300, "balance.py", settings, control);
        Trace t = r.trace();
        long pausedAt = t.size();
        for (int i = 0; i < 40 && !manualSwitchAfter(t, pausedAt); i++) {
            // the one that is not running (Thread-1 and Thread-2 race; MainThread (0) waits to join); a pick of the
            // thread that got the core meanwhile at its slice's end has nothing to do
            control.pick(t.thread(t.size() - 1) == 1 ? 2 : 1);
            control.step();
            Thread.sleep(30);
        }
        assertTrue(manualSwitchAfter(t, pausedAt), "the pick applied within two slices of 5 points and a little");
        resumedToTheEnd(r, control);
    }

    /**
     * Picks made while paused land at points the Python side has not gone through yet: every write the trace
     * records is its thread's last read plus or minus its own n (a pick at a grant's end once switched threads
     * before a point the Python side had already made, and the trace showed writes no read explains).
     */
    @Test
    void picksWhilePausedKeepEveryWriteExplainedByItsRead() throws Exception {
        Path race = Files.createTempFile("race", ".py");
        Files.writeString(race, String.join("\n", "import threading", "", "x = 0", "", "",
                "def work(n):", "    global x", "    for i in range(400):", "        x = x + n", "        x = x - n",
                "", "", "t1 = threading.Thread(target=work, args=(1,))",
                "t2 = threading.Thread(target=work, args=(1000,))", "t1.start()", "t2.start()", "t1.join()",
                "t2.join()", "print(x)", ""));
        race.toFile().deleteOnExit();
        RunControl control = new RunControl(true, false);
        ScenarioRun r = ScenarioRun.start(PythonProgram.load(race, null), Map.of(),
                RunSettings.DEFAULT.withPolicy(interleave.engine.Policy.RR).withQuantum(5), control);
        Trace t = r.trace();
        java.util.Random random = new java.util.Random(1);
        for (int round = 0; round < 10 && r.kernel().outcomeNow() == null; round++) {
            long target = t.pointCount() + 50 + random.nextInt(50);
            long deadline = System.currentTimeMillis() + 5_000;
            while (t.pointCount() < target && System.currentTimeMillis() < deadline
                    && r.kernel().outcomeNow() == null) {
                Thread.sleep(1);
            }
            control.pause();
            Thread.sleep(50);
            long pausedAt = t.size();
            for (int i = 0; i < 20 && !manualSwitchAfter(t, pausedAt); i++) { // until a pick lands (a pick of the
                control.pick(t.thread(t.size() - 1) == 1 ? 2 : 1); // thread that got the core meanwhile does not)
                control.step();
                Thread.sleep(20);
            }
            control.resume();
        }
        RunOutcome o = r.kernel().awaitOutcome(60_000);
        assertEquals(RunOutcome.Status.FINISHED, o.status(), String.valueOf(o.errors()));
        assertTrue(r.kernel().awaitTermination(10_000), "every worker ended");
        Map<Integer, Integer> lastRead = new java.util.HashMap<>();
        int manual = 0;
        for (long i = 0; i < t.size(); i++) {
            int thread = t.thread(i);
            if (t.kind(i) == interleave.trace.EventKind.SWITCH
                    && t.value(i) == interleave.trace.SwitchReason.MANUAL.ordinal()) {
                manual++;
            } else if (t.kind(i) == interleave.trace.EventKind.READ) {
                lastRead.put(thread, t.value(i));
            } else if (t.kind(i) == interleave.trace.EventKind.WRITE && (thread == 1 || thread == 2)) {
                int n = thread == 1 ? 1 : 1000;
                int read = lastRead.get(thread);
                assertTrue(t.value(i) == read + n || t.value(i) == read - n,
                        "event " + i + ": thread " + thread + " read " + read + " but wrote " + t.value(i));
            }
        }
        assertTrue(manual > 0, "picks applied (one that names the thread that got the core meanwhile has nothing to do): "
                + manual);
    }

    private static boolean manualSwitchAfter(Trace t, long from) {
        for (long i = from; i < t.size(); i++) {
            if (t.kind(i) == interleave.trace.EventKind.SWITCH
                    && t.value(i) == interleave.trace.SwitchReason.MANUAL.ordinal()) {
                return true;
            }
        }
        return false;
    }

    /**
     * An interpreter that has not imported importlib.util before the program (a system python3, without the .pth
     * files of site-packages that import it; here: python3 -S) runs the program too. The runtime's lazy socket
     * finder once imported inside find_spec, which asked the finder again until RecursionError, on every program.
     */
    @Test
    void anInterpreterWithoutSitePackagesRunsTheProgram() throws Exception {
        Path wrapper = Files.createTempFile("python-without-site", ".sh");
        Files.writeString(wrapper, "#!/bin/sh\nexec " + PythonProgram.findPython() + " -S \"$@\"\n");
        assertTrue(wrapper.toFile().setExecutable(true));
        wrapper.toFile().deleteOnExit();
        ScenarioRun r = ScenarioRun.runToEnd(PythonProgram.load(program("locks.py"), wrapper.toString()), Map.of(),
                RunSettings.DEFAULT.withSeed(1));
        assertTrue(r.kernel().awaitTermination(10_000), "every worker ended");
        assertEquals(List.of(), r.kernel().outcomeNow().errors());
        assertEquals(List.of("0 90"), r.result().get("output"));
    }

    /**
     * A lock given back while others wait is free for a moment with waiters still queued: a plan must not let its
     * threads take it without asking (giving it back again wakes the next waiter, and the slices the plan foresaw
     * would be wrong: the run once stopped, or hung, there). The traces are the ones made without plans.
     */
    @Test
    void aFreeLockWithWaitersIsTheEnginesToHandOver() throws Exception {
        for (long seed = 1; seed <= 6; seed++) {
            RunSettings settings = RunSettings.DEFAULT.withSeed(seed);
            ScenarioRun planned = run("contended_lock.py", settings);
            assertEquals(List.of(), planned.kernel().outcomeNow().errors(), "seed " + seed);
            assertEquals(List.of("0"), planned.result().get("output"), "seed " + seed);
            assertEquals(traceOf(runWith("interleave.python.plans", "false", "contended_lock.py", settings)),
                    traceOf(planned), "seed " + seed);
        }
    }

    /** With the lock off nearly every switch of the balance race is one Python thread handing on to the next. */
    @Test
    void theRaceSwitchesWithoutTheEngineInBetween() throws Exception {
        ScenarioRun r = run("balance.py", 1);
        TraceAnalyzer a = new TraceAnalyzer(r.trace());
        a.update();
        PythonBridge bridge = r.context().kept("bridge");
        int switches = a.switches().size();
        assertTrue(bridge.handedOnByPlan() > switches * 3 / 4,
                bridge.handedOnByPlan() + " of " + switches + " switches handed on by a plan");
    }

    /**
     * Within a grant a thread takes a free Lock or RLock and gives back one it holds without asking: the updates
     * under them are never lost, and the result is CPython's whatever the seed.
     */
    @Test
    void locksTakenWithinAGrantKeepEveryUpdate() throws Exception {
        for (long seed = 0; seed < 2; seed++) {
            ScenarioRun r = run("locks.py", seed);
            assertEquals(List.of("0 90"), r.result().get("output"), "seed " + seed);
            TraceAnalyzer a = new TraceAnalyzer(r.trace());
            a.update();
            assertEquals(0, a.lostUpdates().size(), "seed " + seed);
        }
    }

    /** self.total += n, d[k] += 1 and a[i] = a[i] + 1 are each a read and a separate write, named as written. */
    @Test
    void attributesAndItemsAreSharedVariablesToo() throws Exception {
        int lost = 0;
        for (long seed = 0; seed < 3; seed++) {
            ScenarioRun r = run("attributes.py", seed);
            Map<String, Object> result = r.result();
            assertEquals(List.of(result.get("account.total") + " " + result.get("counts['apples']") + " ["
                    + result.get("hits[0]") + ", " + result.get("hits[1]") + "]"), result.get("output"),
                    "the program printed the engine's values");
            TraceAnalyzer a = new TraceAnalyzer(r.trace());
            a.update();
            lost += a.lostUpdates().size();
        }
        assertTrue(lost > 0, "two threads updating an attribute and items lose updates");
        // with one thread at a time (quantum larger than the run) nothing is lost: CPython's own answer
        ScenarioRun alone = ScenarioRun.runToEnd(PythonProgram.load(program("attributes.py"), null), Map.of(),
                new RunSettings(interleave.engine.Mode.COOPERATIVE, 1, 20, interleave.engine.Policy.RR, 0));
        assertTrue(alone.kernel().awaitTermination(10_000));
        assertEquals(List.of("600 400 [200, 200]"), alone.result().get("output"));
    }

    /**
     * greenlet and gevent as their documentation says they behave (neither package is installed here: the runtime's
     * modules run the program, each greenlet a thread of the engine); the same lines in every mode.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"SIM, 0", "SIM, 4", "COOPERATIVE, 0", "OS, 0"})
    void greenletsAndGeventFollowTheirDocumentedRules(interleave.engine.Mode mode, long seed) throws Exception {
        ScenarioRun r = run("coroutines.py", new RunSettings(mode, 1, 20, interleave.engine.Policy.RANDOM, seed));
        assertEquals(List.of("first switch returns 3", "second switch returns 70", "dead True",
                "a dead greenlet's switch goes to its parent: True", "the parent gets ValueError inside",
                "woke 1", "woke 2", "woke 3", "values [9, 1, 4] after 0.3 s", "ready True successful True",
                "woke 0", "get 0"), r.result().get("output"));
    }

    /** The corners: throw into a greenlet not started and into a running one, Greenlet.start(), one deadline for
     * joinall's timeout, wait() with no arguments. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"SIM, 0", "SIM, 2", "COOPERATIVE, 0"})
    void greenletAndGeventCornersFollowTheirDocumentedRules(interleave.engine.Mode mode, long seed) throws Exception {
        ScenarioRun r = run("coroutine_edges.py", new RunSettings(mode, 1, 20, interleave.engine.Policy.RANDOM, seed));
        assertEquals(List.of("throw on one not started: GreenletExit True", "throw into a running one: caught 'k'",
                "started by start()", "value 42", "joinall timeout: 0 done after 1.0 s", "wait() runs the rest",
                "all waited for"), r.result().get("output"));
    }

    /** An exception in a gevent greenlet is reported as a thread's is (its error, its traceback); the rest goes on. */
    @Test
    void aFailingGreenletIsReportedAndTheOthersGoOn() throws Exception {
        Path file = Files.createTempDirectory("programs").resolve("fails.py");
        Files.writeString(file, """
                import gevent
                def bad():
                    raise ValueError("in a greenlet")
                g = gevent.spawn(bad)
                gevent.joinall([g])
                print("after", type(g.exception).__name__, g.successful())
                """);
        ScenarioRun r = ScenarioRun.runToEnd(PythonProgram.load(file, null), Map.of(), RunSettings.DEFAULT);
        assertTrue(r.kernel().awaitTermination(10_000));
        assertEquals(List.of("after ValueError False"), r.result().get("output"));
        assertTrue(r.kernel().errors().toString().contains("ValueError: in a greenlet"), r.kernel().errors()
                .toString());
    }

    /**
     * socketserver's ThreadingTCPServer on real sockets, serve_forever in a thread and shutdown() from the main
     * one: each client gets its answers in every mode (CPython's own threads and sockets in os mode). Not compared
     * with CPython's output directly: CPython's threads write a line and its newline apart, so lines run together.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"SIM, 0", "SIM, 3", "COOPERATIVE, 0", "OS, 0"})
    void aSocketServerAndItsClientsTalkInEveryMode(interleave.engine.Mode mode, long seed) throws Exception {
        // eight clients, more than socketserver's listen queue of 5: none waits unseen inside connect()
        List<String> expected = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            expected.add("BYE " + i);
            expected.add("HELLO " + i);
        }
        expected.add("served 8 clients; still running: ['MainThread']");
        ScenarioRun r = runPrinting("echo_server.py", mode, seed, expected);
        if (mode != interleave.engine.Mode.OS) {
            List<String> lanes = r.trace().threads().stream().map(t -> t.name()).toList();
            // (CPython 3.8 and 3.9 name a thread "Thread-N" without its target)
            assertEquals(PythonVersions.namesThreadsAfterTargets() ? 8 : 0, lanes.stream()
                    .filter(n -> n.endsWith("(process_request_thread)")).count(), lanes.toString());
        }
    }

    /** select.select waits for whichever of the program's sockets is ready, as the scheduler's wait. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"SIM, 1", "COOPERATIVE, 0", "OS, 0"})
    void aSelectServerServesWhicheverClientIsReady(interleave.engine.Mode mode, long seed) throws Exception {
        runPrinting("select_server.py", mode, seed, List.of("HI 0", "HI 1", "HI 2", "served 3"));
    }

    /** Runs the program without an error, printing these lines in some order (the schedule decides it). */
    private static ScenarioRun runPrinting(String name, interleave.engine.Mode mode, long seed, List<String> lines)
            throws Exception {
        ScenarioRun r = run(name, new RunSettings(mode, 1, 20, interleave.engine.Policy.RANDOM, seed));
        @SuppressWarnings("unchecked")
        List<String> output = (List<String>) r.result().get("output");
        assertEquals(lines.stream().sorted().toList(), output.stream().sorted().toList());
        assertEquals(List.of(), r.outcome().errors());
        return r;
    }

    /** ForkingTCPServer: each connection in a child process, counting on its own copy, as CPython's fork does. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"SIM, 0", "SIM, 2", "COOPERATIVE, 0"})
    void aForkingServerHandlesEachClientInAProcessOfItsOwn(interleave.engine.Mode mode, long seed) throws Exception {
        ScenarioRun r = runPrinting("forking_server.py", mode, seed, List.of("hello 0 from a child, hits 1",
                "hello 1 from a child, hits 1", "hello 2 from a child, hits 1", "parent hits 0"));
        List<String> lanes = r.trace().threads().stream().map(t -> t.name()).toList();
        assertTrue(lanes.containsAll(List.of("Process-1", "Process-2", "Process-3")), lanes.toString());
    }

    /** What is not modelled (a Pipe, here) is one error at its line, naming what does run. */
    @Test
    void whatIsNotModelledSaysSoAtItsLine() throws Exception {
        Path file = Files.createTempDirectory("programs").resolve("pipe.py");
        Files.writeString(file, """
                import multiprocessing
                import time
                time.sleep(0.1)
                a, b = multiprocessing.Pipe()
                """);
        ScenarioRun r = ScenarioRun.runToEnd(PythonProgram.load(file, null), Map.of(), RunSettings.DEFAULT);
        assertTrue(r.kernel().awaitTermination(10_000));
        String errors = r.kernel().errors().toString();
        assertTrue(errors.contains("NotImplementedError: multiprocessing.Pipe is not modelled")
                && errors.contains("Pool"), errors);
        String traceback = String.valueOf(r.result().get("stderr"));
        assertTrue(traceback.contains("line 4"), "the traceback names the line of the call: " + traceback);
    }

    /** The parts of asyncio that are not modelled say so, naming what runs (an AttributeError too, for hasattr). */
    @Test
    void asyncioSaysWhatOfItIsNotModelled() throws Exception {
        Path file = Files.createTempDirectory("programs").resolve("aqueue.py");
        Files.writeString(file, """
                import asyncio
                print(hasattr(asyncio, "Queue"), getattr(asyncio, "Queue", None))
                async def main():
                    return asyncio.Queue()
                asyncio.run(main())
                """);
        ScenarioRun r = ScenarioRun.runToEnd(PythonProgram.load(file, null), Map.of(), RunSettings.DEFAULT);
        assertTrue(r.kernel().awaitTermination(10_000));
        assertEquals(List.of("False None"), r.result().get("output"), "hasattr and getattr answer as for any name");
        String errors = r.kernel().errors().toString();
        assertTrue(errors.contains("NotImplementedError: asyncio.Queue is not modelled by Interleave")
                && errors.contains("create_task, ") && errors.contains("gather"), errors);
    }

    /** Two accounts, each with its own self.lock: the views tell the two locks apart ("lock", "lock-2"). */
    @Test
    void twoObjectsNamedAlikeGetNamesOfTheirOwn() throws Exception {
        Path file = Files.createTempDirectory("programs").resolve("two_accounts.py");
        Files.writeString(file, """
                import threading
                class Account:
                    def __init__(self):
                        self.lock = threading.Lock()
                safe = Account()
                unsafe = Account()
                with safe.lock:
                    pass
                """);
        ScenarioRun r = ScenarioRun.runToEnd(PythonProgram.load(file, null), Map.of(), RunSettings.DEFAULT);
        assertTrue(r.kernel().awaitTermination(10_000));
        List<String> locks = r.trace().objects().stream()
                .filter(o -> o.type() == interleave.trace.ObjectType.LOCK).map(o -> o.name()).toList();
        assertEquals(List.of("lock", "lock-2"), locks);
    }

    /**
     * Each object is named as the program names it, wherever it is made on a line: two statements on one line, a
     * tuple of locks, a list's items by their index (the dining philosophers' forks[0] ... forks[4]), an append, a
     * Condition's lock made in its call ("cond (lock)", as the Condition demo names it).
     * The columns of the calls are CPython 3.11's; before that the names come from the line's text.
     */
    @Test
    void objectsAreNamedAsTheProgramNamesThem() throws Exception {
        Assumptions.assumeTrue(PythonVersions.hasColumns(), "python3 before 3.11 has no columns: names by line only");
        Path file = Files.createTempDirectory("programs").resolve("names.py");
        Files.writeString(file, """
                import threading
                a = threading.Lock(); b = threading.RLock()
                fork1, fork2 = threading.Lock(), threading.Semaphore(2)
                forks = [threading.Lock() for _ in range(3)]
                gates = []
                for _ in range(2):
                    gates.append(threading.Event())
                class Account:
                    def __init__(self):
                        self._guard = threading.Lock()
                Account()
                first = second = threading.Lock()
                locks = {}
                locks["bob"] = threading.Lock()
                def table(n):
                    seats = [threading.Lock() for _ in range(n)]
                    return seats
                table(2); table(1)
                cond = threading.Condition(threading.Lock())
                ready = threading.Condition(lock=threading.RLock())
                """);
        ScenarioRun r = ScenarioRun.runToEnd(PythonProgram.load(file, null), Map.of(), RunSettings.DEFAULT);
        assertTrue(r.kernel().awaitTermination(10_000));
        assertEquals(List.of("a", "b", "fork1", "fork2", "forks[0]", "forks[1]", "forks[2]", "gates[0]", "gates[1]",
                "guard", "first", "locks['bob']", "seats[0]", "seats[1]", "seats[0]-2", "cond (lock)", "cond",
                "ready (lock)", "ready"),
                r.trace().objects().stream().map(o -> o.name()).toList());
    }

    /**
     * A module of the program's own (a file beside it that it imports) runs instrumented as the program does: a race
     * on its global loses updates for every seed, on a shared value named after the module (bank.balance).
     */
    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2})
    void aRaceInTheProgramsOwnModuleLosesUpdates(long seed) throws Exception {
        Path folder = Files.createTempDirectory("split");
        Files.copy(program("split/bank.py"), folder.resolve("bank.py"));
        Path main = folder.resolve("race.py");
        Files.writeString(main, """
                import threading
                import bank
                threads = [threading.Thread(target=bank.deposit_unsafe, args=(1, 200)) for _ in range(2)]
                for t in threads:
                    t.start()
                for t in threads:
                    t.join()
                print(bank.balance < 400)
                """);
        ScenarioRun r = assertLosesUpdatesOn(main, seed, "bank.balance");
        assertTrue(r.trace().objects().stream().anyMatch(o -> o.name().equals("bank.lock")),
                "the module's own lock is named after it");
    }

    /** Runs the program {@code main}, which prints True if updates were lost: they were, on {@code variable} only. */
    private static ScenarioRun assertLosesUpdatesOn(Path main, long seed, String variable) throws Exception {
        ScenarioRun r = ScenarioRun.runToEnd(PythonProgram.load(main, null), Map.of(),
                RunSettings.DEFAULT.withSeed(seed));
        assertTrue(r.kernel().awaitTermination(10_000));
        assertEquals(List.of("True"), r.result().get("output"));
        TraceAnalyzer a = new TraceAnalyzer(r.trace());
        a.update();
        assertFalse(a.lostUpdates().isEmpty(), "seed " + seed);
        assertTrue(a.lostUpdates().stream()
                .allMatch(u -> r.trace().object(u.variable()).name().equals(variable)));
        return r;
    }

    /**
     * A module's global written by the program's threads through the module (shared.balance += 1) is the module's
     * shared value: the race loses updates for every seed, on shared.balance.
     */
    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2})
    void aModulesGlobalUpdatedThroughTheModuleRaces(long seed) throws Exception {
        Path folder = Files.createTempDirectory("split");
        Files.writeString(folder.resolve("shared.py"), "balance = 0\n");
        Path main = folder.resolve("race.py");
        Files.writeString(main, """
                import threading, shared
                def add():
                    for _ in range(200):
                        shared.balance += 1
                threads = [threading.Thread(target=add) for _ in range(2)]
                for t in threads:
                    t.start()
                for t in threads:
                    t.join()
                print(shared.balance < 400)
                """);
        assertLosesUpdatesOn(main, seed, "shared.balance");
    }

    /** A saved run records the program it ran: opened later it shows that code, and reruns only that code. */
    @Test
    void aSavedRunKeepsItsProgramAndRerunsOnlyThatProgram() throws Exception {
        Path file = Files.createTempDirectory("saved").resolve("race.py");
        Files.writeString(file, Files.readString(program("balance.py")));
        PythonProgram p = PythonProgram.load(file, null);
        Path saved = file.resolveSibling("race.trace");
        TraceFiles.write(ScenarioRun.runToEnd(p, Map.of(), RunSettings.DEFAULT).trace(), saved);
        interleave.trace.Trace loaded = TraceFiles.load(saved).trace();
        assertEquals(file.toString(), loaded.programFile());
        assertEquals(p.python(), loaded.programSource());
        RecordedProgram recorded = new RecordedProgram(loaded.programFile(), loaded.programSource());
        assertEquals(p.python(), recorded.python(), "the code view shows the code that ran");
        ScenarioRun again = ScenarioRun.runToEnd(recorded, Map.of(), RunSettings.DEFAULT);
        assertEquals(List.of(), again.kernel().errors());
        assertEquals(run("balance.py", 0).result().get("output"), again.result().get("output"));
        Files.writeString(file, Files.readString(file).replace("balance = 0", "balance = 1"));
        ScenarioRun changed = ScenarioRun.runToEnd(recorded, Map.of(), RunSettings.DEFAULT);
        assertTrue(changed.kernel().errors().toString().contains("has changed since this run was saved"),
                changed.kernel().errors().toString());
    }

    /** A thread blocked where the scheduler cannot see (a pipe nobody writes to) ends the run, naming its line. */
    @Test
    void aCallTheRuntimeDoesNotModelEndsTheRunNamingItsLine() throws Exception {
        String errors = errorsWithAStallLimitOf2s("blocked.py", RunSettings.DEFAULT);
        assertTrue(errors.contains(PythonVersions.threadNamed("Thread-1", "wait")
                + " has not come back to the scheduler for 2 s, at line 9")
                && errors.contains("does not model"), errors);
    }

    /**
     * The error of a run of {@code program} whose stall watchdog acts after 2 s, once every worker has ended: the run
     * is stopped, and only the thread the watchdog names has an error (the others are cut off, not to blame).
     */
    private static String errorsWithAStallLimitOf2s(String program, RunSettings settings) throws Exception {
        System.setProperty("interleave.python.stallSeconds", "2");
        try {
            ScenarioRun r = ScenarioRun.runToEnd(PythonProgram.load(program(program), null), Map.of(), settings);
            assertTrue(r.kernel().awaitTermination(10_000));
            assertEquals(RunOutcome.Status.STOPPED, r.kernel().outcomeNow().status());
            assertEquals(1, r.kernel().errors().size(), r.kernel().errors().toString());
            return r.kernel().errors().toString();
        } finally {
            System.clearProperty("interleave.python.stallSeconds");
        }
    }

    /**
     * A loop that waits for another thread without giving up the CPU, reading a flag (spin_wait) or asking the
     * scheduler something all the time (spin_on_locked: lock.locked()): sim mode switches it out and the program
     * ends as in CPython; cooperative mode never does (as gevent), and the run ends saying so, naming the thread
     * and the loop's line, instead of looping for ever.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"spin_wait.py, payload, 19", "spin_on_locked.py, done, 17"})
    void aLoopThatNeverYieldsEndsACooperativeRunSayingWhy(String program, String printed, int line)
            throws Exception {
        assertEquals(List.of(printed), run(program, RunSettings.DEFAULT).result().get("output"));
        String errors = errorsWithAStallLimitOf2s(program,
                RunSettings.DEFAULT.withMode(interleave.engine.Mode.COOPERATIVE));
        assertTrue(errors.contains("MainThread has kept the CPU for 2 s while other threads were ready to run, at "
                + "line " + line) && errors.contains("in cooperative mode a thread keeps the CPU"), errors);
    }

    /**
     * os._exit() ends the process at once, as in CPython: what was printed stays, the run is finished with no
     * error, and the threads still waiting are cut off where they are (in every mode).
     */
    @Test
    void osExitEndsTheProgramAndItsThreadsAtOnce() throws Exception {
        Path file = Files.createTempDirectory("programs").resolve("exits.py");
        Files.writeString(file, """
                import os, threading
                never = threading.Event()
                t = threading.Thread(target=never.wait, name="waiter")
                t.start()
                print("bye", flush=True)
                os._exit(0)
                print("not printed")
                """);
        for (RunSettings settings : List.of(RunSettings.DEFAULT,
                RunSettings.DEFAULT.withMode(interleave.engine.Mode.COOPERATIVE),
                RunSettings.DEFAULT.withMode(interleave.engine.Mode.OS))) {
            ScenarioRun r = ScenarioRun.runToEnd(PythonProgram.load(file, null), Map.of(), settings);
            assertTrue(r.kernel().awaitTermination(10_000));
            assertEquals(RunOutcome.Status.FINISHED, r.kernel().outcomeNow().status(), settings.toString());
            assertEquals(List.of(), r.kernel().errors(), settings.toString());
            assertEquals(List.of("bye"), r.result().get("output"), settings.toString());
            int killed = 0;
            for (long i = 0; i < r.trace().size(); i++) {
                if (r.trace().kind(i) == EventKind.THREAD_KILLED) {
                    assertEquals("waiter", r.trace().thread(r.trace().thread(i)).name());
                    killed++;
                }
            }
            assertEquals(1, killed, "the waiting thread is cut off: " + settings);
        }
    }

    /**
     * The wall clock: the virtual one in sim and cooperative mode (from 0, the epoch: the same seed prints the same
     * times), the real one in os mode, today's date included, as CPython's; elapsed times count alike in both.
     */
    @Test
    void theWallClockIsVirtualInSimAndRealInOsMode() throws Exception {
        Path file = Files.createTempDirectory("programs").resolve("clock.py");
        Files.writeString(file, """
                import datetime, time
                start = time.time()
                time.sleep(0.2)
                print(time.time() > 1e9, datetime.datetime.now().year >= 2024, time.localtime().tm_year >= 2024)
                print(0.19 < time.time() - start < 10)
                """);
        ScenarioRun sim = ScenarioRun.runToEnd(PythonProgram.load(file, null), Map.of(), RunSettings.DEFAULT);
        assertEquals(List.of("False False False", "True"), sim.result().get("output"));
        ScenarioRun os = ScenarioRun.runToEnd(PythonProgram.load(file, null), Map.of(),
                RunSettings.DEFAULT.withMode(interleave.engine.Mode.OS));
        assertEquals(List.of("True True True", "True"), os.result().get("output"));
    }

    /** A socket's recv is the scheduler's wait: with nobody in the program to send, the run is stuck, at once. */
    @Test
    void aSocketNobodyWritesToLeavesTheRunStuckNamingTheSocket() throws Exception {
        Path file = Files.createTempDirectory("programs").resolve("silent.py");
        Files.writeString(file, """
                import socket
                a, b = socket.socketpair()
                a.recv(1)
                """);
        ScenarioRun r = ScenarioRun.runToEnd(PythonProgram.load(file, null), Map.of(), RunSettings.DEFAULT);
        assertTrue(r.kernel().awaitTermination(10_000));
        RunOutcome outcome = r.kernel().outcomeNow();
        assertEquals(RunOutcome.Status.DEADLOCK, outcome.status());
        assertFalse(outcome.deadlock().cycle(), "stuck, not a cycle");
        int waitedOn = outcome.deadlock().resources().get(0);
        assertEquals("socketpair", r.trace().objects().stream().filter(o -> o.id() == waitedOn).findFirst()
                .orElseThrow().name(), "the thread waits for the socket");
    }

    @Test
    void eventsRLocksSleepAndCurrentThreadGoThroughTheEngine() throws Exception {
        ScenarioRun r = run("event_gate.py", 1);
        assertEquals(List.of("10 MainThread"), r.result().get("output"));
        assertEquals(10, r.result().get("passed"));
        assertTrue(r.kernel().seconds() >= 1.0, "time.sleep(1) is a virtual second: " + r.kernel().seconds());
    }

    @Test
    void aPythonExceptionEndsItsThreadAndTheOthersGoOn() throws Exception {
        ScenarioRun r = run("crash.py", 0);
        assertEquals(List.of(PythonVersions.threadNamed("Thread-1", "bad") + ": ZeroDivisionError: division by zero"),
                r.kernel().errors(), "CPython 3.10+ names a thread after its target");
        assertEquals(List.of("done 1"), r.result().get("output"));
        assertEquals(cpythonStderr("crash.py"), r.result().get("stderr"));
    }

    /**
     * An exception raised from another ("raise ... from e") or while handling one prints the whole chain, each
     * with its traceback and CPython's words between them, in every mode.
     */
    @Test
    void aChainOfExceptionsIsPrintedWhole() throws Exception {
        List<String> expected = cpythonStderr("chained.py");
        assertTrue(expected.contains("The above exception was the direct cause of the following exception:")
                && expected.contains("During handling of the above exception, another exception occurred:"), "" + expected);
        for (RunSettings settings : List.of(RunSettings.DEFAULT,
                RunSettings.DEFAULT.withMode(interleave.engine.Mode.COOPERATIVE),
                RunSettings.DEFAULT.withMode(interleave.engine.Mode.OS))) {
            ScenarioRun r = run("chained.py", settings);
            assertEquals(expected, r.result().get("stderr"), settings.toString());
            assertEquals(List.of("main goes on"), r.result().get("output"));
        }
    }

    /**
     * Uncaught exceptions print as this Python prints them, line for line and in order, in every mode: threading.py's
     * frames above the program's (multiprocessing's for a process, queue.py's where Empty or Full comes from),
     * 3.11's marks under the failing part of a line that our rewrite changed (a global, an item, an attribute),
     * "Did you mean", chains; a program's own threading.excepthook and sys.excepthook are called, a hook that fails
     * is reported as CPython reports it, and traceback.print_stack() in a thread shows CPython's frames.
     */
    @ParameterizedTest
    @ValueSource(strings = {"tracebacks.py", "excepthooks.py", "library_errors.py", "bad_arguments.py",
            "futures_errors.py"})
    void uncaughtExceptionsPrintAsThisPythonPrintsThem(String name) throws Exception {
        Process p = new ProcessBuilder(PythonProgram.findPython(), program(name).toString()).start();
        String printed = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        List<String> expected = withoutAddresses(cpythonStderr(name));
        p.waitFor();
        assertTrue(expected.size() > 5, "python3 printed tracebacks: " + expected);
        for (RunSettings settings : List.of(RunSettings.DEFAULT,
                RunSettings.DEFAULT.withMode(interleave.engine.Mode.COOPERATIVE),
                RunSettings.DEFAULT.withMode(interleave.engine.Mode.OS))) {
            ScenarioRun r = run(name, settings);
            @SuppressWarnings("unchecked")
            List<String> stderr = (List<String>) r.result().get("stderr");
            assertEquals(expected, withoutAddresses(stderr), settings.toString());
            assertEquals(printed.lines().toList(), r.result().get("output"), settings.toString());
        }
    }

    /** The lines with each object's address (a Future's repr: 0x7f...) made alike: CPython's differ run to run. */
    private static List<String> withoutAddresses(List<String> lines) {
        return lines.stream().map(l -> l.replaceAll("0x[0-9a-f]+", "0x…")).toList();
    }

    /** A queue that stores its items its own way cannot follow the engine's order: the run says so, naming them. */
    @Test
    void aQueueWithAStoreOfItsOwnIsNamedAsNotModelled() throws Exception {
        ScenarioRun r = run("queue_own_store.py", 0);
        assertEquals(1, r.kernel().errors().size(), "" + r.kernel().errors());
        String error = r.kernel().errors().get(0);
        assertTrue(error.contains("NotImplementedError: SetQueue's own _init, _put, _get are not modelled")
                && error.contains("overriding put or get works"), error);
    }

    /**
     * python3's stderr for the program, line for line: threading.py's own frames, 3.11's marks under the failing part
     * and "Did you mean" as this Python prints them.
     */
    private static List<String> cpythonStderr(String name) throws Exception {
        Process p = new ProcessBuilder(PythonProgram.findPython(), program(name).toString()).start();
        String cpython = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        p.waitFor();
        return cpython.lines().toList();
    }

    @Test
    void aSyntaxErrorIsOneLineNamingWhereAndNoRunStarts() throws Exception {
        Path bad = Files.createTempFile("bad", ".py");
        Files.writeString(bad, "import threading\n\nif True\n    pass\n");
        ProgramLoadException e = assertThrows(ProgramLoadException.class, () -> PythonProgram.load(bad, null));
        assertTrue(e.getMessage().contains("SyntaxError at line 3"), e.getMessage());
        assertEquals(3, e.line());
        // Python 2 that even lib2to3 cannot read: the line, the construct and its Python 3 form
        Files.writeString(bad, "import threading\nprint 'hello'\nx = (\n");
        e = assertThrows(ProgramLoadException.class, () -> PythonProgram.load(bad, null));
        assertTrue(e.getMessage().contains("line 2 is Python 2 (the print statement)")
                && e.getMessage().contains("write print(...)"), e.getMessage());
        assertEquals(2, e.line());
        // Python 2 that it can: it runs converted, and says so
        Files.writeString(bad, "import threading\nprint 'hello'\n");
        PythonProgram converted = PythonProgram.load(bad, null);
        assertTrue(converted.python().contains("print('hello')"), converted.python());
        assertTrue(converted.conversionNote(java.util.Locale.ENGLISH).contains("Python 2"));
        Files.delete(bad);
        assertThrows(IllegalArgumentException.class, () -> PythonProgram.load(Path.of("no/such/file.py"), null));
    }

    @Test
    void aRunawayProgramIsStoppedAndItsPythonProcessGoesWithIt() throws Exception {
        Path file = program("runaway.py");
        ScenarioRun r = ScenarioRun.start(PythonProgram.load(file, null), Map.of(), RunSettings.DEFAULT,
                interleave.engine.RunControl.headless());
        assertEquals(null, r.kernel().awaitOutcome(1500), "it does not end by itself");
        assertTrue(r.trace().pointCount() > 100, "it runs: " + r.trace().pointCount());
        r.stop();
        assertEquals(RunOutcome.Status.STOPPED, r.kernel().awaitOutcome().status());
        long deadline = System.currentTimeMillis() + 10_000;
        while (pythonRunning(file) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertFalse(pythonRunning(file), "no orphan Python process");
    }

    private static boolean pythonRunning(Path file) {
        return ProcessHandle.allProcesses().anyMatch(p -> p.isAlive()
                && p.info().commandLine().map(c -> c.contains("interleave_rt.py") && c.contains(file.toString()))
                .orElse(false));
    }

    /**
     * Where the output does not depend on the schedule, a program prints under the scheduler what it prints in
     * CPython itself (in any order: the lines of different threads may come in another order).
     */
    @Test
    void inputIsAnsweredFromTheRunsAnswersAndEofErrorWhenThereAreNoMore() throws Exception {
        PythonProgram p = PythonProgram.load(program("gate_input.py"), null, List.of("no", "true"));
        ScenarioRun r = ScenarioRun.runToEnd(p, Map.of(), RunSettings.DEFAULT);
        assertEquals(List.of("go? no", "go? true", "passed 10"), r.result().get("output"));
        ScenarioRun none = run("gate_input.py", 0);
        assertEquals("MainThread: EOFError: EOF when reading a line", none.kernel().errors().get(0));
        assertEquals(RunOutcome.Status.DEADLOCK, none.kernel().outcomeNow().status(),
                "as in CPython, the waiting threads wait for ever: the run says so instead of hanging");
    }

    /** sys.exit with a message: the message is the program's stderr, as CPython writes it, and the run ends well. */
    @Test
    void sysExitWithAMessageWritesItOnStderr() throws Exception {
        ScenarioRun r = run("clock_and_exit.py", RunSettings.DEFAULT);
        assertEquals(RunOutcome.Status.FINISHED, r.kernel().outcomeNow().status());
        assertEquals(List.of("done, with a message"), r.result().get("stderr"));
    }

    /** sys.stdin read by the program itself (readline, a for loop over it) gets the run's answers too. */
    @Test
    void theProgramsOwnStdinReadsTheRunsAnswers() throws Exception {
        PythonProgram p = PythonProgram.load(program("read_stdin.py"), null, List.of("hello", "1", "2", "3"));
        ScenarioRun r = ScenarioRun.runToEnd(p, Map.of(), RunSettings.DEFAULT);
        assertEquals(List.of("hello", "got 'hello\\n'", "1", "2", "3", "total 6"), r.result().get("output"));
    }

    /**
     * Where the result does not depend on the schedule, every mode gives CPython's output: sim (one seed, since
     * such a result cannot depend on it; the suite's time is counted), cooperative, and os, where CPython runs the
     * threads itself and the engine's primitives decide the calls.
     */
    @ParameterizedTest
    @ValueSource(strings = {"balance_lock.py", "event_gate.py", "queue_barrier_local.py", "crash.py", "locks.py",
            "barrier_action.py", "semaphores_conditions.py", "futures.py", "asyncio_tasks.py", "process_memory.py",
            "subprocesses.py",
            "fork_wait.py", "terminate.py", "nested_locks.py", "condition_timeout.py", "contended_with_sleeper.py",
            "new_values.py", "properties.py", "python_details.py", "queue_kinds.py", "scopes.py",
            "targets.py", "low_level_threads.py", "clock_and_exit.py", "udp_echo.py", "program_end.py", "annotations.py",
            "split/split_bank.py", "split/split_imports.py", "atexit_order.py", "classroom_idioms.py", "late_write.py",
            "loop_acquires.py", "manager_names.py"})
    void printsWhatCPythonPrintsInEveryMode(String name) throws Exception {
        Process p = CPythonReference.of(PythonProgram.findPython(), program(name)).start();
        String cpython = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        p.waitFor();
        List<RunSettings> modes = List.of(RunSettings.DEFAULT,
                RunSettings.DEFAULT.withMode(interleave.engine.Mode.COOPERATIVE),
                RunSettings.DEFAULT.withMode(interleave.engine.Mode.OS));
        for (RunSettings settings : modes) {
            @SuppressWarnings("unchecked")
            List<String> ours = (List<String>) run(name, settings).result().get("output");
            assertEquals(cpython.lines().sorted().toList(), ours.stream().sorted().toList(),
                    name + " " + settings.mode() + " seed " + settings.seed());
        }
    }

    /**
     * What the program writes to stderr (logging's messages with their thread's name, print to sys.stderr, writes
     * in pieces, a last line with no end) is the run's stderr, line for line what python3 writes there, in every
     * mode; stdout stays the output.
     */
    @Test
    void whatTheProgramWritesToStderrIsTheRunsStderrAsUnderCPython() throws Exception {
        List<String> stderr = stderrAsUnderCPythonInEveryMode("stderr_logging.py", "(worker-1 ) exiting 1");
        assertEquals("no line end", stderr.get(stderr.size() - 1), "the last write, kept though not ended");
    }

    /**
     * Python 2's camelCase names of threading work, and (as CPython 3.10 and newer does) each warns on stderr once a
     * line, with the line: the run's stderr is python3's, whatever python3 this is.
     */
    @Test
    void threadingsOldNamesWarnAsInCPython() throws Exception {
        stderrAsUnderCPythonInEveryMode("deprecated_names.py", "");
        if (PythonVersions.warnsOfThreadingsOldNames()) {
            assertTrue(String.valueOf(run("deprecated_names.py", 0).result().get("stderr"))
                    .contains("DeprecationWarning: setDaemon() is deprecated, set the daemon attribute instead"));
        }
    }

    /** {@code ours} as it is if python3's stderr ended with a line end, else ours without its unended last line. */
    private static List<String> endedLines(List<String> ours, String cpython) {
        return cpython.isEmpty() || cpython.endsWith("\n") ? ours : ours.subList(0, ours.size() - 1);
    }

    /** A line logging wrote: "(worker-1 ) ...", the name of the thread that logged it. */
    private static final java.util.regex.Pattern LOGGED_BY = java.util.regex.Pattern.compile("^\\((\\S+) *\\)");

    /**
     * The lines of the trace's stderr events, in order, each checked to be written by the thread its text names
     * where it names one (logging's "(worker-1 ) ...").
     */
    private static List<String> linesTracedAsStderr(Trace t) {
        List<String> lines = new java.util.ArrayList<>();
        for (long i = 0; i < t.size(); i++) {
            if (t.kind(i) == EventKind.STDERR) {
                String writer = t.thread(t.thread(i)).name();
                for (String line : t.string(t.value(i)).split("\n", -1)) {
                    java.util.regex.Matcher named = LOGGED_BY.matcher(line);
                    if (named.find()) {
                        assertEquals(named.group(1), writer, line);
                    }
                    lines.add(line);
                }
            }
        }
        return lines;
    }

    /** The program's stderr in sim, cooperative and os mode: python3's lines, in any order. */
    private static List<String> stderrAsUnderCPythonInEveryMode(String name, String mustHave) throws Exception {
        Process p = new ProcessBuilder(PythonProgram.findPython(), program(name).toString()).start();
        p.getInputStream().readAllBytes();
        String cpython = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        p.waitFor();
        assertTrue(cpython.contains(mustHave), cpython);
        List<String> stderr = List.of();
        for (RunSettings settings : List.of(RunSettings.DEFAULT,
                RunSettings.DEFAULT.withMode(interleave.engine.Mode.COOPERATIVE),
                RunSettings.DEFAULT.withMode(interleave.engine.Mode.OS))) {
            ScenarioRun r = run(name, settings);
            assertEquals(List.of(), r.kernel().outcomeNow().errors());
            @SuppressWarnings("unchecked")
            List<String> ours = (List<String>) r.result().getOrDefault("stderr", List.of());
            assertEquals(cpython.lines().sorted().toList(), ours.stream().sorted().toList(), settings.toString());
            assertEquals(endedLines(ours, cpython), linesTracedAsStderr(r.trace()),
                    "the trace has each ended line, in order: " + settings);
            stderr = ours;
        }
        return stderr;
    }

    /**
     * os mode: CPython switches the threads itself (this program asks it to every microsecond), and the engine
     * records each read and write in the order they happened: the balance it ends with is the one CPython printed,
     * updates lost or not.
     */
    @Test
    void osModeRecordsTheReadsAndWritesInTheOrderCPythonDidThem() throws Exception {
        for (int i = 0; i < 2; i++) {
            ScenarioRun r = run("os_race.py", RunSettings.DEFAULT.withMode(interleave.engine.Mode.OS));
            assertEquals(RunOutcome.Status.FINISHED, r.kernel().outcomeNow().status());
            assertEquals("os", r.trace().header().mode());
            assertEquals(List.of(r.result().get("balance") + " " + r.result().get("account.balance")),
                    r.result().get("output"), "the engine ends with the values CPython printed");
            // each lost update lost what the overwritten write had added since the stale read: together, all
            // that is missing from 3,003,000 (a read recorded out of order would break the sum)
            TraceAnalyzer a = new TraceAnalyzer(r.trace());
            a.update();
            for (String variable : List.of("balance", "account.balance")) {
                long lost = a.lostUpdates().stream()
                        .filter(u -> r.trace().object(u.variable()).name().equals(variable))
                        .mapToLong(u -> (long) u.lostValue() - u.readValue()).sum();
                assertEquals(3_003_000L - ((Number) r.result().get(variable)).longValue(), lost, variable);
            }
        }
    }

    /**
     * os mode: threads that meet new shared values (an attribute, a dict's key) while others run never wait for the
     * engine while holding the runtime's own lock, so no point stays away until the engine's patience runs out and
     * none is recorded out of order; the program prints what CPython prints.
     */
    @Test
    void osModeMakesNewSharedValuesWithoutWaiting() throws Exception {
        ScenarioRun r = run("new_values.py", RunSettings.DEFAULT.withMode(interleave.engine.Mode.OS));
        assertEquals(RunOutcome.Status.FINISHED, r.kernel().outcomeNow().status());
        assertEquals(List.of("600 89700"), r.result().get("output"));
        PythonBridge bridge = r.context().kept("bridge");
        assertEquals(0, bridge.pointsRecordedLate(), "points recorded out of order");
    }

    /**
     * Killing the JVM while a run is paused (the app closed by force, its terminal closed: every Python thread is
     * waiting for an answer then) never leaves the Python process behind.
     */
    @Test
    void aKilledJvmLeavesNoPythonProcess() throws Exception {
        Path file = program("runaway.py");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process jvm = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                PausedProgramMain.class.getName(), file.toString()).redirectErrorStream(true).start();
        long deadline = System.currentTimeMillis() + 30_000;
        while (!pythonRunning(file) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(pythonRunning(file), "the program started");
        jvm.destroyForcibly().waitFor();
        deadline = System.currentTimeMillis() + 10_000;
        while (pythonRunning(file) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertFalse(pythonRunning(file), "no orphan Python process after the JVM was killed");
    }
}
