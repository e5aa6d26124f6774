package interleave.app.files;

import static interleave.app.UiTestSupport.node;
import static interleave.app.UiTestSupport.onFx;
import static interleave.app.UiTestSupport.settle;
import static interleave.app.UiTestSupport.text;

import interleave.app.InterleaveApp;
import interleave.app.SandboxedApp;
import interleave.app.LaunchOptions;
import interleave.program.PythonProgram;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** File > Open recent across a restart, and the Program input box answering a program's input(). Headless. */
@ExtendWith(ApplicationExtension.class)
class RecentAndInputUiTest {
    @TempDir
    static Path dir;
    private InterleaveApp app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = SandboxedApp.start(stage, dir);
    }

    @AfterEach
    void stop() throws Exception {
        SandboxedApp.stop(app, () -> { });
    }


    private Menu recentMenu(FxRobot robot) {
        MenuBar bar = node(robot, "#fileMenuBar");
        return (Menu) bar.getMenus().get(0).getItems().stream().filter(i -> "recentMenu".equals(i.getId()))
                .findFirst().orElseThrow();
    }

    private List<String> recentTexts(FxRobot robot) {
        return recentMenu(robot).getItems().stream().map(MenuItem::getText).toList();
    }

    private MenuItem recentItem(FxRobot robot, String id) {
        return recentMenu(robot).getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }

    /** A fresh app in the same window, as after a restart (the same store, a new model). */
    private void restart(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            app.stop();
            app = new InterleaveApp();
            app.start(stage);
        }).get(60, TimeUnit.SECONDS);
        settle();
    }

    @Test
    void openRecentListsTracesAndProgramsAcrossARestartAndForgetsMissingOnes(FxRobot robot) throws Exception {
        assertEquals(List.of("No recent files", "", "Clear"),
                recentTexts(robot).stream().map(t -> t == null ? "" : t).toList());
        assertTrue(recentItem(robot, "recentClear").isDisable());
        // a saved trace and an opened one are both remembered, the newest first
        robot.clickOn("#runToEndButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> text(robot, "#statusLabel").equals("finished"));
        Path trace = dir.resolve("race.trace");
        Path other = dir.resolve("other.trace");
        TraceFileActions actions = new TraceFileActions(app.model());
        assertTrue(onFx(() -> actions.save(trace)));
        assertTrue(onFx(() -> actions.save(other)));
        assertTrue(onFx(() -> actions.open(trace)));
        settle();
        assertEquals("race.trace  \u2013  " + dir, recentItem(robot, "recent-0").getText());
        assertEquals("other.trace  \u2013  " + dir, recentItem(robot, "recent-1").getText());

        restart(robot);
        assertEquals("race.trace  \u2013  " + dir, recentItem(robot, "recent-0").getText(), "kept across a restart");
        assertFalse(recentItem(robot, "recentClear").isDisable());
        // choosing an entry opens it as File > Open would
        robot.interact(() -> recentItem(robot, "recent-1").fire());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.model().session().loaded() != null);
        settle();
        assertEquals(other, app.model().session().loaded().source());
        assertEquals("other.trace  \u2013  " + dir, recentItem(robot, "recent-0").getText(), "now the most recent");

        // a file that has gone is removed, with a message, and the run shown stays
        Files.delete(trace);
        robot.interact(() -> recentItem(robot, "recent-1").fire());
        settle();
        Label banner = node(robot, "#messageBanner");
        assertEquals("race.trace is no longer in " + dir + ": it was removed from Open recent.", banner.getText());
        assertEquals(List.of(other), List.copyOf(app.model().recent().files()));
        assertEquals(other, app.model().session().loaded().source());

        robot.interact(() -> recentItem(robot, "recentClear").fire());
        settle();
        assertEquals("No recent files", recentItem(robot, "recentNone").getText());
        restart(robot);
        assertTrue(app.model().recent().files().isEmpty(), "Clear is kept too");
    }

    @Test
    void theProgramInputBoxAnswersInputAndOnlyShowsForProgramsThatAsk(FxRobot robot) throws Exception {
        Assumptions.assumeTrue(PythonProgram.findPython() != null, "SKIPPED: no python3 on the PATH");
        Node box = node(robot, "#programInputBox");
        assertFalse(box.isVisible(), "a demo has no input box");
        Path quiet = Files.writeString(dir.resolve("quiet.py"), "print('no questions')\n");
        assertTrue(onFx(() -> new TraceFileActions(app.model()).open(quiet)));
        settle();
        assertFalse(box.isVisible(), "nor a program that does not call input()");

        Path asks = Files.writeString(dir.resolve("asks.py"), """
                import threading
                name = input("name? ")
                t = threading.Thread(target=lambda: print("hello", name))
                t.start()
                t.join()
                """);
        assertTrue(onFx(() -> new TraceFileActions(app.model()).open(asks)));
        settle();
        assertTrue(box.isVisible());
        assertTrue(box.isManaged());
        TextArea answers = node(robot, "#programInputArea");
        Button apply = node(robot, "#programInputApply");
        assertTrue(apply.isDisable(), "nothing to apply yet");
        robot.interact(() -> {
            stage.setWidth(1024);
            stage.setHeight(768);
        });
        settle();
        Node n = apply;
        while (!(n instanceof javafx.scene.control.ScrollPane)) {
            n = n.getParent();
        }
        javafx.scene.control.ScrollPane panel = (javafx.scene.control.ScrollPane) n;
        double panelBottom = panel.localToScene(panel.getLayoutBounds()).getMaxY();
        assertTrue(apply.localToScene(apply.getLayoutBounds()).getMaxY() <= panelBottom,
                "at 1024x768 the Apply button shows without scrolling the left panel");
        robot.clickOn(answers).write("Ada");
        settle();
        assertEquals("Ada", answers.getText(), "typing goes into the box (not to the clicker keys)");
        assertFalse(apply.isDisable());
        robot.clickOn(apply);
        settle();
        PythonProgram running = (PythonProgram) app.model().session().scenario();
        assertEquals(List.of("Ada"), running.answers(), "the answers are part of the program that runs");
        assertTrue(apply.isDisable());
        robot.clickOn("#runToEndButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> text(robot, "#statusLabel").equals("finished"));
        settle();
        assertEquals("hello Ada", app.model().session().result().get("printed"));

        // Reset runs the same answers again: a replay is the same run
        robot.clickOn("#resetButton");
        settle();
        assertEquals(List.of("Ada"), ((PythonProgram) app.model().session().scenario()).answers());
        robot.clickOn("#runToEndButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> text(robot, "#statusLabel").equals("finished"));
        settle();
        assertEquals("hello Ada", app.model().session().result().get("printed"));
    }

    @Test
    void editAndInputAreLaunchOptions() {
        LaunchOptions o = LaunchOptions.parse(List.of("--open", "gate.py", "--input", "no", "--input", "true",
                "--edit"));
        assertEquals(List.of("no", "true"), o.inputs());
        assertTrue(o.edit() && o.problems().isEmpty());
        assertFalse(LaunchOptions.parse(List.of("--input")).problems().isEmpty());
    }
}
