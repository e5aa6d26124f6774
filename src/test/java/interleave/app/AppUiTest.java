package interleave.app;

import javafx.scene.canvas.Canvas;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.controlsfx.control.ToggleSwitch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static interleave.app.UiTestSupport.count;
import static interleave.app.UiTestSupport.node;
import static interleave.app.UiTestSupport.onFx;
import static interleave.app.UiTestSupport.settle;
import static interleave.app.UiTestSupport.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The app end to end, headless through Monocle: what a teacher does with the balance demo. */
@ExtendWith(ApplicationExtension.class)
class AppUiTest {
    private InterleaveApp app;

    @Start
    void start(Stage stage) {
        app = UiTestSupport.openApp(stage);
    }

    @AfterEach
    void stop() throws Exception {
        UiTestSupport.closeApp(app);
    }

    private void setField(FxRobot robot, String query, String value) {
        TextField f = node(robot, query);
        robot.interact(() -> f.setText(value));
    }

    private void setLock(FxRobot robot, boolean on) {
        ToggleSwitch sw = node(robot, "#param-lock");
        robot.interact(() -> sw.setSelected(on));
    }

    private long steps(FxRobot robot) {
        return count(robot, "#countLabel");
    }

    private void waitForStatus(FxRobot robot, String status) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> text(robot, "#statusLabel").equals(status));
    }

    @Test
    void lockOffRunToEndShowsAWrongBalanceAndLostUpdates(FxRobot robot) throws Exception {
        setField(robot, "#param-iterations", "4000");
        setLock(robot, false);
        robot.clickOn("#runToEndButton");
        waitForStatus(robot, "finished");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("0", text(robot, "#expectedValue"));
        assertNotEquals("0", text(robot, "#actualValue"));
        assertTrue(count(robot, "#lostCount") > 0);
    }

    @Test
    void lockOnRunToEndKeepsTheBalanceAtZero(FxRobot robot) throws Exception {
        setField(robot, "#param-iterations", "4000");
        setLock(robot, true);
        robot.clickOn("#runToEndButton");
        waitForStatus(robot, "finished");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("0", text(robot, "#actualValue"));
        assertEquals("0", text(robot, "#lostCount"));
    }

    @Test
    void eachStepAddsExactlyOneSchedulingPoint(FxRobot robot) throws Exception {
        assertEquals(0, steps(robot));
        for (int i = 1; i <= 5; i++) {
            robot.clickOn("#stepButton");
            long expected = i;
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> steps(robot) >= expected);
            Thread.sleep(150);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(expected, steps(robot), "after step " + i);
        }
    }

    @Test
    void pauseStopsTheTraceFromGrowing(FxRobot robot) throws Exception {
        setField(robot, "#param-iterations", "10000000");
        robot.interact(() -> app.model().session().setSpeed(Double.POSITIVE_INFINITY));
        robot.clickOn("#playButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> steps(robot) > 1000);
        robot.clickOn("#playButton");
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        long paused = steps(robot);
        Thread.sleep(500);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(paused, steps(robot));
        assertEquals("paused", text(robot, "#statusLabel"));
    }

    @Test
    void theTimelineCanvasHasLanesDrawnInTheThreadColours(FxRobot robot) throws Exception {
        setField(robot, "#param-iterations", "300");
        robot.clickOn("#runToEndButton");
        waitForStatus(robot, "finished");
        robot.interact(() -> app.model().timeline().fit());
        settle();
        Canvas canvas = ((interleave.app.timeline.TimelineCanvas) node(robot, "#timelineCanvas")).canvas();
        WritableImage img = onFx(() -> canvas.snapshot(null, null));
        Color t1 = Color.web("#56B4E9");
        Color t2 = Color.web("#009E73");
        assertTrue(count(img, t1) > 200, "T1's running colour on the canvas");
        assertTrue(count(img, t2) > 200, "T2's running colour on the canvas");
    }

    @Test
    void runToEndWhileFollowingShowsTheWholeRunOnTheTimeline(FxRobot robot) throws Exception {
        setField(robot, "#param-iterations", "3000");
        robot.clickOn("#runToEndButton");
        waitForStatus(robot, "finished");
        settle();
        interleave.app.timeline.TimelineViewModel vm = app.model().timeline();
        double[] view = onFx(() -> new double[] {vm.start(), vm.end(), vm.analyzer().lastTime()});
        assertEquals(0, view[0], "the view starts at the run's start, not at its last slice");
        assertTrue(view[1] >= view[2], "and reaches its end");
    }

    @Test
    void switchingTheLanguageChangesTheLabels(FxRobot robot) throws Exception {
        assertEquals("Step", text(robot, "#stepButton"));
        ChoiceBox<Locale> box = node(robot, "#languageChoice");
        robot.interact(() -> box.setValue(I18n.CHINESE));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "单步".equals(text(robot, "#stepButton")));
        assertEquals("就绪", text(robot, "#statusLabel"));
    }

    @Test
    void badParameterInputShowsAMessageAndDoesNotStartARun(FxRobot robot) throws Exception {
        robot.clickOn("#param-iterations");
        robot.interact(() -> ((TextField) node(robot, "#param-iterations")).selectAll());
        robot.write("abc");
        WaitForAsyncUtils.waitForFxEvents();
        Label error = node(robot, "#error-iterations");
        assertTrue(error.isVisible());
        assertTrue(error.getText().contains("iterations must be an integer from 1 to 10000000"), error.getText());
        robot.clickOn("#playButton");
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("ready", text(robot, "#statusLabel"));
        assertEquals(0, steps(robot));
        assertTrue(app.model().messageProperty().get().contains("iterations must be"));
        assertEquals(null, app.model().session().run());
    }

    @Test
    void theLockSwitchWorksMidRun(FxRobot robot) throws Exception {
        setField(robot, "#param-iterations", "10000000");
        setLock(robot, false);
        robot.interact(() -> app.model().session().setSpeed(Double.POSITIVE_INFINITY));
        robot.clickOn("#playButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> count(robot, "#lostCount") > 0);
        robot.type(javafx.scene.input.KeyCode.L);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(((ToggleSwitch) node(robot, "#param-lock")).isSelected(), "L switched the lock on");
        var a = app.model().session().analyzer();
        long[] paramSeq = {-1};
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            if (paramSeq[0] < 0) {
                for (long i = 0; i < a.processed(); i++) {
                    if (a.trace().kind(i) == interleave.trace.EventKind.PARAM) {
                        paramSeq[0] = i;
                        break;
                    }
                }
            }
            return paramSeq[0] >= 0 && a.processed() > paramSeq[0] + 100_000;
        });
        robot.clickOn("#playButton");
        WaitForAsyncUtils.waitForFxEvents();
        long after = paramSeq[0];
        long lostBefore = a.lostUpdates().stream().filter(u -> u.writeSeq() < after).count();
        long lostAfter = a.lostUpdates().stream().filter(u -> u.writeSeq() > after).count();
        assertTrue(lostBefore > 0);
        assertTrue(lostAfter <= 4, "only iterations in flight at the switch may still lose an update: " + lostAfter);
    }
}
