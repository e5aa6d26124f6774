package interleave.app.picker;

import interleave.app.I18n;
import interleave.app.InterleaveApp;
import interleave.app.UiTestSupport;
import interleave.app.files.TraceFileActions;
import interleave.scenario.Scenarios;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static interleave.app.UiTestSupport.node;
import static interleave.app.UiTestSupport.onFx;
import static interleave.app.UiTestSupport.settle;
import static interleave.app.UiTestSupport.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * File > Open of a program that cannot load (here: not UTF-8, which needs no Python): the picker shows why, where
 * the description goes, and no longer shows the demo selected before as the choice. Headless (Monocle).
 */
@ExtendWith(ApplicationExtension.class)
class LoadProblemUiTest {
    private InterleaveApp app;
    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        app = UiTestSupport.openApp(stage);
    }

    @AfterEach
    void stop() throws Exception {
        UiTestSupport.closeApp(app);
    }

    @Test
    void aProgramThatCannotLoadReplacesTheOldDemoWithItsProblem(FxRobot robot) throws Exception {
        assertEquals("balance", app.model().picker().selectedProperty().get().id());
        assertEquals("Python program", text(robot, "#codeTitle"), "the balance demo's program runs as shown");
        Path latin1 = Files.write(dir.resolve("latin1.py"),
                "import threading\nname = 'caf\u00e9'\nprint(name)\n".getBytes("ISO-8859-1"));
        assertFalse(onFx(() -> new TraceFileActions(app.model()).open(latin1)));
        settle();
        assertNull(app.model().picker().selectedProperty().get(), "the balance demo is no longer the choice");
        TreeView<?> tree = node(robot, ".scenario-tree");
        assertNull(tree.getSelectionModel().getSelectedItem(), "no demo is marked in the list");
        assertNull(app.model().session().scenario(), "and its run is gone");
        assertFalse(node(robot, "#description").isVisible(), "the balance description is not shown");
        assertTrue(node(robot, "#loadProblemBox").isVisible());
        assertEquals("Cannot run latin1.py", text(robot, "#loadProblemTitle"));
        assertTrue(text(robot, "#loadProblemDetail").startsWith("line 2 is not UTF-8 text"),
                text(robot, "#loadProblemDetail"));
        assertTrue(robot.lookup("#param-lock").tryQuery().isEmpty(), "no balance parameters either");
        assertEquals("nothing to run", text(robot, "#statusLabel"), "not 'ready': there is nothing to run");
        assertFalse(node(robot, "#resultFigures").isVisible(), "no figures of a run that cannot happen");
        assertTrue(text(robot, "#resultDetails").startsWith("Nothing has run"), text(robot, "#resultDetails"));

        robot.clickOn("#playButton"); // nothing to run: it says why again, and nothing starts
        settle();
        assertNull(app.model().session().run());
        assertTrue(app.model().messageProperty().get().startsWith("Cannot run latin1.py: line 2"),
                app.model().messageProperty().get());

        ChoiceBox<Locale> language = node(robot, "#languageChoice");
        robot.interact(() -> language.setValue(I18n.CHINESE));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "无法运行 latin1.py".equals(text(robot, "#loadProblemTitle")));
        assertTrue(text(robot, "#loadProblemDetail").startsWith("第 2 行不是 UTF-8 文本"));
        assertNull(((TreeView<?>) node(robot, ".scenario-tree")).getSelectionModel().getSelectedItem(),
                "the rebuilt picker does not fall back to the balance demo");

        robot.interact(() -> app.model().picker().selectedProperty().set(Scenarios.byId("balance").orElseThrow()));
        settle();
        assertFalse(node(robot, "#loadProblemBox").isVisible(), "picking a demo clears the problem");
        assertTrue(node(robot, "#description").isVisible());
    }
}
