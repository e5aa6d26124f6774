package interleave.app;

import interleave.scenario.Scenarios;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
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
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static interleave.app.UiTestSupport.count;
import static interleave.app.UiTestSupport.node;
import static interleave.app.UiTestSupport.onFx;
import static interleave.app.UiTestSupport.settle;
import static interleave.app.UiTestSupport.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The story the screen tells, headless through Monocle: verdict, lock moment, held reads, language switch. */
@ExtendWith(ApplicationExtension.class)
class StoryUiTest {
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

    private void choose(FxRobot robot, String scenario) {
        robot.interact(() -> app.model().picker().selectedProperty().set(Scenarios.byId(scenario).orElseThrow()));
    }

    private void runToEnd(FxRobot robot) throws Exception {
        robot.clickOn("#runToEndButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> text(robot, "#statusLabel").equals(
                app.model().i18n().get("transport.status.finished")));
        settle();
    }

    /** Steps one scheduling point at a time until the condition holds (at most {@code max} steps). */
    private void stepUntil(FxRobot robot, int max, Callable<Boolean> done) throws Exception {
        for (int i = 0; i < max && !done.call(); i++) {
            long before = app.model().session().run() == null ? 0 : app.model().session().trace().pointCount();
            robot.interact(() -> app.model().step());
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    () -> app.model().session().analyzer() != null
                            && app.model().session().trace().pointCount() > before
                            && app.model().session().analyzer().processed() == app.model().session().trace().size());
            settle();
        }
    }

    @Test
    void midRunTheResultIsTheValueNowAndIsJudgedOnlyAtTheEnd(FxRobot robot) throws Exception {
        setField(robot, "#param-iterations", "2000");
        stepUntil(robot, 12, () -> false);
        assertEquals("balance now", text(robot, "#actualCaption"));
        assertEquals("judged when the run ends", text(robot, "#resultVerdict"));
        assertFalse(node(robot, "#actualValue").getStyleClass().contains("result-wrong"), "not red mid-run");
        runToEnd(robot);
        assertEquals("actual", text(robot, "#actualCaption"));
        boolean zero = text(robot, "#actualValue").equals("0");
        assertTrue(text(robot, "#resultVerdict").startsWith(zero ? "\u2713" : "\u2717"), text(robot, "#resultVerdict"));
    }

    @Test
    void turningTheLockOnMidRunShowsTheLostUpdatesSinceThen(FxRobot robot) throws Exception {
        setField(robot, "#param-iterations", "10000000");
        robot.interact(() -> app.model().session().setSpeed(Double.POSITIVE_INFINITY));
        robot.clickOn("#playButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> count(robot, "#lostCount") > 0);
        assertFalse(node(robot, "#lockNote").isVisible(), "no lock moment yet");
        robot.interact(() -> ((ToggleSwitch) node(robot, "#param-lock")).setSelected(true));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> node(robot, "#lockNote").isVisible());
        long at = app.model().session().analyzer().processed();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.model().session().analyzer().processed() > at + 200_000);
        robot.interact(() -> app.model().session().pause());
        settle();
        String note = text(robot, "#lockNote");
        assertTrue(note.startsWith("lost updates since the lock went on: "), note);
        int since = Integer.parseInt(note.split("\n")[0].replaceAll("\\D", ""));
        assertEquals(0, since, "once both threads take the locked path, none is lost: " + note);
        assertEquals("balance over time", text(robot, "#chartCaption"));
    }

    @Test
    void aHeldReadIsShownBesideItsCodeLine(FxRobot robot) throws Exception {
        setField(robot, "#param-iterations", "2000");
        stepUntil(robot, 60, () -> robot.lookup("#heldNote").tryQuery().isPresent());
        Labeled note = node(robot, "#heldNote");
        assertTrue(note.getText().matches("\u2190 T[12] read -?\\d+, not yet written"), note.getText());
    }

    @Test
    void switchingTheLanguageWhilePausedKeepsTheLogAndTheCpuView(FxRobot robot) throws Exception {
        setField(robot, "#param-iterations", "2000");
        stepUntil(robot, 8, () -> false);
        ListView<?> log = node(robot, "#logList");
        int lines = log.getItems().size();
        assertTrue(lines > 0);
        ChoiceBox<Locale> box = node(robot, "#languageChoice");
        robot.interact(() -> box.setValue(I18n.CHINESE));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "单步".equals(text(robot, "#stepButton")));
        settle();
        ListView<?> rebuilt = node(robot, "#logList");
        assertEquals(lines, rebuilt.getItems().size(), "the new log shows the run at once, without a new step");
        Canvas cpu = ((interleave.app.cpu.CpuCanvas) node(robot, "#cpuCanvas")).canvas();
        WritableImage img = onFx(() -> cpu.snapshot(null, null));
        assertTrue(count(img, Color.web("#E69F00")) + count(img, Color.web("#56B4E9")) + count(img, Color.web("#009E73"))
                > 100, "thread chips are drawn on the rebuilt CPU view");
        assertEquals("当前余额", text(robot, "#actualCaption"));
    }

    @Test
    void threadLocalShowsEachThreadsOwnValue(FxRobot robot) throws Exception {
        choose(robot, "thread-local");
        runToEnd(robot);
        String details = text(robot, "#resultDetails");
        assertTrue(details.contains("Thread-A's own local_school.student: Alice"), details);
        assertTrue(details.contains("Thread-B's own local_school.student: Bob"), details);
        assertFalse(node(robot, "#lostCount").isVisible(), "no shared variable in the local variant: no lost-update figure");
    }

    @Test
    void coroutinesShowTheWholePrintOrder(FxRobot robot) throws Exception {
        choose(robot, "coroutines");
        runToEnd(robot);
        assertEquals("12 56 34 78", text(robot, "#actualValue"));
        assertTrue(node(robot, "#actualValue").getStyleClass().contains("figure-value-long"));
        assertTrue(text(robot, "#resultVerdict").startsWith("\u2713"));
    }

    @Test
    void zeroLostUpdatesIsNotAnAlarm(FxRobot robot) throws Exception {
        setField(robot, "#param-iterations", "300");
        robot.interact(() -> ((ToggleSwitch) node(robot, "#param-lock")).setSelected(true));
        runToEnd(robot);
        assertEquals("0", text(robot, "#lostCount"));
        assertTrue(node(robot, "#lostCount").getStyleClass().contains("count-zero"));
        choose(robot, "hello-threads");
        settle();
        assertFalse(node(robot, "#lostCount").isVisible(), "hello-threads has no race to count");
    }

    @Test
    void parameterErrorsFollowTheLanguage(FxRobot robot) throws Exception {
        ChoiceBox<Locale> box = node(robot, "#languageChoice");
        robot.interact(() -> box.setValue(I18n.CHINESE));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "单步".equals(text(robot, "#stepButton")));
        setField(robot, "#param-iterations", "abc");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("iterations 必须是 1 到 10000000 之间的整数，现在是“abc”", text(robot, "#error-iterations"));
    }
}
