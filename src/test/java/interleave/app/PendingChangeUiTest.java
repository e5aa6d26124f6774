package interleave.app;

import javafx.scene.control.Label;
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

/** Editing a parameter while a run is under way says that it applies at Reset, instead of silently nothing. */
@ExtendWith(ApplicationExtension.class)
class PendingChangeUiTest {
    private InterleaveApp app;

    @Start
    void start(Stage stage) {
        app = UiTestSupport.openApp(stage);
    }

    @AfterEach
    void stop() throws Exception {
        UiTestSupport.closeApp(app);
    }

    @Test
    void aChangeMidRunIsMarkedUntilReset(FxRobot robot) throws Exception {
        Label hint = robot.lookup("#pendingHint").query();
        robot.interact(() -> app.model().picker().field("iterations").textProperty().set("500"));
        assertFalse(hint.isVisible(), "before a run starts, an edit simply applies to it");
        robot.clickOn("#stepButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.model().session().run() != null);
        assertEquals(500, app.model().session().params().get("iterations"));
        robot.interact(() -> app.model().picker().field("iterations").textProperty().set("700"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(hint.isVisible());
        assertTrue(hint.getText().contains("Reset"), hint.getText());
        robot.interact(() -> app.model().picker().field("iterations").textProperty().set("500"));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(hint.isVisible(), "back to what the run uses: nothing pending");
        robot.interact(() -> app.model().picker().field("lock").onProperty().set(true));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(hint.isVisible(), "the live switch changes the run itself");
        robot.interact(() -> app.model().picker().seedProperty().set("42"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(hint.isVisible(), "a scheduler setting applies at Reset too");
        robot.clickOn("#resetButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(hint.isVisible());
        assertEquals(42, app.model().session().settings().seed());
    }
}
