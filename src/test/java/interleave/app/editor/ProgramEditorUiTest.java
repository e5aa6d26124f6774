package interleave.app.editor;

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
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The editor of the user's own program, headless: open a .py, edit it, save it (button and Ctrl+S), Save and run
 * (the code view and the run follow the new code), a syntax error marked on its line, unsaved edits never lost.
 */
@ExtendWith(ApplicationExtension.class)
class ProgramEditorUiTest {
    static final String PROGRAM = """
            import threading
            count = 0


            def work():
                global count
                for i in range(3):
                    count += 1


            t = threading.Thread(target=work)
            t.start()
            t.join()
            print("count", count)
            """;
    @TempDir
    static Path dir;
    private InterleaveApp app;
    private Path program;

    @Start
    void start(Stage stage) {
        app = SandboxedApp.start(stage, dir);
    }

    @BeforeEach
    void needsPython() throws Exception {
        Assumptions.assumeTrue(PythonProgram.findPython() != null,
                "SKIPPED: no python3 (3.8+) on the PATH (.ci/run installs it)");
        program = Files.writeString(dir.resolve("count.py"), PROGRAM, StandardCharsets.UTF_8);
    }

    @AfterEach
    void stop() throws Exception {
        // the next test's window must not ask about this one's edits
        SandboxedApp.stop(app, () -> app.model().editor().close());
    }

    private void openProgram(FxRobot robot) throws Exception {
        assertTrue(WaitForAsyncUtils.asyncFx(() -> new TraceFileActions(app.model()).open(program))
                .get(60, TimeUnit.SECONDS));
        settle();
    }

    private CodeArea area(FxRobot robot) {
        return node(robot, "#editorArea");
    }

    /** Replaces the editor's text as the user would by selecting all and typing (the area's own edit path). */
    private void type(FxRobot robot, String text) {
        robot.interact(() -> {
            area(robot).selectAll();
            area(robot).replaceSelection(text);
        });
    }

