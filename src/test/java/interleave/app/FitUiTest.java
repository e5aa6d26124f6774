package interleave.app;

import interleave.app.cpu.CpuCanvas;
import interleave.app.session.RunSession;
import interleave.app.theme.CanvasTheme;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.controlsfx.control.ToggleSwitch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static interleave.app.UiTestSupport.node;
import static interleave.app.UiTestSupport.onFx;
import static interleave.app.UiTestSupport.settle;
import static interleave.app.UiTestSupport.text;
import static interleave.app.UiTestSupport.truncated;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The app on a classroom projector: small screens, presentation mode, the clicker keys. Headless (Monocle). */
@ExtendWith(ApplicationExtension.class)
class FitUiTest {
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

    private void resize(FxRobot robot, double w, double h) throws Exception {
        robot.interact(() -> {
            stage.setWidth(w);
            stage.setHeight(h);
        });
        settle();
    }

    private void present(FxRobot robot, boolean on) throws Exception {
        robot.interact(() -> app.model().presentingProperty().set(on));
        settle();
    }

    private List<String> truncatedInTheTransport(FxRobot robot) {
        return truncated(((Node) node(robot, "#playButton")).getParent().getParent());
    }

    @Test
    void theWindowFitsTheScreen(FxRobot robot) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        assertTrue(stage.getWidth() <= screen.getWidth() && stage.getHeight() <= screen.getHeight(),
                stage.getWidth() + "x" + stage.getHeight() + " on " + screen);
        assertTrue(stage.getX() >= screen.getMinX() && stage.getY() >= screen.getMinY());
        assertTrue(stage.getMinWidth() <= screen.getWidth() && stage.getMinHeight() <= screen.getHeight());
    }

    @Test
    void noTransportLabelIsCutOnAProjector(FxRobot robot) throws Exception {
        robot.interact(() -> app.model().step());
        for (double[] size : new double[][] {{1024, 768}, {1280, 720}}) {
            for (boolean presenting : new boolean[] {false, true}) {
                resize(robot, size[0], size[1]);
                present(robot, presenting);
                List<String> cut = truncatedInTheTransport(robot);
                assertTrue(cut.isEmpty(), (int) size[0] + "x" + (int) size[1] + (presenting ? " presenting: " : ": ")
                        + cut);
                Node bar = ((Node) node(robot, "#playButton")).getParent().getParent();
                assertTrue(bar.getBoundsInParent().getMaxX() <= size[0] + 1, "the bar fits the window's width");
            }
        }
    }

    @Test
    void theSchedulerSettingsAreReadableAt1024InEnglishAndChinese(FxRobot robot) throws Exception {
        resize(robot, 1024, 768);
        for (java.util.Locale lang : List.of(java.util.Locale.ENGLISH, I18n.CHINESE)) {
            javafx.scene.control.ChoiceBox<java.util.Locale> box = node(robot, "#languageChoice");
            robot.interact(() -> box.setValue(lang));
            settle();
            Parent settings = node(robot, "#schedulerSettings");
            javafx.scene.control.ScrollPane picker = (javafx.scene.control.ScrollPane) settings.getScene()
                    .lookup(".picker-scroll");
            double viewport = picker.localToScene(picker.getViewportBounds()).getMaxX();
            for (interleave.engine.Mode mode : interleave.engine.Mode.values()) {
                for (interleave.engine.Policy policy : interleave.engine.Policy.values()) {
                    robot.interact(() -> {
                        app.model().picker().modeProperty().set(mode);
                        app.model().picker().policyProperty().set(policy);
                    });
                    settle();
                    List<String> cut = truncated(settings);
                    assertTrue(cut.isEmpty(), lang + ": " + cut);
                    for (Node n : settings.lookupAll(".setting-row > *")) {
                        Bounds b = n.localToScene(n.getLayoutBounds());
                        assertTrue(b.getMaxX() <= viewport + 1, lang + ": " + n + " ends at " + b.getMaxX()
                                + ", the panel's view at " + viewport);
                    }
                }
            }
        }
    }

    @Test
    void theSidePanelsLeaveTheCentreRoomAt1024(FxRobot robot) throws Exception {
        resize(robot, 1024, 768);
        Node timeline = node(robot, "#timelineCanvas");
        assertTrue(timeline.getLayoutBounds().getWidth() >= 500, "timeline " + timeline.getLayoutBounds().getWidth());
    }

    /** A long result (a program's shared values, its last lines printed, the chart) scrolls in its panel: it never
     * pushes the event log off a 1024x768 window. */
    @Test
    void aLongResultLeavesTheEventLogItsRowsAt1024(FxRobot robot) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(interleave.program.PythonProgram.findPython() != null,
                "SKIPPED: no python3 (3.8+) on the PATH to run the program (.ci/run installs it)");
        resize(robot, 1024, 768);
        java.nio.file.Path file = java.nio.file.Files.createTempDirectory("fit").resolve("counts.py");
        java.nio.file.Files.writeString(file, """
                import threading
                counts = {"a": 0, "b": 0}
                class Box:
                    def __init__(self):
                        self.total = 0
                box = Box()
                lock = threading.Lock()
                def work(name):
                    for i in range(5):
                        with lock:
                            counts[name] += 1
                            box.total += 1
                        print(name, i, box.total)
                threads = [threading.Thread(target=work, args=(n,)) for n in ("a", "b")]
                for t in threads: t.start()
                for t in threads: t.join()
                print("done", counts, box.total)
                """);
        assertTrue(onFx(() -> new interleave.app.files.TraceFileActions(app.model()).open(file)));
        robot.interact(() -> app.model().runToEnd());
        WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS,
                () -> app.model().session().status().over());
        Thread.sleep(300);
        settle();
        Node log = node(robot, "#logList");
        javafx.geometry.Bounds b = onFx(() -> log.localToScene(log.getLayoutBounds()));
        double sceneHeight = onFx(() -> log.getScene().getHeight());
        assertTrue(b.getMaxY() <= sceneHeight + 1, "the log ends inside the window: " + b + " in " + sceneHeight);
        assertTrue(b.getHeight() >= 100, "the log keeps a few rows: " + b.getHeight());
    }

    @Test
    void theCodeAndItsCommentsStayInViewAt1024(FxRobot robot) throws Exception {
        resize(robot, 1024, 768);
        robot.interact(() -> app.model().step());
        settle();
        ListView<?> list = node(robot, "#codeList");
        Bounds view = list.localToScene(list.getLayoutBounds());
        List<Node> comments = new ArrayList<>(list.lookupAll(".code-comment"));
        comments.removeIf(c -> !shown(c, list) || c.localToScene(c.getLayoutBounds()).getMinY() >= view.getMaxY());
        assertFalse(comments.isEmpty(), "the balance program's comments are on screen");
        for (Node c : comments) {
            Bounds b = c.localToScene(c.getLayoutBounds());
            assertTrue(b.getMaxX() <= view.getMaxX() + 1, "comment '" + ((Labeled) c).getText() + "' ends at "
                    + b.getMaxX() + ", the list at " + view.getMaxX());
        }
        assertTrue(truncated(list).isEmpty(), "no code line is cut: " + truncated(list));
    }

    /**
     * A program's threads have long names ("Thread-1 (run_thread)"); on a projector their badges go under the code
     * and must not widen the rows: the list scrolled sideways and every line's end was cut under its scroll bar.
     */
    @Test
    void badgesUnderTheCodeNeverPushItsLinesOutOfViewAt1024(FxRobot robot) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(interleave.program.PythonProgram.findPython() != null,
                "SKIPPED: no python3 (3.8+) on the PATH to run the program (.ci/run installs it)");
        resize(robot, 1024, 768);
        java.nio.file.Path file = java.nio.file.Path.of("src/test/resources/interleave/programs/balance.py")
                .toAbsolutePath();
        assertTrue(onFx(() -> new interleave.app.files.TraceFileActions(app.model()).open(file)));
        robot.interact(() -> {
            if (app.model().ensurePrepared()) {
                app.model().session().runToPoint(300); // where --steps 300 stops: both threads on one line
            }
        });
        WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS,
                () -> app.model().session().run() != null && app.model().session().run().trace().pointCount() >= 250);
        Thread.sleep(300);
        settle();
        ListView<?> list = node(robot, "#codeList");
        // the markers follow the run's moment within a few frames
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> onFx(() ->
                list.lookupAll(".thread-badge").stream().anyMatch(b -> shown(b, list))));
        settle();
        Node clip = list.lookup(".clipped-container");
        double viewEnd = onFx(() -> clip.localToScene(clip.getLayoutBounds()).getMaxX());
        for (Node c : onFx(() -> new ArrayList<>(list.lookupAll(".code-text")))) {
            if (onFx(() -> shown(c, list) && c.localToScene(c.getLayoutBounds()).getMinY()
                    < clip.localToScene(clip.getLayoutBounds()).getMaxY())) {
                double end = onFx(() -> c.localToScene(c.getLayoutBounds()).getMaxX());
                assertTrue(end <= viewEnd + 1, "'" + ((Labeled) c).getText() + "' ends at " + end
                        + ", beyond the list's view at " + viewEnd);
            }
        }
        assertFalse(onFx(() -> list.lookupAll(".scroll-bar").stream().anyMatch(b -> b instanceof
                javafx.scene.control.ScrollBar sb && sb.getOrientation() == javafx.geometry.Orientation.HORIZONTAL
                && sb.isVisible())), "the code never scrolls sideways");
    }

    /** Visible up to the list: the list keeps spare cells around, hidden. */
    private static boolean shown(Node n, Node upTo) {
        for (Node p = n; p != null && p != upTo; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void threadChipsNeverCoverEachOtherWithTenThreads(FxRobot robot) throws Exception {
        resize(robot, 1024, 768);
        robot.interact(() -> {
            app.model().picker().selectedProperty().set(interleave.scenario.Scenarios.byId("rlock-counter").orElseThrow());
            app.model().picker().apply();
            for (int i = 0; i < 60; i++) {
                app.model().session().step();
            }
        });
        CpuCanvas cpu = node(robot, "#cpuCanvas");
        // read on the FX thread, which changes the chips as they glide
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> cpu.chipBounds().size()) >= 10);
        Thread.sleep(1200); // the chips glide to their places
        WaitForAsyncUtils.waitForFxEvents();
        for (boolean presenting : new boolean[] {false, true}) {
            present(robot, presenting);
            Thread.sleep(1200);
            WaitForAsyncUtils.waitForFxEvents();
            Map<Integer, Rectangle2D> chips = onFx(cpu::chipBounds);
            assertTrue(chips.size() >= 10, "every thread has a chip: " + chips.size());
            for (Map.Entry<Integer, Rectangle2D> a : chips.entrySet()) {
                Rectangle2D r = a.getValue();
                assertTrue(r.getMinX() >= 0 && r.getMaxX() <= cpu.getWidth() + 1 && r.getMaxY() <= cpu.getHeight() + 1,
                        "chip " + a.getKey() + " inside the view: " + r);
                for (Map.Entry<Integer, Rectangle2D> b : chips.entrySet()) {
                    if (a.getKey() < b.getKey()) {
                        assertFalse(r.intersects(b.getValue()), "chips " + a.getKey() + " and " + b.getKey()
                                + " overlap" + (presenting ? " presenting" : ""));
                    }
                }
            }
        }
    }

    @Test
    void spaceInPresentationModeAlwaysShowsTheRealState(FxRobot robot) throws Exception {
        present(robot, true);
        robot.clickOn("#presentToggle"); // a click leaves the mouse on a button, as a teacher's would
        robot.interact(() -> app.model().presentingProperty().set(true));
        settle();
        for (int press = 1; press <= 4; press++) {
            robot.type(KeyCode.SPACE);
            settle();
            RunSession s = app.model().session();
            boolean shouldPlay = press % 2 == 1;
            assertEquals(shouldPlay, s.playing(), "press " + press + " toggles exactly once");
            assertEquals(shouldPlay ? "running" : "paused", text(robot, "#statusLabel"), "press " + press);
            assertEquals(shouldPlay ? "Pause" : "Play", text(robot, "#playButton"), "press " + press);
        }
    }

    @Test
    void theChosenDemoStaysMarkedWhenTheListHasNoFocus(FxRobot robot) throws Exception {
        robot.clickOn("#param-iterations"); // focus elsewhere
        settle();
        javafx.scene.control.TreeCell<?> selected = robot.lookup(".scenario-tree .tree-cell")
                .match(n -> ((javafx.scene.control.TreeCell<?>) n).isSelected()).query();
        javafx.scene.paint.Paint fill = selected.getBackground().getFills().get(0).getFill();
        assertEquals(javafx.scene.paint.Color.web("#0072B2"), fill, "the selection keeps the accent colour");
    }

    @Test
    void theStatusPillKeepsItsStyle(FxRobot robot) throws Exception {
        Labeled pill = node(robot, "#statusLabel");
        robot.clickOn("#stepButton");
        settle();
        robot.clickOn("#playButton");
        settle();
        assertTrue(pill.getStyleClass().contains("status-pill"), pill.getStyleClass().toString());
        assertTrue(pill.getStyleClass().contains("status-playing"), pill.getStyleClass().toString());
        assertFalse(pill.getStyleClass().contains("status-paused"), pill.getStyleClass().toString());
    }

    @Test
    void arrowKeysStayWithTextFieldsAndLists(FxRobot robot) throws Exception {
        TextField field = node(robot, "#param-iterations");
        robot.clickOn(field);
        robot.type(KeyCode.RIGHT, KeyCode.LEFT, KeyCode.RIGHT);
        settle();
        assertEquals(null, app.model().session().run(), "arrows in a text field moved the caret, not the run");
        javafx.scene.control.TreeView<Object> tree = node(robot, ".scenario-tree");
        robot.clickOn(tree);
        robot.interact(() -> tree.getSelectionModel().select(tree.getSelectionModel().getSelectedItem().getParent()));
        robot.type(KeyCode.RIGHT);
        settle();
        assertEquals(null, app.model().session().run(), "Right on a group in the demo list is the list's (it folds)");
        // (on a demo Left and Right step, for a clicker that sends arrows: StepBackUiTest)
        robot.type(KeyCode.PAGE_DOWN);
        settle();
        assertNotEquals(null, app.model().session().run(), "Page Down (the clicker) still steps");
    }

    @Test
    void newSeedRunsTheSameDemoUnderAnotherSchedule(FxRobot robot) throws Exception {
        TextField seed = node(robot, "#seedField");
        String before = seed.getText();
        robot.clickOn("#newSeedButton");
        settle();
        assertNotEquals(before, seed.getText());
        assertEquals(Long.parseLong(seed.getText()), app.model().session().settings().seed());
        assertEquals(RunSession.Status.PLAYING, app.model().session().status());
        String second = seed.getText();
        robot.clickOn("#stepButton"); // pauses; N is the clicker key for the same
        robot.type(KeyCode.N);
        settle();
        assertNotEquals(second, seed.getText());
        assertEquals(Long.parseLong(seed.getText()), app.model().session().settings().seed());
    }

    @Test
    void theLockSwitchStaysOnScreenInPresentationModeAndAt1024(FxRobot robot) throws Exception {
        present(robot, true);
        ToggleSwitch live = node(robot, "#live-lock");
        assertTrue(live.isVisible() && live.getScene() != null);
        assertEquals("lock", live.getText(), "its short name, from the bundle (锁 in Chinese)");
        boolean was = app.model().picker().field("lock").onProperty().get();
        robot.clickOn(live.lookup(".thumb"));
        settle();
        assertEquals(!was, app.model().picker().field("lock").onProperty().get());
        present(robot, false);
        resize(robot, 1024, 768);
        ToggleSwitch normal = node(robot, "#live-lock");
        javafx.geometry.Bounds b = onFx(() -> normal.localToScene(normal.getLayoutBounds()));
        assertTrue(normal.isVisible() && b.getMaxY() < 200 && b.getMaxX() <= 1024,
                "in normal mode at 1024x768 too the switch is in the top bar, on screen: " + b);
    }

    @Test
    void canvasTextFollowsCtrlPlusAndIsLargeWhenPresenting(FxRobot robot) throws Exception {
        CanvasTheme theme = app.model().theme();
        double normal = theme.fontSize(1);
        robot.press(KeyCode.CONTROL).type(KeyCode.ADD).release(KeyCode.CONTROL);
        settle();
        assertTrue(theme.fontSize(1) > normal, "keypad + scales the canvases");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.EQUALS).release(KeyCode.SHIFT, KeyCode.CONTROL);
        settle();
        double bigger = theme.fontSize(1);
        assertTrue(bigger > normal * 1.15, "Ctrl+Shift+= scales again");
        robot.press(KeyCode.CONTROL).type(KeyCode.MINUS).type(KeyCode.MINUS).release(KeyCode.CONTROL);
        settle();
        assertEquals(normal, theme.fontSize(1), 0.01);
        present(robot, true);
        assertTrue(theme.fontSize(0.75) >= 18, "the smallest canvas text in presentation: " + theme.fontSize(0.75));
    }

    /** rlock-counter (ten threads) presented at 1024x768, thirty steps in. */
    private void presentTenThreadsAt1024(FxRobot robot) throws Exception {
        resize(robot, 1024, 768);
        robot.interact(() -> app.model().picker().selectedProperty().set(
                interleave.scenario.Scenarios.byId("rlock-counter").orElseThrow()));
        present(robot, true);
        for (int i = 0; i < 30; i++) {
            robot.interact(() -> app.model().step());
        }
        Thread.sleep(300);
        settle();
    }

    @Test
    void presentingWithTenThreadsTheCpuViewScrollsInsteadOfShrinkingItsText(FxRobot robot) throws Exception {
        presentTenThreadsAt1024(robot);
        interleave.app.cpu.CpuCanvas cpu = node(robot, "#cpuCanvas");
        assertEquals(1.0, cpu.drawScale(), 1e-9, "presenting, the CPU view is never drawn smaller");
        java.util.List<java.util.Map.Entry<String, javafx.geometry.Rectangle2D>> boxes = cpu.boxBounds();
        double firstResource = boxes.stream().filter(e -> e.getKey().equals("RESOURCE"))
                .mapToDouble(e -> e.getValue().getMinY()).min().orElseThrow();
        double sleeping = boxes.stream().filter(e -> e.getKey().equals("SLEEPING"))
                .mapToDouble(e -> e.getValue().getMinY()).min().orElseThrow();
        double ready = boxes.stream().filter(e -> e.getKey().equals("READY"))
                .mapToDouble(e -> e.getValue().getMinY()).min().orElseThrow();
        assertTrue(ready < sleeping && firstResource < sleeping,
                "what tells the story first: core and ready queue, then who holds what, then sleeping: " + boxes);
        javafx.scene.Node n = cpu;
        while (!(n instanceof javafx.scene.control.ScrollPane)) {
            n = n.getParent();
        }
        javafx.scene.control.ScrollPane scroller = (javafx.scene.control.ScrollPane) n;
        assertTrue(cpu.getHeight() > scroller.getViewportBounds().getHeight() + 1,
                "what does not fit scrolls: " + cpu.getHeight() + " in " + scroller.getViewportBounds().getHeight());
        present(robot, false);
        Thread.sleep(200);
        settle();
        double scale = cpu.drawScale();
        assertTrue(scale <= 1.0 && scale >= interleave.app.cpu.CpuCanvas.MIN_SCALE - 1e-9,
                "out of presentation it may shrink, but not below what a classroom can read: " + scale);
        assertTrue(cpu.getHeight() <= scroller.getViewportBounds().getHeight() + 1
                        || Math.abs(scale - interleave.app.cpu.CpuCanvas.MIN_SCALE) < 1e-9,
                "it scrolls only when even the least scale does not fit");
    }

    /** Following the run with more lanes than fit, the lane of the thread that ran last is in view, and the
     * wheel over the names takes over until Follow live is pressed again. */
    @Test
    void followingTheRunKeepsTheRunningThreadsLaneInView(FxRobot robot) throws Exception {
        presentTenThreadsAt1024(robot);
        interleave.app.timeline.TimelineCanvas timeline = node(robot, "#timelineCanvas");
        interleave.app.timeline.TimelineViewModel vm = app.model().timeline();
        int belowTheFold = 0;
        for (int step = 0; step < 120 && belowTheFold < 3; step++) {
            robot.interact(() -> app.model().step());
            // a step lands at the next pulse or two: two short waits, not the full settle (120 steps)
            for (int wait = 0; wait < 2; wait++) {
                Thread.sleep(40);
                WaitForAsyncUtils.waitForFxEvents();
            }
            int lane = vm.laneToKeepInView();
            assertTrue(lane >= 0, "following: a running thread's lane");
            interleave.app.timeline.LaneLayout layout = timeline.laneLayout();
            double top = layout.tops()[lane];
            assertTrue(top >= layout.viewTop() - 1e-6 && top + layout.laneHeight() <= layout.scrollBottom() + 1e-6,
                    "step " + step + ": the lane of " + vm.lanes().get(lane) + " is in view");
            if (top + layout.scroll() + layout.laneHeight() > layout.scrollBottom()) {
                belowTheFold++; // a lane that would be out of view, had the lanes not scrolled
            }
        }
        assertTrue(belowTheFold >= 3, "threads whose lanes start out of view ran: " + belowTheFold);
    }

    /**
     * Issue 8: presenting at 1024x768 with ten threads, timeline lanes keep 18 px text and scroll instead; the
     * shared objects' lanes (the lock, the counter) stay in view under them.
     */
    @Test
    void presentingWithTenThreadsTheTimelineLanesScrollInsteadOfShrinking(FxRobot robot) throws Exception {
        presentTenThreadsAt1024(robot);
        interleave.app.timeline.TimelineCanvas timeline = node(robot, "#timelineCanvas");
        interleave.app.timeline.LaneLayout layout = timeline.laneLayout();
        assertTrue(layout.laneHeight() >= 18 * 1.25, "lanes as tall as their text: " + layout.laneHeight());
        assertTrue(layout.maxScroll() > 0, "fourteen lanes do not fit at 1024x768: they scroll");
        int lanes = layout.tops().length;
        assertTrue(layout.pinnedFrom() < lanes, "the shared objects stay in view under the threads: pinned from "
                + layout.pinnedFrom() + " of " + lanes);
        assertTrue(layout.visible(lanes - 1), "the lock's lane is there");
        int last = layout.pinnedFrom() - 1; // the last thread
        assertFalse(layout.tops()[last] + layout.laneHeight() <= layout.scrollBottom(),
                "the last thread's lane starts out of view");
        javafx.geometry.Bounds b = timeline.localToScreen(timeline.getBoundsInLocal());
        robot.moveTo(new javafx.geometry.Point2D(b.getMinX() + 20, b.getMinY() + b.getHeight() / 2));
        // the wheel, turned towards the user, over the lane names (fired as the platform delivers it)
        robot.interact(() -> {
            for (int i = 0; i < 40; i++) {
                timeline.fireEvent(new javafx.scene.input.ScrollEvent(javafx.scene.input.ScrollEvent.SCROLL,
                        20, b.getHeight() / 2, b.getMinX() + 20, b.getMinY() + b.getHeight() / 2, false, false, false,
                        false, false, false, 0, -40, 0, -40, javafx.scene.input.ScrollEvent.HorizontalTextScrollUnits.NONE,
                        0, javafx.scene.input.ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null));
            }
        });
        settle();
        layout = timeline.laneLayout();
        assertTrue(layout.scroll() > 0, "the wheel over the names scrolled the lanes");
        assertTrue(layout.visible(last), "scrolling reveals the last thread's lane");
        assertTrue(timeline.laneAt(layout.tops()[last] + layout.laneHeight() / 2) == last, "and it can be pointed at");
    }
}
