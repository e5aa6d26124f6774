package interleave.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import interleave.engine.RunSettings;
import interleave.scenario.Params;
import interleave.scenario.Scenario;
import interleave.scenario.ScenarioRun;
import interleave.scenario.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TraceFilesTest {
    @TempDir
    Path dir;

    private static Trace balanceTrace(String lock) throws Exception {
        Scenario s = Scenarios.byId("balance").orElseThrow();
        return ScenarioRun.runToEnd(s, Params.resolve(s, Map.of("iterations", "2000", "lock", lock)),
                RunSettings.DEFAULT).trace();
    }

    @Test
    void aTraceFileLoadsBackToTheSameEventsAndBytes() throws Exception {
        Trace t = balanceTrace("off");
        Path f = dir.resolve("run.trace");
        TraceFiles.write(t, f);
        Trace back = TraceFiles.read(f);
        assertEquals(t.size(), back.size());
        for (long i = 0; i < t.size(); i++) {
            assertEquals(t.event(i), back.event(i));
        }
        assertEquals(t.header(), back.header());
        assertEquals(t.threads(), back.threads());
        assertEquals(t.objects(), back.objects());
        StringWriter again = new StringWriter();
        TraceFiles.write(back, again);
        assertEquals(Files.readString(f), again.toString());
        // what is derived from it is the same too
        TraceAnalyzer a = new TraceAnalyzer(t);
        TraceAnalyzer b = new TraceAnalyzer(back);
        a.update();
        b.update();
        assertEquals(a.lostUpdates(), b.lostUpdates());
        assertEquals(a.switches(), b.switches());
    }

    @Test
    void badFilesGetAMessageNamingTheLineAndTheProblem() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.trace"), "");
        assertTrue(assertThrows(TraceFormatException.class, () -> TraceFiles.read(empty)).getMessage()
                .contains("the file is empty"));
        Path notOurs = Files.writeString(dir.resolve("x.trace"), "{\"hello\": 1}\n");
        assertTrue(assertThrows(TraceFormatException.class, () -> TraceFiles.read(notOurs)).getMessage()
                .contains("line 1: not an Interleave trace"));
        Path t = dir.resolve("good.trace");
        TraceFiles.write(balanceTrace("on"), t);
        String text = Files.readString(t);
        Path broken = Files.writeString(dir.resolve("broken.trace"), text.replaceFirst("\n\\[", "\n[\"x\","));
        String msg = assertThrows(TraceFormatException.class, () -> TraceFiles.read(broken)).getMessage();
        assertTrue(msg.contains("line 2:"), msg);
        assertTrue(assertThrows(TraceFormatException.class, () -> TraceFiles.read(dir.resolve("missing.trace")))
                .getMessage().contains("no such file"));
    }

    @Test
    void thePerfettoJsonIsWellFormedWithTracksSlicesAndFlows() throws Exception {
        Path f = dir.resolve("run.json");
        PerfettoExporter.write(balanceTrace("on"), f);
        JsonNode root = new ObjectMapper().readTree(f.toFile());
        JsonNode events = root.get("traceEvents");
        assertTrue(events.isArray() && events.size() > 100);
        int names = 0;
        int slices = 0;
        int flowStarts = 0;
        int flowEnds = 0;
        for (JsonNode e : events) {
            String ph = e.get("ph").asText();
            assertTrue(e.has("pid") && e.has("name"), e.toString());
            switch (ph) {
                case "M" -> names++;
                case "X" -> {
                    slices++;
                    assertTrue(e.get("dur").asDouble() >= 0);
                    assertTrue(e.get("ts").isNumber());
                }
                case "s" -> flowStarts++;
                case "f" -> flowEnds++;
                case "i" -> assertTrue(e.get("ts").isNumber());
                default -> throw new AssertionError("unexpected phase " + ph);
            }
        }
        assertTrue(names >= 5, "process and thread names");
        assertTrue(slices > 10);
        assertTrue(flowStarts > 0, "flow arrows from releaser to woken thread");
        assertEquals(flowStarts, flowEnds);
    }
}