    private void runToEnd(FxRobot robot) throws Exception {
        robot.clickOn("#runToEndButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> text(robot, "#statusLabel").equals("finished"));
        settle();
    }

    @Test
    void editSaveAndRunRunsTheNewCodeAndTheCodeViewShowsIt(FxRobot robot) throws Exception {
        openProgram(robot);
        ToggleButton edit = node(robot, "#editToggle");
        assertTrue(edit.isVisible(), "a program of the user's can be edited");
        assertEquals("Edit", edit.getText());
        robot.clickOn(edit);
        settle();
        assertTrue(app.model().editor().editing());
        assertTrue(area(robot).isVisible());
        assertFalse(((Node) node(robot, "#codeList")).isVisible());
        assertEquals(PROGRAM, area(robot).getText(), "the file as it is on disk");
        assertEquals("Editing count.py", text(robot, "#codeTitle"));
        // colouring: 'def' is a keyword, 3 a number, the string a string
        int def = PROGRAM.indexOf("def");
        assertTrue(area(robot).getStyleOfChar(def + 1).contains(PythonSyntax.KEYWORD));
        assertTrue(area(robot).getStyleOfChar(PROGRAM.indexOf("3)")).contains(PythonSyntax.NUMBER));
        assertTrue(area(robot).getStyleOfChar(PROGRAM.indexOf("\"count\"") + 2).contains(PythonSyntax.STRING));

        // the user types: a real key goes into the program, not to the transport's shortcuts (R is Reset)
        robot.clickOn(area(robot));
        robot.interact(() -> area(robot).moveTo(area(robot).getLength()));
        robot.write("# R\n");
        settle();
        assertTrue(area(robot).getText().endsWith("# R\n"), area(robot).getText());
        assertTrue(app.model().editor().dirty());
        assertEquals("Editing count.py (unsaved)", text(robot, "#codeTitle"));
        assertEquals(PROGRAM, Files.readString(program), "the file changes only when the user saves");

        // Ctrl+S in the editor saves the program (the File menu's Ctrl+S would save a trace)
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        settle();
        assertEquals(PROGRAM + "# R\n", Files.readString(program));
        assertFalse(app.model().editor().dirty());

        type(robot, PROGRAM.replace("range(3)", "range(5)"));
        robot.clickOn("#editorSave");
        settle();
        assertTrue(Files.readString(program).contains("range(5)"));
        assertTrue(app.model().editor().editing(), "Save alone keeps editing");

        type(robot, PROGRAM.replace("range(3)", "range(7)"));
        robot.clickOn("#editorSaveRun");
        settle();
        assertFalse(app.model().editor().editing(), "the code view is back, with the code that runs");
        assertTrue(Files.readString(program).contains("range(7)"));
        String shown = app.model().session().scenario().python();
        assertTrue(shown.contains("range(7)"), shown);
        assertEquals(PROGRAM.strip().lines().count(), ((ListView<?>) node(robot, "#codeList")).getItems().size());
        assertSame(app.model().picker().selectedProperty().get(), app.model().session().scenario());
        runToEnd(robot);
        assertEquals("count 7", app.model().session().result().get("printed"), "the new code ran");
        assertEquals(program.toAbsolutePath(), app.model().recent().files().get(0));
    }

    @Test
    void aSyntaxErrorIsMarkedOnItsLineAndTheEditorStaysOpen(FxRobot robot) throws Exception {
        openProgram(robot);
        robot.clickOn("#editToggle");
        settle();
        String broken = PROGRAM.replace("for i in range(3):", "for i in range(3)"); // line 7: no colon
        type(robot, broken);
        robot.clickOn("#editorSaveRun");
        settle();
        assertTrue(app.model().editor().editing(), "the editor stays open on a program that cannot run");
        assertEquals(7, app.model().editor().errorLineProperty().get());
        Label error = node(robot, "#editorError");
        assertTrue(error.isVisible());
        assertTrue(error.getText().contains("line 7"), error.getText());
        assertTrue(error.getText().contains("SyntaxError"), error.getText());
        assertTrue(area(robot).getParagraph(6).getParagraphStyle().contains("error-line"), "the line is marked");
        assertFalse(area(robot).getParagraph(5).getParagraphStyle().contains("error-line"));
        Label marker = node(robot, "#editorErrorMarker");
        assertNotNull(marker, "a marker in the gutter");
        assertEquals(error.getText(), marker.getTooltip().getText(), "the marker says what the line under the editor says");
        assertEquals(6, area(robot).getCurrentParagraph(), "the caret goes to the line");
        assertEquals(broken, Files.readString(program), "saved: nothing typed is lost");
        assertTrue(app.model().session().scenario().python().contains("range(3):"),
                "the run keeps the code that ran before");

        type(robot, PROGRAM);
        robot.clickOn("#editorSaveRun");
        settle();
        assertFalse(app.model().editor().editing());
        assertEquals(0, app.model().editor().errorLineProperty().get());
        runToEnd(robot);
        assertEquals("count 3", app.model().session().result().get("printed"));
    }

    /** Another demo, or closing the editor, with unsaved edits: Save / Discard / Cancel, never a silent loss. */
    @Test
    void unsavedEditsAreNeverLostSilently(FxRobot robot) throws Exception {
        openProgram(robot);
        robot.clickOn("#editToggle");
        settle();
        type(robot, PROGRAM.replace("count = 0", "count = 10"));
        Object mine = app.model().picker().selectedProperty().get();

        robot.clickOn("Hello, threads"); // another demo in the picker
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#unsavedCancel").tryQuery().isPresent());
        assertTrue(robot.lookup("#unsavedDialog").queryAs(javafx.scene.control.DialogPane.class).getHeaderText()
                .contains("count.py"));
        robot.clickOn("#unsavedCancel");
        settle();
        assertSame(mine, app.model().picker().selectedProperty().get(), "Cancel: still on the program");
        assertTrue(app.model().editor().dirty(), "with the edits");
        assertTrue(area(robot).getText().contains("count = 10"));

        robot.clickOn("#editToggle"); // closing the editor asks too
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#unsavedSave").tryQuery().isPresent());
        robot.clickOn("#unsavedSave");
        settle();
        assertFalse(app.model().editor().editing());
        assertTrue(Files.readString(program).contains("count = 10"), "Save wrote the file");
        assertTrue(app.model().session().scenario().python().contains("count = 10"),
                "and the code view shows (and the run runs) the saved code");

        robot.clickOn("#editToggle");
        settle();
        type(robot, PROGRAM.replace("count = 0", "count = 20"));
        robot.clickOn("Hello, threads");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#unsavedDiscard").tryQuery().isPresent());
        robot.clickOn("#unsavedDiscard");
        settle();
        assertEquals("hello-threads", app.model().picker().selectedProperty().get().id());
        assertFalse(app.model().editor().editing());
        assertFalse(((ToggleButton) node(robot, "#editToggle")).isVisible(), "a demo is not edited");
        assertTrue(Files.readString(program).contains("count = 10"), "Discard left the file as saved");
        assertEquals(List.of(), robot.lookup("#unsavedDialog").queryAll().stream().toList());
    }

    /** File > Open of a program that does not parse: the editor opens on it with the line marked, to fix it there. */
    @Test
    void aProgramThatDoesNotParseOpensInTheEditorToBeFixed(FxRobot robot) throws Exception {
        Files.writeString(program, PROGRAM.replace("t.join()", "t.join("));
        assertFalse(WaitForAsyncUtils.asyncFx(() -> new TraceFileActions(app.model()).open(program))
                .get(60, TimeUnit.SECONDS));
        settle();
        assertTrue(app.model().messageProperty().get().startsWith("Cannot run count.py: SyntaxError"),
                app.model().messageProperty().get());
        assertTrue(area(robot).isVisible());
        int line = app.model().editor().errorLineProperty().get();
        assertTrue(line >= 13, String.valueOf(line));
        // the picker says so too, instead of the description of the demo selected before, which is not the choice
        assertNull(app.model().picker().selectedProperty().get(), "no demo pretends to be selected");
        assertTrue(node(robot, "#loadProblemBox").isVisible());
        assertFalse(node(robot, "#description").isVisible());
        assertEquals("Cannot run count.py", text(robot, "#loadProblemTitle"));
        assertTrue(text(robot, "#loadProblemDetail").startsWith("SyntaxError at line " + line + ": "),
                text(robot, "#loadProblemDetail"));
        assertTrue(area(robot).getParagraph(line - 1).getParagraphStyle().contains("error-line"));
        assertTrue(((ToggleButton) node(robot, "#editToggle")).isVisible(), "and it can be closed");
        type(robot, PROGRAM);
        robot.clickOn("#editorSaveRun");
        settle();
        assertFalse(app.model().editor().editing());
        assertEquals("count.py", app.model().picker().selectedProperty().get().title(java.util.Locale.ENGLISH));
        assertEquals("", app.model().messageProperty().get());
        assertFalse(node(robot, "#loadProblemBox").isVisible(), "the fixed program is the choice now");
        assertTrue(node(robot, "#description").isVisible());
        runToEnd(robot);
        assertEquals("count 3", app.model().session().result().get("printed"));
    }
}
