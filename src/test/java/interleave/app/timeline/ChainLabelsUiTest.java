package interleave.app.timeline;

import interleave.app.InterleaveApp;
import interleave.app.UiTestSupport;
import interleave.trace.LostUpdate;
import javafx.geometry.Rectangle2D;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;

import static interleave.app.UiTestSupport.node;
import static interleave.app.UiTestSupport.onFx;
import static interleave.app.UiTestSupport.settle;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The balance race with the lock off at 1024x768, a lost update selected (as a click in the result list does): its
 * read, write and lost labels stay inside their lanes and never cover each other, zoomed in, with the whole run in
 * view, and presenting. Headless (Monocle).
 */
@ExtendWith(ApplicationExtension.class)
class ChainLabelsUiTest {
    private InterleaveApp app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = UiTestSupport.openApp(stage);
    }

    @AfterEach
    void stop() throws Exception {
        UiTestSupport.closeAppRestoringStage(app, stage);
    }

    @Test
    void theLabelsOfASelectedLostUpdateNeverOverlap(FxRobot robot) throws Exception {
        robot.interact(() -> {
            stage.setWidth(1024);
            stage.setHeight(768);
            var picker = app.model().picker();
            picker.field("lock").onProperty().set(false);
            picker.field("iterations").textProperty().set("200");
            picker.apply();
            app.model().session().runToPoint(700);
        });
        settle();
        TimelineCanvas canvas = node(robot, "#timelineCanvas");
        List<LostUpdate> lost = onFx(() -> app.model().session().analyzer().lostUpdates());
        assertTrue(lost.size() >= 3, "the race lost updates: " + lost.size());
        for (boolean presenting : new boolean[] {false, true}) {
            robot.interact(() -> app.model().presentingProperty().set(presenting));
            for (LostUpdate u : lost.subList(0, 3)) {
                robot.interact(() -> app.model().timeline().focus(u));
                settle();
                assertApartAndInLanes(canvas, (presenting ? "presenting, " : "") + u);
            }
            robot.interact(() -> app.model().timeline().fit()); // the whole run: the markers a pixel apart
            settle();
            assertApartAndInLanes(canvas, (presenting ? "presenting, " : "") + "whole run");
        }
    }

    private static void assertApartAndInLanes(TimelineCanvas canvas, String what) throws Exception {
        List<Rectangle2D> labels = onFx(canvas::chainLabelBounds);
        LaneLayout layout = onFx(canvas::laneLayout);
        assertFalse(labels.isEmpty(), what + ": the chain is labelled");
        for (Rectangle2D a : labels) {
            assertTrue(a.getMinX() >= canvas.labelWidth() && a.getMaxX() <= canvas.getWidth(),
                    what + ": " + a + " inside the plot");
            boolean inALane = false;
            for (double top : layout.tops()) {
                inALane |= a.getMinY() >= top - 0.5 && a.getMaxY() <= top + layout.laneHeight() + 0.5;
            }
            assertTrue(inALane, what + ": " + a + " inside its lane, not over a neighbour");
            for (Rectangle2D b : labels) {
                assertTrue(a == b || !a.intersects(b), what + ": " + a + " and " + b + " overlap");
            }
        }
    }
}
