package interleave.program;

import interleave.engine.RunOutcome;
import interleave.engine.RunSettings;
import interleave.scenario.Params;
import interleave.scenario.Scenario;
import interleave.scenario.ScenarioRun;
import interleave.scenario.Scenarios;
import interleave.trace.Trace;
import interleave.trace.TraceAnalyzer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each thread demo's program, exactly as the code pane shows it for the demo's parameters, runs under the
 * runner and teaches what the demo teaches: the same lines printed where the schedule does not decide them, the
 * same deadlock, the same lost updates, the same bug. Where the Java demo and its program disagree, one is wrong.
 */
class DemoProgramsTest {
    @BeforeAll
    static void needsPython() {
        Assumptions.assumeTrue(PythonProgram.findPython() != null,
                "SKIPPED: no python3 (3.8+) on the PATH, so no Python program can run (.ci/run installs it)");
    }

    /** The demo and the program it shows, each run to the end with these parameters and seed. */
    private record Both(ScenarioRun demo, ScenarioRun program) {
        List<String> demoPrinted() {
            return printed(demo.trace());
        }

        List<String> programPrinted() {
            return printed(program.trace());
        }
    }

    private static Both run(String id, Map<String, String> raw, long seed) throws Exception {
        return run(id, raw, RunSettings.DEFAULT.withSeed(seed));
    }

    private static Both run(String id, Map<String, String> raw, RunSettings settings) throws Exception {
        return run(id, raw, settings, null);
    }

    /** {@code expectedError}: the one kind of error the program is meant to raise (null: none at all). */
    private static Both run(String id, Map<String, String> raw, RunSettings settings, String expectedError)
            throws Exception {
        Scenario demo = Scenarios.byId(id).orElseThrow();
        Map<String, Object> params = Params.resolve(demo, raw);
        ScenarioRun demoRun = ScenarioRun.runToEnd(demo, params, settings);
        Path file = Files.createTempDirectory("demo").resolve(id + ".py");
        Files.writeString(file, demo.python(params));
        ScenarioRun programRun = ScenarioRun.runToEnd(PythonProgram.load(file, null), Map.of(), settings);
        assertTrue(programRun.kernel().awaitTermination(10_000), "every worker of the program ended");
        assertEquals(List.of(), programRun.outcome().errors().stream()
                .filter(e -> expectedError == null || !e.contains(expectedError)).toList(),
                "the shown program runs: " + demo.python(params));
        return new Both(demoRun, programRun);
    }

    private static List<String> printed(Trace t) {
        TraceAnalyzer a = new TraceAnalyzer(t);
        a.update();
        List<String> lines = new ArrayList<>();
        for (long seq : a.prints()) {
            lines.add(t.string(t.value(seq)));
        }
        return lines;
    }

    private static int lost(ScenarioRun r) {
        TraceAnalyzer a = new TraceAnalyzer(r.trace());
        a.update();
        return a.lostUpdates().size();
    }

    /**
     * What the views name in a demo (lanes, the sentences, the deadlock banner) is named as its program names it
     * ("tasks", "forks[1]"), in either language: the demo models no object its program does not have.
     */
    @ParameterizedTest
    @CsvSource({"pool, workers=3", "thread-per-client, server=pool", "balance, iterations=200;lock=on",
            "condition, check=while", "semaphore, overrelease=off", "deadlock, variant=two-locks",
            "deadlock, variant=philosophers", "rlock-counter, lock=rlock", "event-gate, threads=3",
            "thread-local, variant=local", "processes, memory=shared;lock=on"})
    void aDemosObjectsAreNamedAsItsProgramNamesThem(String id, String params) throws Exception {
        Map<String, String> raw = new java.util.HashMap<>();
        for (String param : params.split(";")) {
            raw.put(param.split("=")[0], param.split("=")[1]);
        }
        Both both = run(id, raw, 0);
        java.util.function.Function<ScenarioRun, java.util.Set<String>> named = r -> r.trace().objects().stream()
                .map(o -> o.name() + " (" + o.type().id() + ")").collect(java.util.stream.Collectors.toSet());
        java.util.Set<String> demo = named.apply(both.demo());
        java.util.Set<String> program = named.apply(both.program());
        assertFalse(demo.isEmpty(), id + " shows objects");
        assertTrue(program.containsAll(demo), "the demo names " + demo + ", its program " + program);
    }

    /** In order, or (io-bound: three threads wake at the same moment, the schedule picks who prints first) sorted. */
    @ParameterizedTest
    @CsvSource({"hello-threads, count=3, true", "io-bound, n=4, false", "join-pitfall, join=inside, true",
            "join-pitfall, join=after, true"})
    void aProgramPrintsWhatTheDemoPrints(String id, String param, boolean inOrder) throws Exception {
        String[] kv = param.split("=");
        Both both = run(id, Map.of(kv[0], kv[1]), 0);
        List<String> demo = new ArrayList<>(both.demoPrinted());
        List<String> program = new ArrayList<>(both.programPrinted());
        if (!inOrder) {
            java.util.Collections.sort(demo);
            java.util.Collections.sort(program);
        }
        assertEquals(demo, program);
    }

