package interleave.program;

import interleave.engine.Mode;
import interleave.engine.RunOutcome;
import interleave.engine.RunSettings;
import interleave.scenario.ScenarioRun;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CPython's own tests of its locks (Lib/test/lock_tests.py of the python3 that runs them, wired as
 * test_threading.py wires them) and of threading.local (test_threading_local.py's), run as programs under the
 * scheduler, in every mode: each test ends as it does under CPython, and unittest's report is CPython's, line for
 * line.
 */
class CPythonTestsProgramTest {
    @BeforeAll
    static void needsCPythonsTests() {
        Assumptions.assumeTrue(PythonProgram.findPython() != null,
                "SKIPPED: no python3 (3.8+) on the PATH, so no Python program can run (.ci/run installs it)");
        Assumptions.assumeTrue(PythonVersions.hasCPythonsTests(), "SKIPPED: this python3 has no test package "
                + "(CPython's own tests; Debian packs them as libpython3.X-testsuite, which .ci/run installs)");
    }

    @ParameterizedTest
    @CsvSource({"lock_tests.py, 2, 90", "threading_local_tests.py, 0, 9"})
    void cpythonsTestsPassUnderTheSchedulerAsUnderCPython(String name, int skipped, int atLeast) throws Exception {
        Path program = Path.of(getClass().getResource("/interleave/cpython/" + name).toURI());
        Path cpythonsReport = Files.createTempFile("cpython-tests", ".txt");
        try {
            // CPython's run takes seconds of real sleeps: it goes on while ours run
            Process cpython = new ProcessBuilder(PythonProgram.findPython(), program.toString())
                    .redirectErrorStream(true).redirectOutput(cpythonsReport.toFile()).start();
            // (one seed: what a report says cannot depend on it, and the suite's time is counted)
            List<RunSettings> modes = List.of(RunSettings.DEFAULT, RunSettings.DEFAULT.withMode(Mode.COOPERATIVE),
                    RunSettings.DEFAULT.withMode(Mode.OS));
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
            assertTrue(expected.contains(skipped == 0 ? "OK" : "OK (skipped=" + skipped + ")"),
                    "under CPython itself: " + expected);
            assertTrue(expected.stream().filter(line -> line.endsWith(" ... ok")).count() >= atLeast,
                    "CPython's tests, " + atLeast + " or more of them: " + expected);
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
