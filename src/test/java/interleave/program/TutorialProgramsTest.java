package interleave.program;

import interleave.engine.RunOutcome;
import interleave.engine.RunSettings;
import interleave.scenario.ScenarioRun;
import interleave.trace.TraceAnalyzer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The course tutorials' thread programs, exactly as a teacher pastes them (Python 2, web-page spaces and all), run
 * unmodified under the scheduler and compared with CPython where the result does not depend on the schedule.
 */
class TutorialProgramsTest {
    @BeforeAll
    static void needsPython() {
        Assumptions.assumeTrue(PythonProgram.findPython() != null,
                "SKIPPED: no python3 (3.8+) on the PATH, so no Python program can run (.ci/run installs it)");
    }

    private static Path tutorial(String name) throws Exception {
        return Path.of(TutorialProgramsTest.class.getResource("/interleave/tutorials/" + name).toURI());
    }

    @SuppressWarnings("unchecked")
    private static List<String> output(ScenarioRun r) {
        return (List<String>) r.result().get("output");
    }

    private static ScenarioRun run(PythonProgram p, long seed) throws InterruptedException {
        ScenarioRun r = ScenarioRun.runToEnd(p, Map.of(), RunSettings.DEFAULT.withSeed(seed));
        assertTrue(r.kernel().awaitTermination(10_000), "every worker ended");
        assertEquals(RunOutcome.Status.FINISHED, r.kernel().outcomeNow().status(), () -> r.kernel().outcomeNow()
                .toString());
        return r;
    }

    private static final java.util.Map<String, java.util.concurrent.CompletableFuture<List<String>>> CPYTHON =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * CPython really sleeps (five seconds for the loop thread, six for fib/fac/sum): those two start at once, in the
     * background, while the other tests run.
     */
    @BeforeAll
    static void startTheSlowCPythonRunsEarly() throws Exception {
        if (PythonProgram.findPython() == null) {
            return; // needsPython says so
        }
        for (String slow : List.of("loop_thread.py", "mythread_fib_fac_sum.py")) {
            askCPython(PythonProgram.load(tutorial(slow), null));
        }
    }

    /** What CPython prints for the program as it runs (the converted text of a Python 2 program); once per program
     * and input. */
    private static List<String> cpython(PythonProgram p, String... input) throws Exception {
        return askCPython(p, input).get();
    }

