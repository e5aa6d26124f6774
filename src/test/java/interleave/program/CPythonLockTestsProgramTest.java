package interleave.program;

import interleave.engine.Mode;
import interleave.engine.RunOutcome;
import interleave.engine.RunSettings;
import interleave.scenario.ScenarioRun;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CPython's own tests of its locks (Lib/test/lock_tests.py of the python3 that runs them, wired as
 * test_threading.py wires them) run as a program under the scheduler, in every mode: each test ends as it does
 * under CPython, and unittest's report is CPython's, line for line.
 */
class CPythonLockTestsProgramTest {
    @BeforeAll
    static void needsCPythonsTests() {
        Assumptions.assumeTrue(PythonProgram.findPython() != null,
                "SKIPPED: no python3 (3.8+) on the PATH, so no Python program can run (.ci/run installs it)");
        Assumptions.assumeTrue(PythonVersions.hasCPythonsLockTests(), "SKIPPED: this python3 has no test package "
                + "(CPython's own tests; Debian packs them as libpython3.X-testsuite, which .ci/run installs)");
    }

    @Test
    void cpythonsLockTestsPassUnderTheSchedulerAsUnderCPython() throws Exception {
        Path program = Path.of(getClass().getResource("/interleave/cpython/lock_tests.py").toURI());
        Path cpythonsReport = Files.createTempFile("lock_tests", ".txt");
        try {
            // CPython's run takes seconds of real sleeps: it goes on while ours run
            Process cpython = new ProcessBuilder(PythonProgram.findPython(), program.toString())
                    .redirectErrorStream(true).redirectOutput(cpythonsReport.toFile()).start();
            List<RunSettings> modes = List.of(RunSettings.DEFAULT, RunSettings.DEFAULT.withSeed(1),
                    RunSettings.DEFAULT.withMode(Mode.COOPERATIVE), RunSettings.DEFAULT.withMode(Mode.OS));
            Map<RunSettings, List<String>> reports = new java.util.LinkedHashMap<>();
            for (RunSettings settings : modes) {
                ScenarioRun r = ScenarioRun.runToEnd(PythonProgram.load(program, null), Map.of(), settings);
                assertTrue(r.kernel().awaitTermination(10_000), "every worker ended");
                assertEquals(RunOutcome.Status.FINISHED, r.kernel().outcomeNow().status(), settings.toString());
                assertEquals(List.of(), r.kernel().outcomeNow().errors(), settings.toString());
                @SuppressWarnings("unchecked")
                List<String> stderr = (List<String>) r.result().getOrDefault("stderr", List.of());
                reports.put(settings, stderr);
            }
            assertEquals(0, cpython.waitFor());
            List<String> expected = untimed(Files.readString(cpythonsReport, StandardCharsets.UTF_8).lines().toList());
            assertTrue(expected.contains("OK (skipped=2)"), "under CPython itself: " + expected);
            assertTrue(expected.stream().filter(line -> line.endsWith(" ... ok")).count() > 90,
                    "CPython's lock tests, about a hundred of them: " + expected);
            reports.forEach((settings, ours) -> assertEquals(expected, untimed(ours), settings.toString()));
        } finally {
            Files.deleteIfExists(cpythonsReport);
        }
    }

    /** The report without the time the tests took ("Ran 103 tests in 6.742s"), the one line that may differ. */
    private static List<String> untimed(List<String> report) {
        return report.stream().map(line -> line.replaceFirst("^(Ran \\d+ tests?) in [0-9.]+s$", "$1")).toList();
    }
}
