package interleave.app;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * What the window's UI tests share: finding a node, reading a label, letting the views catch up, FX-thread calls,
 * counting a colour in a snapshot, finding labels cut to "…".
 */
public final class UiTestSupport {
    private UiTestSupport() {
    }

    public static <T extends Node> T node(FxRobot robot, String query) {
        return robot.lookup(query).query();
    }

    /**
     * The first number a label shows, read past its thousands separators ("1,049,969 events" is 1049969), as the
     * counts are grouped for the back row.
     */
    public static long count(FxRobot robot, String query) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d[\\d,\\u00a0\\u202f]*")
                .matcher(text(robot, query));
        if (!m.find()) {
            throw new AssertionError(query + " shows no number: " + text(robot, query));
        }
        return Long.parseLong(m.group().replaceAll("[^\\d]", ""));
    }

    public static String text(FxRobot robot, String query) {
        return ((Labeled) node(robot, query)).getText();
    }

    /** A few frames, so every view has pulled what changed (layout, then the canvases redraw). */
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

    /** How many pixels of a snapshot have (nearly) this colour. */
    public static int count(WritableImage img, Color c) {
        PixelReader r = img.getPixelReader();
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                Color p = r.getColor(x, y);
                if (Math.abs(p.getRed() - c.getRed()) < 0.02 && Math.abs(p.getGreen() - c.getGreen()) < 0.02
                        && Math.abs(p.getBlue() - c.getBlue()) < 0.02) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Every visible Labeled under a node whose skin shows less than its text (cut to "…"). */
    public static List<String> truncated(Node root) {
        List<String> cut = new ArrayList<>();
        collectTruncated(root, cut);
        return cut;
    }

    private static void collectTruncated(Node n, List<String> cut) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            for (Node t : l.lookupAll(".text")) {
                // an empty text node is a cell not laid out yet (scrolled away), not a cut label
                if (t instanceof Text text && text.getParent() == l && !text.getText().isEmpty()
                        && !l.getText().equals(text.getText())) {
                    cut.add("'" + l.getText() + "' shown as '" + text.getText() + "'");
                }
            }
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collectTruncated(c, cut);
            }
        }
    }

    /** Every window test's start (TestFX reads @Start only from the test class itself): the app in English. */
    public static InterleaveApp openApp(javafx.stage.Stage stage) {
        System.setProperty("interleave.lang", "en");
        InterleaveApp app = new InterleaveApp();
        app.start(stage);
        return app;
    }

    /** Every window test's end: the app closed on the FX thread. */
    public static void closeApp(InterleaveApp app) throws Exception {
        WaitForAsyncUtils.asyncFx(app::stop).get();
    }

    /** The end of a test that resizes the stage or presents: the next test class gets the stage back as it was. */
    public static void closeAppRestoringStage(InterleaveApp app, javafx.stage.Stage stage) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            app.model().presentingProperty().set(false);
            app.stop();
            javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
            stage.setWidth(Math.min(1600, screen.getWidth()));
            stage.setHeight(Math.min(1000, screen.getHeight()));
        }).get();
    }
}
