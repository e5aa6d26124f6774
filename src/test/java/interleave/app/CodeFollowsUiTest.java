package interleave.app;

import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** At projector size the code view scrolls to the line the running thread is on. */
@ExtendWith(ApplicationExtension.class)
class CodeFollowsUiTest {
    private InterleaveApp app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = UiTestSupport.openApp(stage);
    }

    @AfterEach
    void stop() throws Exception {
        UiTestSupport.closeApp(app);
    }

    @Test
    void theRunningThreadsLineIsInSightAt1024Presenting(FxRobot robot) throws Exception {
        robot.interact(() -> {
            stage.setWidth(1024);
            stage.setHeight(768);
            app.model().presentingProperty().set(true);
        });
        for (int i = 0; i < 40; i++) {
            robot.clickOn("#stepButton");
        }
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.model().session().trace().pointCount() >= 40);
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        ListView<?> code = robot.lookup("#codeList").queryListView();
        VirtualFlow<?> flow = (VirtualFlow<?>) code.lookup(".virtual-flow");
        // the list lays its cells out on a later pulse (after the stage was resized): wait for it
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> flow.getFirstVisibleCell() != null
                && flow.getLastVisibleCell() != null);
        Thread.sleep(200);
        WaitForAsyncUtils.waitForFxEvents();
        int first = flow.getFirstVisibleCell().getIndex();
        int last = flow.getLastVisibleCell().getIndex();
        int line = interleave.app.code.CodeViewModel.focusLine(app.model().session().shown(),
                new interleave.app.code.CodeViewModel().markers(app.model().session().shown()));
        assertTrue(line > 6, "the running thread is inside the program, at line " + line);
        assertTrue(line - 1 >= first && line - 1 <= last,
                "line " + line + " is in sight (rows " + first + " to " + last + ")");
        // and the top row is whole, not sliced by the list's edge, step after step (the notes under lines change)
        for (int i = 0; i < 30; i++) {
            robot.clickOn("#stepButton");
            WaitForAsyncUtils.waitForFxEvents();
            double topY = flow.getFirstVisibleCell().getLayoutY();
            assertTrue(flow.getFirstVisibleCell().getIndex() == 0 || topY >= -0.5,
                    "step " + i + ": the top row starts " + (-topY) + " px above the list's edge");
        }
    }
}
