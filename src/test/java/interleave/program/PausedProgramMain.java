package interleave.program;

import interleave.engine.RunControl;
import interleave.engine.RunSettings;
import interleave.scenario.ScenarioRun;

import java.nio.file.Path;
import java.util.Map;

/** For {@link PythonProgramTest}: a JVM that starts a program run, steps it a little, pauses it and waits to be killed. */
public final class PausedProgramMain {
    private PausedProgramMain() {
    }

    public static void main(String[] args) throws Exception {
        RunControl control = new RunControl(true, true);
        ScenarioRun.start(PythonProgram.load(Path.of(args[0]), null), Map.of(), RunSettings.DEFAULT, control);
        for (int i = 0; i < 20; i++) {
            control.step();
            Thread.sleep(20);
        }
        Thread.sleep(Long.MAX_VALUE); // paused: every Python thread waits for an answer
    }
}
