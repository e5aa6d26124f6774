package interleave.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliTest {
    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    private static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    private static void oneCleanLine(Result r, String mustContain) {
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(mustContain), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    /** A program that never ends is stopped at --timeout with its own exit code, not "internal error". */
    @Test
    void aRunPastItsTimeoutIsStoppedWithExitCodeFour() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(interleave.program.PythonProgram.findPython() != null,
                "SKIPPED: no python3 on the PATH (.ci/run installs it)");
        String runaway = java.nio.file.Path.of(CliTest.class.getResource("/interleave/programs/runaway.py").toURI())
                .toString();
        Result r = cli("run", runaway, "--timeout", "2");
        assertEquals(Cli.TIMED_OUT, r.code(), r.err());
        assertTrue(r.err().contains("did not end within 2 s"), r.err());
        assertTrue(r.err().contains("interleave: still running after 1 s, ") && r.err().contains("Ctrl+C stops it"),
                "a long run says so before it ends: " + r.err());
        assertTrue(r.out().contains("count"), "what was recorded is reported: " + r.out());
    }

    /**
     * A Python program ends with the exit status python3 would give it, in the result and as exit code 5: an
     * uncaught exception in the main thread (1), sys.exit(n) (n); an exception in another thread changes nothing.
     */
    @Test
    void aPythonProgramThatPython3WouldEndWithAnErrorExitsWithFive() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(interleave.program.PythonProgram.findPython() != null,
                "SKIPPED: no python3 on the PATH (.ci/run installs it)");
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("exits");
        java.nio.file.Path raises = java.nio.file.Files.writeString(dir.resolve("raises.py"),
                "balance = 0\nlock = threading.Lock()  # the tutorial's lines, pasted without their import\n");
        java.nio.file.Path exits = java.nio.file.Files.writeString(dir.resolve("exits.py"),
                "import sys\nprint('bye')\nsys.exit(3)\n");
        String crash = java.nio.file.Path.of(CliTest.class.getResource("/interleave/programs/crash.py").toURI())
                .toString();
        Result r = cli("run", raises.toString(), "--json");
        assertEquals(Cli.PROGRAM_FAILED, r.code(), r.err());
        assertEquals(1, new ObjectMapper().readTree(r.out()).path("result").path("exit status").asInt());
        Result text = cli("run", raises.toString());
        assertTrue(text.out().contains("\nexit status:      1 (python3's for this run)"), text.out());
        assertTrue(text.out().contains("error in MainThread: NameError: name 'threading' is not defined"), text.out());
        r = cli("run", exits.toString(), "--json");
        assertEquals(Cli.PROGRAM_FAILED, r.code(), r.err());
        assertEquals(3, new ObjectMapper().readTree(r.out()).path("result").path("exit status").asInt());
        java.nio.file.Path wraps = java.nio.file.Files.writeString(dir.resolve("wraps.py"), "import sys\nsys.exit(256)\n");
        if (!System.getProperty("os.name").startsWith("Windows")) {
            assertEquals(Cli.OK, cli("run", wraps.toString()).code(), "as POSIX keeps it: 256 is 0");
        }
        java.nio.file.Path named = java.nio.file.Files.writeString(dir.resolve("named.py"),
                "exitStatus = 0\nprint('fine')\n");
        r = cli("run", named.toString(), "--json");
        assertEquals(Cli.OK, r.code(), "a variable of the program named exitStatus is its own: " + r.out());
        r = cli("run", crash, "--json");
        assertEquals(Cli.OK, r.code(), "a thread's error is not the program's exit status: " + r.err());
        assertTrue(new ObjectMapper().readTree(r.out()).path("result").path("exit status").isMissingNode(), r.out());
    }

    /** A Python program of this text in a folder of its own; the test is skipped (and says so) without python3. */
    private static java.nio.file.Path program(String name, String text) throws java.io.IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(interleave.program.PythonProgram.findPython() != null,
                "SKIPPED: no python3 on the PATH (.ci/run installs it)");
        return java.nio.file.Files.writeString(java.nio.file.Files.createTempDirectory("program").resolve(name), text);
    }

    /**
     * The tutorial's MyThread program prints ctime(): on the virtual clock that is a day in January 1970, and the
     * report says why (and that os mode reads the real clock); a program that prints no dates gets no such line,
     * nor does os mode, and the saved trace says it again.
     */
    @Test
    void datesOfTheVirtualClockAreExplained() throws Exception {
        java.nio.file.Path dated = program("dated.py", "from time import ctime, sleep\nprint('starting at:', ctime())\nsleep(2)\n");
        java.nio.file.Path plain = dated.resolveSibling("plain.py");
        java.nio.file.Files.writeString(plain, "import time\ntime.sleep(1)\n");
        String line = "\nclock:            virtual, from 0 s: the program's dates begin on 1 January 1970 (the epoch),";
        java.nio.file.Path trace = dated.resolveSibling("dated.trace");
        Result r = cli("run", dated.toString(), "--trace", trace.toString());
        assertEquals(Cli.OK, r.code(), r.err());
        assertTrue(r.out().contains("starting at: Thu Jan  1 ") && r.out().contains(" 1970"), r.out());
        assertTrue(r.out().contains(line), r.out());
        assertTrue(cli("inspect", trace.toString()).out().contains(line), "the saved run says it too");
        assertFalse(cli("run", plain.toString()).out().contains("\nclock:"), "no dates, nothing to explain");
        assertFalse(cli("run", dated.toString(), "--mode", "os").out().contains("\nclock:"), "os mode's are real");
    }

    /** The tutorial's Pool() on the default single virtual core: the report says why one worker ran every task. */
    @Test
    void aPoolSizedByOneVirtualCoreIsExplained() throws Exception {
        java.nio.file.Path pool = program("pool.py", "from multiprocessing import Pool\nimport os\ndef f(x):\n"
                + "    return x * x\nif __name__ == '__main__':\n    with Pool() as p:\n        print(p.map(f, [1, 2, 3]))\n");
        String line = "\ncores:            1 (virtual): os.cpu_count() is 1, so Pool() starts one worker";
        Result one = cli("run", pool.toString());
        assertEquals(Cli.OK, one.code(), one.err());
        assertTrue(one.out().contains("[1, 4, 9]") && one.out().contains(line), one.out());
        assertFalse(cli("run", pool.toString(), "--cores", "4").out().contains("\ncores:"), "four cores, four workers");
    }

    /**
     * input() with no answer left ends in EOFError, as python3 at the end of its stdin, and the command line then
     * says on which line and how to answer; with enough answers it says nothing. Exit code 5 is in --help.
     */
    @Test
    void anInputWithNoAnswerSaysHowToGiveOne() throws Exception {
        java.nio.file.Path asks = program("asks.py", "name = input('name? ')\nage = input('age? ')\nprint(name, age)\n");
        Result none = cli("run", asks.toString());
        assertEquals(Cli.PROGRAM_FAILED, none.code(), none.err());
        assertTrue(none.out().contains("EOFError"), "python3's own error stays: " + none.out());
        assertTrue(none.err().contains("interleave: input() on line 1 had no answer left: give one --input TEXT per"
                + " answer, in order"), none.err());
        Result one = cli("run", asks.toString(), "--input", "Ada");
        assertTrue(one.err().contains("input() on line 2 had no answer left (1 given)"), one.err());
        Result both = cli("run", asks.toString(), "--input", "Ada", "--input", "36");
        assertEquals(Cli.OK, both.code(), both.err());
        assertFalse(both.err().contains("no answer"), both.err());
        assertTrue(cli("--help").out().contains("5   a Python program ended as python3 would end it"),
                cli("--help").out());
    }

    /** A print of several lines ("\\n*** MULTIPLE THREADS", the tutorial's) shows each line with its thread. */
    @Test
    void eachPrintedLineIsShownWithItsThread() throws Exception {
        java.nio.file.Path two = program("two.py", "print('a')\nprint('\\n*** MULTIPLE THREADS')\n");
        Result r = cli("run", two.toString());
        assertTrue(r.out().contains("  MainThread: a\n  MainThread: \n  MainThread: *** MULTIPLE THREADS\n"), r.out());
    }

    /** As python3 runs a file whatever its name, a tutorial's program saved as .txt runs; a saved trace says what to do. */
    @Test
    void aProgramSavedAsTextRunsAndATraceIsPointedToInspect() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(interleave.program.PythonProgram.findPython() != null,
                "SKIPPED: no python3 on the PATH (.ci/run installs it)");
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("named");
        java.nio.file.Path txt = java.nio.file.Files.writeString(dir.resolve("tutorial.txt"), "print('hi')\n");
        Result r = cli("run", txt.toString(), "--json");
        assertEquals(Cli.OK, r.code(), r.err());
        assertEquals("hi", new ObjectMapper().readTree(r.out()).path("result").path("printed").asText());
        java.nio.file.Path trace = dir.resolve("run.trace");
        assertEquals(Cli.OK, cli("run", "hello-threads", "--trace", trace.toString()).code());
        java.nio.file.Path renamed = java.nio.file.Files.copy(trace, dir.resolve("run.txt"));
        for (java.nio.file.Path saved : java.util.List.of(trace, renamed)) {
            oneCleanLine(cli("run", saved.toString()), "is a saved trace, not a program: show it with 'inspect ");
        }
        java.nio.file.Path prose = java.nio.file.Files.writeString(dir.resolve("notes.txt"), "Threads share memory.\n");
        oneCleanLine(cli("run", prose.toString()), "is neither a Python program");
        // the tutorial's event gate with no line typed: ten threads stuck on one event are named once
        String gate = java.nio.file.Path.of(CliTest.class.getResource("/interleave/tutorials/event_gate.py").toURI())
                .toString();
        Result stuck = cli("run", gate);
        assertEquals(Cli.DEADLOCK, stuck.code(), stuck.err());
        assertTrue(stuck.out().contains(" ... Thread-10") && stuck.out().contains("(10 threads) wait for event_obj"),
                stuck.out());
    }

    @Test
    void aStallIsCalledStuckNotDeadlockInTheTextSummary() {
        Result r = cli("run", "event-gate", "--param", "auto=false");
        assertEquals(3, r.code(), r.err());
        assertTrue(r.out().contains("status:           stuck (every thread waits, but not for each other"), r.out());
        assertTrue(r.out().contains("\nstuck:            "), r.out());
        assertTrue(!r.out().contains("\ndeadlock:"), "a stall has no cycle to call a deadlock: " + r.out());
    }

    @Test
    void listShowsEveryScenario() {
        Result r = cli("list");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("balance") && r.out().contains("Bank balance race"), r.out());
    }

    @Test
    void everyScenarioIsListedAndRunsWithJsonExitingAsDocumented() throws Exception {
        String list = cli("list").out();
        for (interleave.scenario.Scenario s : interleave.scenario.Scenarios.all()) {
            assertTrue(list.contains(s.id()), s.id());
            Result r = cli("run", s.id(), "--json");
            int expected = s.id().equals("deadlock") ? 3 : 0;
            assertEquals(expected, r.code(), s.id() + ": " + r.err());
            JsonNode j = new ObjectMapper().readTree(r.out());
            assertEquals(s.id(), j.get("scenario").asText());
            assertTrue(j.get("result").isObject());
        }
        assertTrue(cli("list", "--zh").out().contains("银行余额竞争"));
    }

    @Test
    void runJsonHasTheDocumentedFields() throws Exception {
        Result r = cli("run", "balance", "--param", "lock=off", "--param", "iterations=3000", "--seed", "7", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        for (String field : new String[] {"scenario", "mode", "seed", "params", "result", "lostUpdates",
                "contextSwitches", "events", "threads", "deadlock", "elapsedMillis"}) {
            assertTrue(j.has(field), field);
        }
        assertEquals("balance", j.get("scenario").asText());
        assertEquals(7, j.get("seed").asInt());
        assertEquals(0, j.get("result").get("expected").asInt());
        assertTrue(j.get("result").get("balance").isInt());
        assertTrue(j.get("lostUpdates").asInt() > 0);
        assertTrue(j.get("deadlock").isNull());
    }

    @Test
    void sameSeedSameJsonApartFromTheClock() throws Exception {
        ObjectMapper m = new ObjectMapper();
        JsonNode a = m.readTree(cli("run", "balance", "-p", "iterations=3000", "--seed", "9", "--json").out());
        JsonNode b = m.readTree(cli("run", "balance", "-p", "iterations=3000", "--seed", "9", "--json").out());
        ((com.fasterxml.jackson.databind.node.ObjectNode) a).remove("elapsedMillis");
        ((com.fasterxml.jackson.databind.node.ObjectNode) b).remove("elapsedMillis");
        assertEquals(a, b);
    }

    @Test
    void writesATraceAndAPerfettoFile() {
        Path trace = dir.resolve("run.trace");
        Path perfetto = dir.resolve("run.json");
        Result r = cli("run", "balance", "-p", "lock=on", "-p", "iterations=500", "--trace", trace.toString(),
                "--perfetto", perfetto.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.isRegularFile(trace) && Files.isRegularFile(perfetto));
    }

    @Test
    void aDeadlockExitsWithThree() throws Exception {
        Result r = cli("run", "deadlock", "--json");
        assertEquals(3, r.code(), r.err());
        JsonNode d = new ObjectMapper().readTree(r.out()).get("deadlock");
        assertTrue(d.get("cycle").asBoolean());
        assertEquals(2, d.get("threads").size());
        assertEquals(0, cli("run", "deadlock", "-p", "ordered=on").code());
    }

    @Test
    void badInputGetsOneLineAndExitTwo() {
        oneCleanLine(cli("run", "nosuch"), "unknown scenario 'nosuch'; accepted: hello-threads, daemon");
        oneCleanLine(cli("run", "balance", "-p", "speed=3"), "unknown parameter 'speed' for balance; accepted:");
        oneCleanLine(cli("run", "balance", "-p", "iterations=-4"), "iterations must be an integer from 1 to");
        oneCleanLine(cli("run", "balance", "-p", "iterations=lots"), "got 'lots'");
        oneCleanLine(cli("run", "balance", "--mode", "turbo"), "expected sim, cooperative or os, got 'turbo'");
        oneCleanLine(cli("run", "balance", "--cores", "0"), "cores must be between 1 and 16");
        oneCleanLine(cli("run", "balance", "--quantum", "x"), "--quantum");
        oneCleanLine(cli("run", "balance", "--trace", "/nonexistent/dir/run.trace"), "does not exist");
        oneCleanLine(cli("frobnicate"), "frobnicate");
        oneCleanLine(cli("run"), "SCENARIO");
        oneCleanLine(cli("run", "balance", "--timeout", "0"), "--timeout must be at least 1 (seconds), not 0");
        oneCleanLine(cli("run", System.getProperty("java.io.tmpdir")), "is a folder; give a Python program in it");
    }

    /** --python naming something that is not Python says so, not what that program said of our files. */
    @Test
    void aPythonThatIsNotPythonIsNamed() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isExecutable(java.nio.file.Path.of("/bin/ls")),
                "SKIPPED: no /bin/ls to stand for a program that is not Python (not a POSIX system)");
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("notpython");
        java.nio.file.Path program = java.nio.file.Files.writeString(dir.resolve("hello.py"), "print('hi')\n");
        Result r = cli("run", program.toString(), "--python", "/bin/ls");
        oneCleanLine(r, "/bin/ls is not Python 3.8 or newer: give --python the path of a python3");
        assertFalse(r.err().contains("interleave_prepare"), r.err());
    }

    /** os mode runs on the machine's cores: a --cores given with it is named as not applying, and the run goes on. */
    @Test
    void coresInOsModeAreNamedAsNotApplying() {
        Result r = cli("run", "hello-threads", "--mode", "os", "--cores", "4");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("--cores is for sim and cooperative mode; os mode runs on the machine's own cores"),
                r.err());
        assertTrue(r.out().contains("\ncontext switches: – (the system's own, not seen in os mode)"),
                "not 0: the system switched threads unseen: " + r.out());
    }

    @Test
    void osModeRunsToo() throws Exception {
        Result r = cli("run", "balance", "--mode", "os", "-p", "lock=on", "-p", "iterations=2000", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("os", j.get("mode").asText());
        assertEquals(0, j.get("result").get("balance").asInt());
    }
}
