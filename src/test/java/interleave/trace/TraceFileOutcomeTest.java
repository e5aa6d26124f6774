package interleave.trace;

import interleave.engine.RunSettings;
import interleave.scenario.Params;
import interleave.scenario.Scenario;
import interleave.scenario.ScenarioRun;
import interleave.scenario.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The run's outcome travels in the header; files without it (older ones) still load. */
class TraceFileOutcomeTest {
    @TempDir
    Path dir;

    private static ScenarioRun balance() throws Exception {
        Scenario s = Scenarios.byId("balance").orElseThrow();
        return ScenarioRun.runToEnd(s, Params.resolve(s, Map.of("iterations", "500", "lock", "off")),
                RunSettings.DEFAULT);
    }

    @Test
    void theOutcomeIsWrittenAndReadBack() throws Exception {
        ScenarioRun run = balance();
        Path f = dir.resolve("run.trace");
        TraceFiles.write(run.trace(), f, run.record());
        LoadedTrace back = TraceFiles.load(f);
        assertEquals("finished", back.outcome().status());
        assertEquals(run.result().keySet(), back.outcome().result().keySet());
        assertEquals(String.valueOf(run.result()), String.valueOf(back.outcome().result()));
        assertEquals(f, back.source());
        // the same run writes the same bytes, outcome included
        Path again = dir.resolve("again.trace");
        TraceFiles.write(back.trace(), again, back.outcome());
        assertEquals(Files.readString(f), Files.readString(again));
    }

    @Test
    void aFileWithoutAnOutcomeStillLoads() throws Exception {
        ScenarioRun run = balance();
        Path f = dir.resolve("old.trace");
        TraceFiles.write(run.trace(), f);
        assertTrue(Files.readString(f).lines().findFirst().orElseThrow().contains("\"events\""));
        LoadedTrace back = TraceFiles.load(f);
        assertNull(back.outcome());
        assertEquals(run.trace().size(), back.trace().size());
    }

    @Test
    void problemsAreClassifiedForTheApp() throws Exception {
        ScenarioRun run = balance();
        Path f = dir.resolve("run.trace");
        TraceFiles.write(run.trace(), f, run.record());
        String text = Files.readString(f);
        Path cut = Files.writeString(dir.resolve("cut.trace"), text.substring(0, text.length() - 7));
        TraceFormatException e = assertThrows(TraceFormatException.class, () -> TraceFiles.load(cut));
        assertEquals(TraceFormatException.Problem.TRUNCATED, e.problem(), e.getMessage());
        Path foreign = Files.writeString(dir.resolve("f.trace"), "hello\n");
        assertEquals(TraceFormatException.Problem.FOREIGN,
                assertThrows(TraceFormatException.class, () -> TraceFiles.load(foreign)).problem());
        Path damaged = Files.writeString(dir.resolve("d.trace"), text.replaceFirst("\n\\[", "\n[\"x\","));
        TraceFormatException d = assertThrows(TraceFormatException.class, () -> TraceFiles.load(damaged));
        assertEquals(TraceFormatException.Problem.DAMAGED, d.problem());
        assertEquals(2, d.line());
        assertEquals(TraceFormatException.Problem.MISSING,
                assertThrows(TraceFormatException.class, () -> TraceFiles.load(dir.resolve("nope"))).problem());
    }
}