    /**
     * Each process counts on its own copy (the parent's stays 0, each child's copy is a value of its own, drawn
     * under the process's name); one shared Value brings the race back, and its lock takes it away again.
     */
    @Test
    void theProcessesProgramKeepsEachCopyApartAndAValueSharedAsTheDemoDoes() throws Exception {
        Both isolated = run("processes", Map.of("increments", "200"), 0);
        List<String> expected = List.of("Process-1 sees counter = 200", "Process-2 sees counter = 200",
                "Process-3 sees counter = 200", "parent sees counter = 0");
        for (ScenarioRun r : List.of(isolated.demo(), isolated.program())) {
            List<String> printed = new ArrayList<>(printed(r.trace()));
            java.util.Collections.sort(printed);
            assertEquals(expected, printed);
            assertEquals(0, lost(r));
            List<String> values = r.trace().objects().stream().map(o -> o.name()).toList();
            assertTrue(values.containsAll(List.of("counter", "counter (Process-1)", "counter (Process-3)")),
                    "the same name, a value per process: " + values);
        }
        Both racy = run("processes", Map.of("increments", "200", "memory", "shared"), 0);
        assertTrue(lost(racy.demo()) > 0 && lost(racy.program()) > 0, lost(racy.demo()) + " / " + lost(
                racy.program()));
        Both locked = run("processes", Map.of("increments", "200", "memory", "shared", "lock", "on"), 0);
        assertEquals(0, lost(locked.program()));
        assertEquals("parent sees counter = 600", locked.programPrinted().get(3));
    }

    /**
     * socketserver on real sockets: every client gets its answer; a thread per client serves them all at once
     * (one request's time), a pool of two in three rounds; a handler thread per connection, drawn as made.
     */
    @ParameterizedTest
    @CsvSource({"thread-per-client, 0.3", "pool, 0.9"})
    void theSocketServerProgramServesEveryClientAsTheDemoDoes(String server, double seconds) throws Exception {
        Both both = run("thread-per-client", Map.of("server", server), 0);
        List<String> expected = List.of("client-0 got: echo hello 0", "client-1 got: echo hello 1",
                "client-2 got: echo hello 2", "client-3 got: echo hello 3", "client-4 got: echo hello 4");
        assertEquals(expected, both.demoPrinted().stream().sorted().toList());
        assertEquals(expected, both.programPrinted().stream().sorted().toList());
        assertEquals(seconds, both.program().kernel().now() / 1e6, 0.01, "the time the clients took");
        List<String> lanes = both.program().trace().threads().stream().map(t -> t.name()).toList();
        assertEquals(server.equals("pool") || !PythonVersions.namesThreadsAfterTargets() ? 0 : 5, lanes.stream()
                .filter(n -> n.endsWith("(process_request_thread)")).count(), lanes.toString());
    }

    @Test
    void theDaemonProgramStopsTheHeartbeatWhenTheWorkerEndsAsTheDemoDoes() throws Exception {
        Both both = run("daemon", Map.of("work", "2"), 0);
        List<String> demo = new ArrayList<>(both.demoPrinted());
        List<String> program = new ArrayList<>(both.programPrinted());
        java.util.Collections.sort(demo);
        java.util.Collections.sort(program);
        assertEquals(demo, program, "the same heartbeats and steps (a tie at a whole second may order them apart)");
        assertTrue(program.contains("worker done"));
    }

    @Test
    void theBalanceProgramLosesUpdatesWithoutTheLockAndNeverWithIt() throws Exception {
        Both off = run("balance", Map.of("iterations", "300"), 1);
        assertTrue(lost(off.demo()) > 0 && lost(off.program()) > 0, lost(off.demo()) + " / " + lost(off.program()));
        Both on = run("balance", Map.of("iterations", "300", "lock", "on"), 1);
        assertEquals(0, lost(on.demo()));
        assertEquals(0, lost(on.program()));
        assertEquals(List.of("balance = 0"), on.programPrinted());
    }

    @ParameterizedTest
    @CsvSource({"two-locks, off, true", "two-locks, on, false", "philosophers, off, true", "philosophers, on, false"})
    void theDeadlockProgramsDeadlockExactlyWhenTheDemoDoes(String variant, String ordered, boolean deadlocks)
            throws Exception {
        Both both = run("deadlock", Map.of("variant", variant, "ordered", ordered, "meals", "2"), 0);
        assertEquals(deadlocks, both.demo().outcome().status() == RunOutcome.Status.DEADLOCK);
        assertEquals(deadlocks, both.program().outcome().status() == RunOutcome.Status.DEADLOCK);
        if (deadlocks) {
            assertTrue(both.program().outcome().deadlock().cycle(), "a cycle of locks, as the demo shows");
        }
    }

