package interleave.app;

import interleave.app.session.RunSession;
import interleave.scenario.Scenarios;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Play at 10 steps a second, through the real frame timer, in the demos whose threads sleep: the step count
 * and the virtual clock on the transport keep moving until the run ends, and the status says so.
 * (Every demo is also played to its end with a simulated frame clock in PacedPlayTest.)
 */
@ExtendWith(ApplicationExtension.class)
class PlayNeverStallsUiTest {
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

    @ParameterizedTest
    @ValueSource(strings = {"hello-threads", "io-bound", "join-pitfall", "daemon"})
    void playAtTenStepsASecondRunsToTheEnd(String id, FxRobot robot) throws Exception {
        robot.interact(() -> app.model().picker().selectedProperty().set(Scenarios.byId(id).orElseThrow()));
        robot.interact(() -> app.model().session().setSpeed(10));
        robot.clickOn("#playButton");
        String lastCount = "";
        String lastTime = "";
        long lastChange = System.nanoTime();
        long start = System.nanoTime();
        while (app.model().session().status() != RunSession.Status.FINISHED) {
            Thread.sleep(100);
            WaitForAsyncUtils.waitForFxEvents();
            String count = text(robot, "#countLabel");
            String time = text(robot, "#timeLabel");
            if (!count.equals(lastCount) || !time.equals(lastTime)) {
                lastChange = System.nanoTime();
            }
            lastCount = count;
            lastTime = time;
            assertTrue(System.nanoTime() - lastChange < 2_000_000_000L,
                    id + ": nothing moved for 2 s at " + count + ", " + time + ", status "
                            + text(robot, "#statusLabel"));
            assertTrue(System.nanoTime() - start < 60_000_000_000L, id + ": did not finish within a minute");
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(app.model().i18n().get("transport.status.finished"), text(robot, "#statusLabel"));
    }

    @org.junit.jupiter.api.Test
    void playOnAFinishedRunPlaysTheRecordingAgainFromTheStart(FxRobot robot) throws Exception {
        robot.interact(() -> app.model().picker().selectedProperty().set(Scenarios.byId("hello-threads").orElseThrow()));
        robot.clickOn("#runToEndButton");
        WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS,
                () -> app.model().session().status() == RunSession.Status.FINISHED);
        Object finished = app.model().session().run();
        robot.interact(() -> app.model().session().setSpeed(10));
        robot.clickOn("#playButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(app.model().session().run() == finished, "the same run, played back");
        assertTrue(app.model().session().inPast(), "from its start");
        assertEquals(RunSession.Status.PLAYING, app.model().session().status());
        WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS,
                () -> app.model().session().status() == RunSession.Status.FINISHED);
        assertTrue(app.model().session().cursor().isLive(), "played back to its end");
    }
}
