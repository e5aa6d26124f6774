package interleave.app;

import interleave.app.session.RunSession;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Step back and scrub in the window: Back, the keys, Now, and the time cursor dragged along the timeline's axis. */
@ExtendWith(ApplicationExtension.class)
class StepBackUiTest {
    private InterleaveApp app;

    @Start
    void start(Stage stage) {
        app = UiTestSupport.openApp(stage);
    }

    @AfterEach
    void stop() throws Exception {
        UiTestSupport.closeApp(app);
    }

    private static String text(FxRobot robot, String query) {
        return ((Labeled) robot.lookup(query).query()).getText();
    }

    private static long steps(FxRobot robot) {
        return UiTestSupport.count(robot, "#countLabel");
    }

    private void stepTo(FxRobot robot, long n) throws Exception {
        while (steps(robot) < n) {
            long before = steps(robot);
            robot.clickOn("#stepButton");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> steps(robot) > before);
        }
        Thread.sleep(100);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void backAndTheKeysShowEarlierMomentsAndNowReturns(FxRobot robot) throws Exception {
        stepTo(robot, 12);
        String liveLog = robot.lookup("#logList").queryListView().getItems().toString();
        assertFalse(robot.lookup("#nowButton").query().isVisible());
        robot.clickOn("#backButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(11, steps(robot));
        assertEquals("looking back", text(robot, "#statusLabel"));
        assertTrue(robot.lookup("#nowButton").query().isVisible());
        robot.type(KeyCode.PAGE_UP); // the clicker's "previous"
        robot.type(KeyCode.PAGE_UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(9, steps(robot));
        assertFalse(liveLog.equals(robot.lookup("#logList").queryListView().getItems().toString()),
                "the log ends at the moment shown");
        robot.type(KeyCode.PAGE_DOWN); // forward again, through the recorded past
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(10, steps(robot));
        assertEquals(12, app.model().session().trace().pointCount(), "the run itself did not move");
        robot.clickOn("#nowButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(12, steps(robot));
        assertFalse(app.model().session().inPast());
        assertEquals(liveLog, robot.lookup("#logList").queryListView().getItems().toString());
    }

    /** A clicker that sends arrow keys works right after a demo was chosen in the list; on a group they fold it. */
    @Test
    void leftAndRightStepWhileTheDemoListHasTheKeyboard(FxRobot robot) throws Exception {
        stepTo(robot, 3);
        javafx.scene.control.TreeView<Object> tree = robot.lookup("#scenarioTree").query();
        javafx.scene.control.TreeItem<Object> demo = tree.getSelectionModel().getSelectedItem();
        assertTrue(demo != null && demo.isLeaf(), "a demo is chosen");
        robot.interact(tree::requestFocus);
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> steps(robot) == 4);
        robot.type(KeyCode.LEFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, steps(robot));
        assertTrue(s(robot).inPast(), "Left went back one step, as the clicker's previous does");
        assertEquals(demo, tree.getSelectionModel().getSelectedItem(), "the demo list did not move");

        javafx.scene.control.TreeItem<Object> group = demo.getParent();
        robot.interact(() -> {
            group.setExpanded(true);
            tree.getSelectionModel().select(tree.getRow(group));
        });
        robot.type(KeyCode.LEFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(group.isExpanded(), "on a group, Left folds it");
        assertEquals(3, steps(robot), "and does not step");
        robot.interact(() -> group.setExpanded(true));
    }

    private RunSession s(FxRobot robot) {
        return app.model().session();
    }

    @Test
    void draggingAlongTheAxisMovesTheTimeCursor(FxRobot robot) throws Exception {
        robot.interact(() -> app.model().picker().field("iterations").textProperty().set("300"));
        robot.clickOn("#runToEndButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> app.model().session().status() == RunSession.Status.FINISHED);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Node canvas = robot.lookup("#timelineCanvas").query();
        javafx.geometry.Bounds b = canvas.localToScreen(canvas.getBoundsInLocal());
        double x0 = b.getMinX() + app.model().timeline().plotWidth() * 0.2 + 200;
        robot.drag(x0, b.getMinY() + 6).moveTo(x0 + 80, b.getMinY() + 6);
        WaitForAsyncUtils.waitForFxEvents();
        RunSession s = app.model().session();
        assertTrue(s.inPast(), "the panels show a moment in the past");
        double cursor = app.model().timeline().cursorTime();
        assertFalse(Double.isNaN(cursor), "the timeline draws the cursor");
        assertTrue(s.shown().processed() < s.analyzer().processed());
        robot.release(javafx.scene.input.MouseButton.PRIMARY);
        robot.type(KeyCode.END);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(s.inPast());
        assertTrue(Double.isNaN(app.model().timeline().cursorTime()));
    }
}