    @Test
    void theRLockCounterCountsEveryThreadAndAPlainLockTakenTwiceDeadlocks() throws Exception {
        Both rlock = run("rlock-counter", Map.of("threads", "4", "nested", "on"), 0);
        assertEquals(4, rlock.program().result().get("gl_num"));
        assertEquals(rlock.demoPrinted(), rlock.programPrinted(), "each thread prints the count it made");
        Both lock = run("rlock-counter", Map.of("threads", "4", "lock", "lock", "nested", "on"), 0);
        assertEquals(RunOutcome.Status.DEADLOCK, lock.demo().outcome().status());
        assertEquals(RunOutcome.Status.DEADLOCK, lock.program().outcome().status());
    }

    @Test
    void everyThreadPassesTheEventGateInEveryRound() throws Exception {
        Both both = run("event-gate", Map.of("threads", "4", "rounds", "2", "delay", "1"), 0);
        assertEquals(8, both.programPrinted().stream().filter(l -> l.endsWith("passed the gate")).count());
        assertEquals(8, both.demoPrinted().stream().filter(l -> l.endsWith("passed the gate")).count());
    }

    @Test
    void theConditionProgramGoesWrongWithIfAndNeverWithWhile() throws Exception {
        int emptyWithIf = 0;
        for (long seed = 0; seed < 4; seed++) {
            Both with = run("condition", Map.of("check", "while"), seed);
            assertFalse(with.programPrinted().stream().anyMatch(l -> l.contains("EMPTY")), with.programPrinted()
                    .toString());
            emptyWithIf += run("condition", Map.of("check", "if"), seed).programPrinted().stream()
                    .filter(l -> l.contains("EMPTY")).count();
        }
        assertTrue(emptyWithIf > 0, "with 'if' a woken consumer takes from an empty buffer");
    }

    @Test
    void theSemaphoreProgramRaisesOnTheSecondReleaseAsTheDemoCounts() throws Exception {
        Both fine = run("semaphore", Map.of(), 0);
        assertTrue(fine.program().outcome().errors().isEmpty());
        Both over = run("semaphore", Map.of("overrelease", "on"), RunSettings.DEFAULT, "ValueError");
        assertEquals(1, over.demo().result().get("errors"));
        assertTrue(over.program().outcome().errors().stream().anyMatch(e -> e.contains("ValueError")),
                over.program().outcome().errors().toString());
    }

    @Test
    void thePoolProgramCallsBackOncePerTask() throws Exception {
        Both both = run("pool", Map.of("tasks", "6", "workers", "3"), 0);
        assertEquals(6, both.programPrinted().stream().filter(l -> l.startsWith("callback: task")).count());
        assertEquals(6, both.demoPrinted().stream().filter(l -> l.startsWith("callback: task")).count());
    }

    @ParameterizedTest
    @CsvSource({"off, 0", "on, 100"})
    void theCoroutineProgramsSwitchWhereTheDemoDoes(String yieldInUpdate, int lostExpected) throws Exception {
        Both switches = run("coroutines", Map.of("part", "switch"), 0);
        assertEquals(List.of("12", "56", "34", "78"), switches.programPrinted());
        // the demo imitates coroutines with threads that yield, which only cooperative mode keeps from being
        // preempted; the program's gevent hands over the same way in every mode
        Both balance = run("coroutines", Map.of("part", "balance", "iterations", "50",
                "yield_in_update", yieldInUpdate), RunSettings.DEFAULT.withMode(interleave.engine.Mode.COOPERATIVE));
        assertEquals(lostExpected, lost(balance.program()), "updates lost only where a coroutine yields inside one");
        assertEquals(lost(balance.demo()), lost(balance.program()));
        assertEquals(lostExpected, lost(run("coroutines", Map.of("part", "balance", "iterations", "50",
                "yield_in_update", yieldInUpdate), 3).program()), "sim mode, another seed: the same");
        assertEquals(balance.demoPrinted(), balance.programPrinted());
    }

    @Test
    void theThreadLocalAndGilProgramsRun() throws Exception {
        Both local = run("thread-local", Map.of(), 0);
        assertEquals(local.demoPrinted().size(), local.programPrinted().size());
        // the balance's private variant too: each thread's own item of a dict, named as the demo names it
        Both separate = run("balance", Map.of("variant", "private", "iterations", "200"), 0);
        assertEquals(separate.demoPrinted(), separate.programPrinted());
        assertEquals(0, lost(separate.program()));
        // the shared variant shows (and runs) its own program: one plain global instead of threading.local()
        Both shared = run("thread-local", Map.of("variant", "shared"), 0);
        assertEquals(shared.demoPrinted().size(), shared.programPrinted().size());
        assertFalse(Scenarios.byId("thread-local").orElseThrow().python(Map.of("variant", "shared"))
                .contains("local_school"), "the shared variant's program has no threading.local()");
        Both gil = run("gil", Map.of("work", "200"), 0);
        assertEquals(gil.demoPrinted().get(0).replaceAll(", [0-9.]+ s$", ""),
                gil.programPrinted().get(0).replaceAll(", [0-9.]+ s$", ""), "the same line, the time aside");
    }
}
