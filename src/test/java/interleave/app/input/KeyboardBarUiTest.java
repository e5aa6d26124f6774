package interleave.app.input;

import static interleave.app.UiTestSupport.node;
import static interleave.app.UiTestSupport.onFx;
import static interleave.app.UiTestSupport.settle;
import static interleave.app.UiTestSupport.text;

import interleave.app.InterleaveApp;
import interleave.app.SandboxedApp;
import interleave.app.files.TraceFileActions;
import interleave.program.PythonProgram;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A program's input() asks in the keyboard bar; the line typed there is the line it reads. Headless. */
@ExtendWith(ApplicationExtension.class)
class KeyboardBarUiTest {
    @TempDir
    static Path dir;
    private InterleaveApp app;

    @Start
    void start(Stage stage) {
        app = SandboxedApp.start(stage, dir);
    }

    @AfterEach
    void stop() throws Exception {
        SandboxedApp.stop(app, () -> { });
    }

    @Test
    void theProgramAsksInTheBarAndReadsTheLineTypedThere(FxRobot robot) throws Exception {
        Assumptions.assumeTrue(PythonProgram.findPython() != null,
                "SKIPPED: no python3 on the PATH (.ci/run installs it)");
        Node bar = node(robot, "#keyboardBar");
        assertFalse(bar.isVisible(), "nobody asks yet");
        Path asks = Files.writeString(dir.resolve("asks.py"), """
                import threading
                name = input("name? ")
                t = threading.Thread(target=lambda: print("hello", name))
                t.start()
                t.join()
                name = input()
                print("bye", name)
                try:
                    input("more? ")
                except EOFError:
                    print("no more")
                """);
        assertTrue(onFx(() -> new TraceFileActions(app.model()).open(asks)));
        settle();
        robot.clickOn("#runToEndButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, bar::isVisible);
        settle();
        assertEquals("MainThread asks: name?", ((Label) node(robot, "#keyboardBar .keyboard-question")).getText());
        TextField line = node(robot, "#keyboardLine");
        assertTrue(line.isFocused(), "the field takes the keyboard when the program asks");
        robot.write("Ada");
        assertEquals("waiting for you", text(robot, "#statusLabel"));
        robot.type(KeyCode.PAGE_DOWN); // the clicker's "next step" still reaches the transport from the field
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#statusLabel").equals("paused"));
        assertEquals("Ada", line.getText(), "and the field keeps what was typed");
        robot.clickOn(line).type(KeyCode.ENTER);
        robot.clickOn("#playButton");
        // the second input() has no prompt: the bar says who waits
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> bar.isVisible()
                && text(robot, "#keyboardBar .keyboard-question").startsWith("MainThread waits for you to type"));
        settle();
        robot.clickOn(line).write("Bob");
        robot.clickOn("#keyboardSend");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> bar.isVisible()
                && text(robot, "#keyboardBar .keyboard-question").equals("MainThread asks: more?"));
        settle();
        robot.clickOn(line).press(KeyCode.CONTROL).type(KeyCode.D).release(KeyCode.CONTROL); // end of input
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> text(robot, "#statusLabel").equals("finished"));
        settle();
        assertFalse(bar.isVisible(), "nobody asks any more");
        // the input ended at "more? " (no Enter): the next print goes on that line, as CPython's stdout has it
        assertEquals(java.util.List.of("name? Ada", "hello Ada", "Bob", "bye Bob", "more? no more"),
                app.model().session().result().get("output"), "each answer shows after its prompt, as in a terminal");
    }
}
