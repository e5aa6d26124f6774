package interleave.app.session;

import interleave.program.PythonProgram;
import interleave.trace.EventKind;
import interleave.trace.Trace;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tutorial's Event gate in the window: its raw_input() asks the teacher (the keyboard bar), the other threads
 * wait at the gate meanwhile, and what the teacher types decides the end. Answered "true", every thread passes;
 * answered anything else, the threads wait on a gate nobody can open any more, and the run ends and says why
 * instead of "running" for ever.
 */
class StuckProgramTest {
    private RunSession session;
    private Pulses pulses;

    @BeforeEach
    void open() throws Exception {
        Assumptions.assumeTrue(PythonProgram.findPython() != null,
                "SKIPPED: no python3 on the PATH (.ci/run installs it)");
        Path gate = Path.of(StuckProgramTest.class.getResource("/interleave/tutorials/event_gate.py").toURI());
        PythonProgram program = PythonProgram.load(gate, null);
        session = new RunSession();
        pulses = new Pulses(session);
        session.prepare(program, Map.of(), program.defaultSettings());
        session.setSpeed(1000);
        session.play();
    }

    private List<String> printed() {
        Trace t = session.trace();
        List<String> out = new ArrayList<>();
        for (long i = 0; i < t.size(); i++) {
            if (t.kind(i) == EventKind.PRINT) {
                out.add(t.string(t.value(i)));
            }
        }
        return out;
    }

    @Test
    void theProgramAsksTheTeacherAndTrueOpensTheGate() throws Exception {
        pulses.until(() -> session.shown().keyboardAwaited());
        assertEquals(RunSession.Status.WAITING, session.status(), "every thread waits: for the gate, for the teacher");
        Trace t = session.trace();
        long asked = session.shown().keyboardRequest();
        assertEquals("MainThread", t.thread(t.thread(asked)).name());
        assertEquals("input:", t.string(t.value(asked)));
        session.typeLine("true");
        pulses.until(() -> session.status() == RunSession.Status.FINISHED);
        assertEquals(10, printed().stream().filter("execute"::equals).count(), "every thread passed the gate");
        assertTrue(printed().contains("input:true"), "the prompt and the answer, as a terminal shows them");
    }

    @Test
    void anyOtherAnswerLeavesTheGateShutAndTheRunSaysSo() throws Exception {
        pulses.until(() -> session.shown().keyboardAwaited());
        session.typeLine("no");
        pulses.until(() -> session.status() == RunSession.Status.DEADLOCK);
        assertEquals(0, printed().stream().filter("execute"::equals).count());
        session.stop();
    }
}
