package interleave.app.result;

import interleave.engine.Kernel;
import interleave.engine.RunControl;
import interleave.engine.RunSettings;
import interleave.engine.SharedInt;
import interleave.trace.EventKind;
import interleave.trace.Trace;
import interleave.trace.TraceAnalyzer;
import interleave.trace.TraceHeader;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Looking back at a teacher's program, the result shows the lines printed and the values as they were then. */
class ResultAtMomentTest {
    @Test
    void thePastShowsTheLinesPrintedAndTheValuesThen() throws Exception {
        Trace trace = new Trace(new TraceHeader("test", "sim", 1, 5, "rr", 0, Map.of(), "tick"));
        Kernel k = Kernel.create(trace, RunSettings.DEFAULT, RunControl.headless());
        k.start(() -> {
            SharedInt balance = k.sharedInt("balance", 0);
            balance.write(5);
            k.print("first");
            balance.write(8);
            k.print("second\nthird");
        });
        assertNotNull(k.awaitOutcome(20_000));
        Map<String, Object> live = new LinkedHashMap<>();
        live.put("balance", 8);
        live.put("lines", 3);
        live.put("printed", "third");
        live.put("output", List.of("first", "second", "third"));
        long firstPrint = -1;
        for (long i = 0; i < trace.size() && firstPrint < 0; i++) {
            firstPrint = trace.kind(i) == EventKind.PRINT ? i : -1;
        }
        TraceAnalyzer then = new TraceAnalyzer(trace);
        then.update(firstPrint + 1); // the moment just after the first line was printed
        Map<String, Object> shown = ResultViewModel.atMoment(live, then);
        assertEquals(5, shown.get("balance"));
        assertEquals(1, shown.get("lines"));
        assertEquals("first", shown.get("printed"));
        assertEquals(List.of("first"), shown.get("output"));
        TraceAnalyzer end = new TraceAnalyzer(trace);
        end.update();
        assertEquals(live, ResultViewModel.atMoment(live, end), "at the end: the live result, line for line");
        Map<String, Object> demo = Map.of("expected", 0, "actual", 3);
        assertSame(demo, ResultViewModel.atMoment(demo, then), "a demo's result is left to its own figures");
    }

    /**
     * What the program wrote to stderr itself (logging's lines) shows as it was then; before the first such line
     * there is none, and an uncaught exception's traceback, which is not in the trace, belongs to the end.
     */
    @Test
    void thePastShowsWhatTheProgramHadWrittenToStderrThen() throws Exception {
        Trace trace = new Trace(new TraceHeader("test", "sim", 1, 5, "rr", 0, Map.of(), "tick"));
        Kernel k = Kernel.create(trace, RunSettings.DEFAULT, RunControl.headless());
        k.start(() -> {
            k.print("out");
            k.writeStderr("(worker) starting");
            k.writeStderr("(worker) two\n(worker) lines");
        });
        assertNotNull(k.awaitOutcome(20_000));
        Map<String, Object> live = new LinkedHashMap<>();
        live.put("lines", 1);
        live.put("printed", "out");
        live.put("output", List.of("out"));
        live.put("stderr", List.of("(worker) starting", "(worker) two", "(worker) lines", "Traceback ..."));
        List<Long> writes = new java.util.ArrayList<>();
        for (long i = 0; i < trace.size(); i++) {
            if (trace.kind(i) == EventKind.STDERR) {
                writes.add(i);
            }
        }
        assertEquals(2, writes.size());
        TraceAnalyzer before = new TraceAnalyzer(trace);
        before.update(writes.get(0));
        assertEquals(null, ResultViewModel.atMoment(live, before).get("stderr"), "nothing written yet");
        TraceAnalyzer between = new TraceAnalyzer(trace);
        between.update(writes.get(0) + 1);
        assertEquals(List.of("(worker) starting"), ResultViewModel.atMoment(live, between).get("stderr"));
        TraceAnalyzer after = new TraceAnalyzer(trace);
        after.update(writes.get(1) + 1);
        assertEquals(List.of("(worker) starting", "(worker) two", "(worker) lines"),
                ResultViewModel.atMoment(live, after).get("stderr"));
    }
}
