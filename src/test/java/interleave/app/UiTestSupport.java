package interleave.app;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** What the window's UI tests share: finding a node, reading a label, letting the views catch up, FX-thread calls. */
public final class UiTestSupport {
    private UiTestSupport() {
    }

    public static <T extends Node> T node(FxRobot robot, String query) {
        return robot.lookup(query).query();
    }

    public static String text(FxRobot robot, String query) {
        return ((Labeled) node(robot, query)).getText();
    }

    /** A few frames, so every view has pulled what changed. */
    public static void settle() throws Exception {
        for (int i = 0; i < 5; i++) {
            Thread.sleep(50);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    /** Runs {@code action} on the FX thread and waits for its answer. */
    public static <T> T onFx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(60, TimeUnit.SECONDS);
    }
}
