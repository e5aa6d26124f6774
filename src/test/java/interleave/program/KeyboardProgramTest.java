package interleave.program;

import interleave.engine.Mode;
import interleave.engine.RunControl;
import interleave.engine.RunOutcome;
import interleave.engine.RunSettings;
import interleave.scenario.ScenarioRun;
import interleave.trace.EventKind;
import interleave.trace.Trace;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static interleave.trace.TraceCounts.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tutorial's Event gate, verbatim (Python 2, raw_input), with a user at the keyboard, in every mode: the ten
 * threads wait at the gate while MainThread waits for the line, and the line typed opens it.
 */
class KeyboardProgramTest {
    @BeforeAll
    static void needsPython() {
        Assumptions.assumeTrue(PythonProgram.findPython() != null,
                "SKIPPED: no python3 (3.8+) on the PATH (.ci/run installs it)");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void theLineTypedOpensTheGate(Mode mode) throws Exception {
        Path gate = Path.of(KeyboardProgramTest.class.getResource("/interleave/tutorials/event_gate.py").toURI());
        PythonProgram p = PythonProgram.load(gate, null);
        ScenarioRun r = ScenarioRun.start(p, Map.of(), RunSettings.DEFAULT.withMode(mode),
                new RunControl(false, false, true));
        Trace t = r.trace();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (count(t, EventKind.INPUT_WAIT) == 0 && !r.done()) {
            assertTrue(System.nanoTime() < end, "the program never asked");
            Thread.sleep(5);
        }
        assertEquals(1, count(t, EventKind.INPUT_WAIT), "MainThread asks: " + r.outcome());
        r.kernel().typeLine("true");
        RunOutcome o = r.kernel().awaitOutcome(30_000);
        assertNotNull(o);
        assertEquals(RunOutcome.Status.FINISHED, o.status(), o.toString());
        assertTrue(r.kernel().awaitTermination(10_000));
        @SuppressWarnings("unchecked")
        List<String> out = (List<String>) r.result().get("output");
        assertEquals(10, out.stream().filter("execute"::equals).count(), "every thread passed the gate: " + out);
        assertTrue(out.contains("input:true"), out.toString());
    }
}
