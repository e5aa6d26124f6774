package interleave.app.session;

import interleave.program.PythonProgram;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A line typed at the keyboard is part of the run's story: stepping back to the moment the program asked and typing
 * something else starts a branch, which replays the run to there (and the lines typed before it) and then reads
 * the new line.
 */
class KeyboardBranchTest {
    @TempDir
    Path dir;
    private final RunSession session = new RunSession();
    private final Pulses pulses = new Pulses(session);

    @Test
    void typingAnotherLineInThePastBranchesFromThere() throws Exception {
        Assumptions.assumeTrue(PythonProgram.findPython() != null,
                "SKIPPED: no python3 on the PATH (.ci/run installs it)");
        Path file = Files.writeString(dir.resolve("two_questions.py"), """
                import threading
                first = input("first? ")
                second = input("second? ")
                t = threading.Thread(target=lambda: print(first, second))
                t.start()
                t.join()
                """);
        PythonProgram program = PythonProgram.load(file, null);
        session.prepare(program, Map.of(), program.defaultSettings());
        session.setSpeed(Double.POSITIVE_INFINITY);
        session.play();
        pulses.until(() -> session.shown() != null && session.shown().keyboardAwaited());
        session.typeLine("red");
        pulses.until(() -> session.shown().keyboardAwaited()
                && session.trace().string(session.trace().value(session.shown().keyboardRequest())).equals("second? "));
        session.typeLine("green");
        pulses.until(() -> session.status() == RunSession.Status.FINISHED);
        assertEquals("red green", session.result().get("printed"));

        // back to the moment the second question was asked, and another answer
        while (!(session.shown().keyboardRequestToRetype() >= 0 && session.trace().string(
                session.trace().value(session.shown().keyboardRequestToRetype())).equals("second? "))) {
            assertTrue(session.stepBack(), "the second question is in the run's past");
        }
        session.typeLine("blue");
        assertEquals(RunSession.Status.REPLAYING, session.status());
        pulses.until(() -> session.status() != RunSession.Status.REPLAYING);
        assertEquals(RunSession.Status.PAUSED, session.status(), "as after any change in the past: paused there");
        assertFalse(session.shown().keyboardAwaited(), "the line typed answers the question: the bar closes");
        assertTrue(session.shown().firstKeyboardRequest() >= 0, "though MainThread has not read it yet");
        session.play();
        pulses.until(() -> session.status() == RunSession.Status.FINISHED);
        assertEquals("red blue", session.result().get("printed"), "the first answer replayed, the second is new");
        assertEquals(List.of("first? red", "second? blue", "red blue"), session.result().get("output"));
    }
}