    private static java.util.concurrent.CompletableFuture<List<String>> askCPython(PythonProgram p, String... input) {
        return CPYTHON.computeIfAbsent(p.python() + "\u0000" + String.join("\n", input),
                k -> java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        return runCPython(p, input);
                    } catch (Exception e) {
                        throw new java.util.concurrent.CompletionException(e);
                    }
                }));
    }

    private static List<String> runCPython(PythonProgram p, String... input) throws Exception {
        Path file = Files.createTempFile("cpython", ".py");
        file.toFile().deleteOnExit();
        Files.writeString(file, p.python(), StandardCharsets.UTF_8);
        Process c = CPythonReference.of(PythonProgram.findPython(), file).start();
        c.getOutputStream().write(String.join("\n", input).concat("\n").getBytes(StandardCharsets.UTF_8));
        c.getOutputStream().close();
        String out = new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        c.waitFor();
        return out.lines().toList();
    }

    private static List<String> words(String text) {
        return sorted(List.of(text.replace("start", " start ").replace("execute", " execute ").trim().split("\\s+")));
    }

    private static List<String> sorted(List<String> lines) {
        return lines.stream().sorted().toList();
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2})
    void theLoopThreadPrintsWhatCPythonPrints(long seed) throws Exception {
        PythonProgram p = PythonProgram.load(tutorial("loop_thread.py"), null);
        ScenarioRun r = run(p, seed);
        assertEquals(cpython(p), output(r), "one thread at a time, joined: the order does not depend on the schedule");
        assertEquals("", p.conversionNote(Locale.ENGLISH), "a Python 3 program runs as written");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2})
    void eachStudentIsGreetedInItsOwnThread(long seed) throws Exception {
        PythonProgram p = PythonProgram.load(tutorial("thread_local.py"), null);
        assertEquals(sorted(List.of("Hello, Alice (in Thread-A)", "Hello, Bob (in Thread-B)")),
                sorted(output(run(p, seed))));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2})
    void theRLockCounterCountsToTenInOrder(long seed) throws Exception {
        PythonProgram p = PythonProgram.load(tutorial("rlock_counter.py"), null);
        List<String> ours = output(run(p, seed));
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10"), ours,
                "each thread adds and prints under the lock, as CPython does (ten seconds there, with its sleeps)");
        String note = p.conversionNote(Locale.ENGLISH);
        assertTrue(note.contains("non-breaking spaces") && note.contains("Python 2"), note);
        assertTrue(p.python().contains("print(gl_num)"), "the code shown is the converted code");
        assertEquals(List.of(11), p.convertedLines(), "only line 11 (print gl_num) was converted");
    }

    @Test
    void theEventGateOpensWhenTheUserTypesTrue() throws Exception {
        PythonProgram p = PythonProgram.load(tutorial("event_gate.py"), null, List.of("true"));
        List<String> ours = output(run(p, 0));
        assertEquals(Collections.nCopies(10, "start").size(), ours.stream().filter("start"::equals).count());
        assertEquals(10, ours.stream().filter("execute"::equals).count(), "every thread passed the gate");
        assertTrue(p.python().contains("input('input:')"), "raw_input became input");
        // CPython's own threads print at once, so its lines can run together ("startstart"): compare the words
        assertEquals(words(String.join(" ", cpython(p, "true")).replace("input:", "")),
                words(String.join(" ", ours).replace("input:true", "")));
    }

    @Test
    void withoutTheAnswerTheGateStaysShutAndTheRunSaysSo() throws Exception {
        PythonProgram p = PythonProgram.load(tutorial("event_gate.py"), null);
        ScenarioRun r = ScenarioRun.runToEnd(p, Map.of(), RunSettings.DEFAULT);
        assertTrue(r.kernel().awaitTermination(10_000));
        assertTrue(output(r).stream().noneMatch("execute"::equals), "nobody passed a gate nobody opened");
        assertTrue(r.kernel().outcomeNow().status() != RunOutcome.Status.FINISHED,
                "ten threads wait forever: not a normal end");
    }

    @Test
    void theFibFacSumThreadsGiveTheTutorialsResults() throws Exception {
        PythonProgram p = PythonProgram.load(tutorial("mythread_fib_fac_sum.py"), null);
        ScenarioRun r = run(p, 0);
        List<String> ours = output(r);
        assertTrue(ours.containsAll(List.of("result: 233", "result: 479001600", "result: 78")), ours.toString());
        assertEquals("all Done", ours.get(ours.size() - 1));
        assertEquals("lines", r.result().keySet().iterator().next(),
                "n = 12 is a constant: the headline is what the program printed, not n");
        // each thread's result under its name (self.name = name in __init__), before the main thread's constant
        List<String> named = new java.util.ArrayList<>(r.result().keySet());
        for (String result : List.of("fib.res", "fac.res", "sum_1.res")) {
            assertTrue(named.indexOf(result) > 0 && named.indexOf(result) < named.indexOf("n"), named.toString());
        }
        assertEquals(233, r.result().get("fib.res"));
        for (String name : List.of("fib", "fac", "sum_1")) {
            assertTrue(ours.contains("<MyThread(" + name + ", stopped " + ident(ours, name) + ")>"),
                    "a joined thread prints as CPython prints it: " + ours);
        }
        assertTrue(p.python().contains("self.res = self.func(*self.args)"), "apply(f, args) became f(*args)");
        // Without the times (the virtual clock here, the wall clock in CPython) and thread idents, CPython agrees
        // on everything printed (CPython's threads print at once, so its lines can run into each other)
        assertEquals(tokens(timeless(cpython(p))), tokens(timeless(ours)));
    }

    /**
     * The tutorial's greenlet and gevent examples, verbatim from the page (indented as code blocks, the greenlet one
     * Python 2): each switch is the program's own, so every mode and seed prints what the tutorial says. CPython
     * cannot be asked here (neither package is installed); the runtime's modules run them either way.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"sim, 0", "sim, 1", "cooperative, 0", "os, 0"})
    void theGreenletAndGeventExamplesSwitchAsTheTutorialSays(String mode, long seed) throws Exception {
        RunSettings settings = new RunSettings(interleave.engine.Mode.valueOf(mode.toUpperCase(Locale.ROOT)), 1, 20,
                interleave.engine.Policy.RANDOM, seed);
        PythonProgram greenlets = PythonProgram.load(tutorial("greenlet_switch.py"), null);
        assertTrue(greenlets.conversionNote(Locale.ENGLISH).contains("indented"), greenlets.conversionNote(
                Locale.ENGLISH));
        ScenarioRun g = ScenarioRun.runToEnd(greenlets, Map.of(), settings);
        assertTrue(g.kernel().awaitTermination(10_000));
        assertEquals(List.of("12", "56", "34", "78"), output(g));
        List<String> lanes = g.trace().threads().stream().map(t -> t.name()).toList();
        assertTrue(lanes.containsAll(List.of("greenlet-1 (test1)", "greenlet-2 (test2)")), "a lane per greenlet: "
                + lanes);
        ScenarioRun e = ScenarioRun.runToEnd(PythonProgram.load(tutorial("gevent_switch.py"), null), Map.of(),
                settings);
        assertTrue(e.kernel().awaitTermination(10_000));
        assertEquals(List.of("Running in foo", "Explicit context to bar", "Explicit context switch to foo again",
                "Implicit context switch back to bar"), output(e));
        // the turns the runtime models are named without words, so in any language: "→ greenlet-1 (test1)" (switch
        // to it), "▶ Greenlet-1 (foo)" (its turn to run), and gevent's own attribute for a greenlet that has ended
        assertTrue(g.trace().objects().stream().map(o -> o.name()).toList().containsAll(
                List.of("\u2192 MainThread", "\u2192 greenlet-1 (test1)")), g.trace().objects().toString());
        assertTrue(e.trace().objects().stream().map(o -> o.name()).toList().containsAll(
                List.of("\u25b6 Greenlet-1 (foo)", "Greenlet-1 (foo).dead")), e.trace().objects().toString());
    }

    /** The pids printed (ours are made up, CPython's differ each run): what must agree is the rest. */
    private static List<String> pidless(List<String> lines) {
        // (CPython's own child may find its parent gone, whenever the OS runs the parent to its end first: it has
        // been handed to init then, and its parent's pid is 1)
        return lines.stream().map(l -> l.replaceAll("\\d{3,}|(?<=my parent is )1\\b", "<pid>")).sorted().toList();
    }

    private static RunSettings mode(String mode, long seed) {
        return new RunSettings(interleave.engine.Mode.valueOf(mode.toUpperCase(Locale.ROOT)), 1, 20,
                interleave.engine.Policy.RANDOM, seed);
    }

    /**
     * The tutorials' process programs, verbatim (three are Python 2): each child runs on its own copy of the
     * memory, and prints what CPython's child prints (pids aside) in every mode.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"sim, 0", "sim, 1", "cooperative, 0", "os, 0"})
    void theProcessExamplesPrintWhatCPythonPrints(String mode, long seed) throws Exception {
        for (String name : List.of("process_join.py", "fork_child.py", "manager_dict.py")) {
            PythonProgram p = PythonProgram.load(tutorial(name), null);
            ScenarioRun r = ScenarioRun.runToEnd(p, Map.of(), mode(mode, seed));
            assertTrue(r.kernel().awaitTermination(10_000));
            assertEquals(List.of(), r.outcome().errors(), name);
            List<String> ours = pidless(output(r));
            // CPython's own run forks for real: parent and child write to one pipe, each line whole (CPythonReference)
            assertEquals(pidless(cpython(p)), ours, name);
        }
        ScenarioRun joined = ScenarioRun.runToEnd(PythonProgram.load(tutorial("process_join.py"), null), Map.of(),
                mode(mode, seed));
        assertTrue(joined.kernel().awaitTermination(10_000));
        assertEquals(List.of("Parent process 1000.", "Child process will start.", "Run child process test (1001)...",
                "Child process end."), output(joined), "the parent waits in join(); the child has a pid of its own");
        // the Array is shared: each process's write lands in the one array, which each then prints whole
        ScenarioRun array = ScenarioRun.runToEnd(PythonProgram.load(tutorial("shared_array.py"), null), Map.of(),
                mode(mode, seed));
        assertTrue(array.kernel().awaitTermination(10_000));
        assertTrue(output(array).containsAll(List.of("0 -----> 100", "1 -----> 101")), output(array).toString());
        assertEquals(8, output(array).size());
    }

    /**
     * The tutorials' pools (Python 2): Pool(5) runs ten two-second tasks in two rounds, each result handed to the
     * callback in the parent; Pool() has a worker per core and runs five tasks on four workers.
     */
    @Test
    void thePoolExamplesRunTheirTasksOnTheWorkersInRounds() throws Exception {
        ScenarioRun callbacks = ScenarioRun.runToEnd(PythonProgram.load(tutorial("pool_callback.py"), null),
                Map.of(), RunSettings.DEFAULT);
        assertTrue(callbacks.kernel().awaitTermination(10_000));
        List<String> printed = output(callbacks);
        assertEquals("end", printed.get(0), "apply_async does not wait: 'end' comes first");
        assertEquals(List.of("100", "101", "102", "103", "104", "105", "106", "107", "108", "109"),
                printed.subList(1, printed.size()).stream().sorted().toList());
        assertEquals(4.0, callbacks.kernel().now() / 1e6, 0.01, "two rounds of 2 s on five workers");
        List<String> lanes = callbacks.trace().threads().stream().map(t -> t.name()).toList();
        // the callbacks' thread as CPython names it, the third of the pool's handler threads
        String handler = PythonVersions.namesThreadsAfterTargets() ? "Thread-3 (_handle_results)" : "Thread-3";
        assertTrue(lanes.containsAll(List.of("ForkPoolWorker-1", "ForkPoolWorker-5", handler)), lanes.toString());
        List<String> queues = callbacks.trace().objects().stream().map(o -> o.name()).toList();
        assertTrue(queues.containsAll(List.of("pool._inqueue", "pool._outqueue")),
                "named as CPython's attributes: " + queues);
        // the pool as the program names it, also in a with statement
        Path named = Files.createTempDirectory("pool").resolve("with_pool.py");
        Files.writeString(named, """
                from multiprocessing import Pool
                def square(x):
                    return x * x
                if __name__ == '__main__':
                    with Pool(2) as workers:
                        print(workers.map(square, [1, 2, 3]))
                """);
        ScenarioRun withPool = ScenarioRun.runToEnd(PythonProgram.load(named, null), Map.of(), RunSettings.DEFAULT);
        assertTrue(withPool.kernel().awaitTermination(10_000));
        assertEquals(List.of("[1, 4, 9]"), output(withPool));
        List<String> withQueues = withPool.trace().objects().stream().map(o -> o.name()).toList();
        assertTrue(withQueues.contains("workers._inqueue"), withQueues.toString());

        ScenarioRun tasks = ScenarioRun.runToEnd(PythonProgram.load(tutorial("pool_tasks.py"), null), Map.of(),
                new RunSettings(interleave.engine.Mode.SIM, 4, 20, interleave.engine.Policy.RANDOM, 3));
        assertTrue(tasks.kernel().awaitTermination(10_000));
        List<String> lines = output(tasks);
        assertEquals("Parent process 1000.", lines.get(0));
        assertEquals("All subprocesses done.", lines.get(lines.size() - 1));
        for (int i = 0; i < 5; i++) {
            String task = "Run task " + i + " (";
            assertEquals(1, lines.stream().filter(l -> l.startsWith(task)).count(), lines.toString());
        }
        assertEquals(4, lines.stream().filter(l -> l.startsWith("Run task")).map(l -> l.replaceAll(".*\\(", ""))
                .distinct().count(), "four cores, four workers, each its own pid: " + lines);
    }

    private static String ident(List<String> lines, String name) {
        return lines.stream().filter(l -> l.startsWith("<MyThread(" + name + ", stopped "))
                .map(l -> l.replaceAll("\\D+", " ").trim().split(" ")[l.contains("sum_1") ? 1 : 0])
                .findFirst().orElse("?");
    }

    private static List<String> tokens(List<String> lines) {
        // a ctime() is written in one piece, even where CPython's threads run their prints together
        String text = String.join(" ", lines).replaceAll("(Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} [ \\d]\\d "
                + "\\d\\d:\\d\\d:\\d\\d \\d{4}", " ");
        // and the other pieces of a print (each argument, each separator) can land between another thread's:
        // what must agree is everything written, not where the pieces fell
        return text.replace("<time>", "").replaceAll("\\s+", "").chars().sorted()
                .mapToObj(c -> String.valueOf((char) c)).toList();
    }

    private static List<String> timeless(List<String> lines) {
        return lines.stream().map(l -> l.replaceAll(" at: ... ... .. ..:..:.. ....", " at: <time>").replaceAll("stopped \\d+", "stopped"))
                .toList();
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2})
    void theBalanceRaceLosesUpdatesForEverySeedAndTheLockStopsIt(long seed) throws Exception {
        ScenarioRun race = run(PythonProgram.load(tutorial("balance_race.py"), null), seed);
        TraceAnalyzer a = new TraceAnalyzer(race.trace());
        a.update();
        assertTrue(a.lostUpdates().size() > 0, "seed " + seed + ": the race lost no update");
        ScenarioRun locked = run(PythonProgram.load(tutorial("balance_lock.py"), null), seed);
        TraceAnalyzer b = new TraceAnalyzer(locked.trace());
        b.update();
        assertEquals(0, b.lostUpdates().size());
        assertEquals(List.of("0"), output(locked));
    }
}
