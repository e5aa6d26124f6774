package interleave.app.session;

import interleave.program.PythonProgram;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A teacher's program whose threads all wait for something nobody will do (the tutorial's Event gate, never
 * answered) is no longer "running" for ever in the window: it has no button that could free it, so the run ends
 * and says why, as the command line does.
 */
class StuckProgramTest {
    @Test
    void aGateNobodyOpensEndsTheRunInTheWindowToo() throws Exception {
        Assumptions.assumeTrue(PythonProgram.findPython() != null,
                "SKIPPED: no python3 on the PATH (.ci/run installs it)");
        Path gate = Path.of(StuckProgramTest.class.getResource("/interleave/tutorials/event_gate.py").toURI());
        PythonProgram program = PythonProgram.load(gate, null);
        RunSession session = new RunSession();
        session.prepare(program, Map.of(), program.defaultSettings());
        session.setSpeed(1000);
        session.play();
        long now = 1;
        for (int pulse = 0; pulse < 20_000 && session.status() != RunSession.Status.DEADLOCK
                && session.status() != RunSession.Status.FINISHED; pulse++) {
            now += 100_000_000L;
            session.pulse(now);
            Thread.sleep(1);
        }
        assertEquals(RunSession.Status.DEADLOCK, session.status(), "ten threads wait on a gate nobody can open");
        session.stop();
    }
}
