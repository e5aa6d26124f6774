package interleave.cli;

import interleave.engine.Mode;
import interleave.scenario.Params;
import interleave.scenario.Scenario;
import interleave.scenario.ScenarioRun;
import interleave.scenario.Scenarios;
import interleave.trace.Trace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command line always ends cleanly: a run too big for the heap is stopped with what it recorded (never an
 * OutOfMemoryError), and SIGTERM or Ctrl-C (SIGINT) end a long run within a second.
 */
class EndingCleanlyTest {

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aRunThatReachesTheTraceLimitIsStoppedKeepingWhatItRecorded(Mode mode) throws Exception {
        Scenario s = Scenarios.byId("balance").orElseThrow();
        ScenarioRun run = ScenarioRun.start(s, Params.resolve(s, Map.of("iterations", "10000000")),
                s.defaultSettings().withMode(mode), interleave.engine.RunControl.headless());
        run.trace().limitEvents(200_000);
        assertTrue(run.kernel().awaitOutcome(60_000) != null, "the run ended");
        assertTrue(run.kernel().awaitTermination(10_000), "every worker thread ended");
        assertTrue(run.kernel().stoppedForMemory());
        assertEquals(interleave.engine.RunOutcome.Status.STOPPED, run.outcome().status());
        assertTrue(run.trace().size() >= 200_000 && run.trace().size() < 200_000 + 2 * 32_768, "size " + run.trace().size());
    }

    @Test
    void theCommandLineSaysSoInOneLineAndExitsWith2UnderASmallHeap() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Xmx96m", "-cp", System.getProperty("java.class.path"),
                "interleave.Main", "run", "balance", "--param", "iterations=10000000", "--json"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the command ended");
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(2, p.exitValue(), err);
        assertFalse(err.contains("OutOfMemoryError") || err.contains("Exception"), err);
        assertEquals(1, err.lines().filter(l -> l.startsWith("interleave:")).count(), err);
        assertTrue(err.contains("stopped after") && err.contains("java -Xmx2g -jar"), "twice 96 MB, at least 2 GB: " + err);
        assertTrue(err.contains("A program that never ends stops here"), err);
    }

    /** The trace and its analysis take about 20 bytes an event, so ten million events fit in a 256 MB heap. */
    @Test
    void tenMillionEventsFitInA256MegabyteHeap() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "interleave.Main", "run", "balance", "--param", "iterations=720000", "--param", "lock=on",
                "--json")).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the command ended");
        assertEquals(0, p.exitValue(), out);
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out);
        assertEquals("finished", json.get("status").asText());
        assertTrue(json.get("events").asLong() >= 10_000_000, "events " + json.get("events"));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"TERM", "INT"})
    // No code of ours handles signals: this guards the requirement against a future shutdown hook or a worker
    // that would hold the JVM up (after an OutOfMemoryError the old CLI ignored SIGTERM)
    void aSignalEndsALongRun(String signal) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(!System.getProperty("os.name").startsWith("Windows"),
                "SKIPPED: signals are a POSIX matter");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "interleave.Main", "run", "balance", "--param", "iterations=10000000"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        Thread.sleep(1500); // well into the run
        assertTrue(p.isAlive(), "still running when the signal comes");
        new ProcessBuilder("kill", "-" + signal, String.valueOf(p.pid())).start().waitFor();
        long t0 = System.nanoTime();
        boolean ended = p.waitFor(5, TimeUnit.SECONDS);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        if (!ended) {
            p.destroyForcibly();
        }
        assertTrue(ended, "SIG" + signal + " ended the command within 5 s");
        // the figure is printed, not held to a tight bound: the machine may be busy
        System.out.println("SIG" + signal + " ended the run in " + millis + " ms");
    }
}
