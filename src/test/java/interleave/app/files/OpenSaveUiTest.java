package interleave.app.files;

import static interleave.app.UiTestSupport.node;
import static interleave.app.UiTestSupport.onFx;
import static interleave.app.UiTestSupport.settle;
import static interleave.app.UiTestSupport.count;
import static interleave.app.UiTestSupport.text;

import interleave.app.I18n;
import interleave.app.InterleaveApp;
import interleave.app.UiTestSupport;
import interleave.app.LaunchOptions;
import interleave.app.session.RunSession;
import interleave.scenario.ScenarioRun;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.controlsfx.control.ToggleSwitch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** File > Save trace, File > Open (the same code drag and drop and --open use), File > Export timeline PNG. */
@ExtendWith(ApplicationExtension.class)
class OpenSaveUiTest {
    private static final List<String> SHOWN = List.of("#statusLabel", "#timeLabel", "#countLabel", "#expectedValue",
            "#actualValue", "#lostCount", "#switchCount");
    private InterleaveApp app;
    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        app = UiTestSupport.openApp(stage);
    }

    @AfterEach
    void stop() throws Exception {
        UiTestSupport.closeApp(app);
    }

    private TraceFileActions actions() {
        return new TraceFileActions(app.model());
    }

    private void finishedBalanceRun(FxRobot robot, boolean lock) throws Exception {
        TextField f = node(robot, "#param-iterations");
        ToggleSwitch sw = node(robot, "#param-lock");
        robot.interact(() -> {
            f.setText("500");
            sw.setSelected(lock);
        });
        robot.clickOn("#runToEndButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> text(robot, "#statusLabel").equals("finished"));
        settle();
    }


    @Test
    void aSavedRunOpensAgainShowingWhatTheLiveRunShowed(FxRobot robot) throws Exception {
        finishedBalanceRun(robot, false);
        List<String> live = SHOWN.stream().map(q -> text(robot, q)).toList();
        List<?> liveLog = List.copyOf(((javafx.scene.control.ListView<?>) node(robot, "#logList")).getItems());
        List<?> liveCode = List.copyOf(((javafx.scene.control.ListView<?>) node(robot, "#codeList")).getItems());
        assertTrue(count(robot, "#lostCount") > 0);
        Path file = dir.resolve("race.trace");
        assertTrue(onFx(() -> actions().save(file)));

        robot.clickOn("#resetButton"); // a fresh run, then the saved one
        settle();
        assertEquals("0", text(robot, "#lostCount"));
        assertTrue(onFx(() -> actions().open(file)));
        settle();
        RunSession s = app.model().session();
        assertNull(s.run(), "an opened file is no live run");
        assertNotNull(s.loaded());
        assertEquals("balance", s.scenario().id());
        assertSame(s.analyzer(), app.model().timeline().analyzer(), "the timeline draws the opened run");
        assertEquals(live, SHOWN.stream().map(q -> text(robot, q)).toList());
        assertEquals(liveLog.toString(), ((javafx.scene.control.ListView<?>) node(robot, "#logList")).getItems()
                .toString(), "the log ends with the same sentences");
        assertEquals(liveCode.toString(), ((javafx.scene.control.ListView<?>) node(robot, "#codeList")).getItems()
                .toString(), "the same Python program");
        assertTrue(!liveLog.isEmpty() && !liveCode.isEmpty());
        assertFalse(((Label) node(robot, "#messageBanner")).isVisible());
        // Play on a saved run plays the recording from its start; Reset runs the demo again from the form
        robot.interact(() -> s.setSpeed(1));
        robot.clickOn("#playButton");
        settle();
        assertTrue(s.inPast(), "the recording plays from its start");
        assertNotNull(s.loaded(), "still the saved run");
        assertEquals("playing back", text(robot, "#statusLabel"));
        assertEquals("500", ((TextField) node(robot, "#param-iterations")).getText());
        robot.clickOn("#resetButton");
        settle();
        assertNull(s.loaded());
    }

    @Test
    void aDamagedOrForeignFileGetsOneMessageAndTheCurrentRunStays(FxRobot robot) throws Exception {
        finishedBalanceRun(robot, true);
        ScenarioRun current = app.model().session().run();
        String lost = text(robot, "#lostCount");
        Path foreign = Files.writeString(dir.resolve("notes.trace"), "{\"traceEvents\": []}\n");
        assertFalse(onFx(() -> actions().open(foreign)));
        settle();
        Label banner = node(robot, "#messageBanner");
        assertTrue(banner.isVisible());
        assertEquals("Cannot open notes.trace: it is not an Interleave trace file. The current run is unchanged.",
                banner.getText());
        assertSame(current, app.model().session().run());
        assertEquals("finished", text(robot, "#statusLabel"));
        assertEquals(lost, text(robot, "#lostCount"));
        // notes saved as .txt: meant as a program most likely, so the message says what the command line says
        Path notes = Files.writeString(dir.resolve("notes.txt"), "Threads share memory.\n");
        assertFalse(onFx(() -> actions().open(notes)));
        settle();
        assertEquals("Cannot open notes.txt: it is neither a Python program (its first line of code does not read as"
                + " Python) nor a saved trace. To run it as Python anyway, save it as .py. The current run is unchanged.",
                ((Label) node(robot, "#messageBanner")).getText());

        Path good = dir.resolve("good.trace");
        assertTrue(onFx(() -> actions().save(good)));
        String all = Files.readString(good);
        Path cut = Files.writeString(dir.resolve("cut.trace"), all.substring(0, all.length() / 2));
        robot.interact(() -> app.model().i18n().setLocale(I18n.CHINESE));
        settle();
        assertFalse(onFx(() -> actions().open(cut)));
        settle();
        banner = node(robot, "#messageBanner");
        assertTrue(banner.getText().startsWith("无法打开 cut.trace：文件不完整"), banner.getText());
        assertTrue(banner.getText().endsWith("当前的运行保持不变。"), banner.getText());
        assertSame(current, app.model().session().run());
    }

    /** The menu and drops read on a worker thread and show the run on the FX thread when it is ready. */
    @Test
    void theMenuAndDropsOpenInTheBackground(FxRobot robot) throws Exception {
        finishedBalanceRun(robot, false);
        String lost = text(robot, "#lostCount");
        Path file = dir.resolve("bg.trace");
        assertTrue(onFx(() -> actions().save(file)));
        robot.clickOn("#resetButton");
        settle();
        java.util.concurrent.CompletableFuture<Boolean> shown = new java.util.concurrent.CompletableFuture<>();
        robot.interact(() -> actions().openInBackground(file, shown::complete));
        assertTrue(shown.get(60, TimeUnit.SECONDS));
        settle();
        assertNotNull(app.model().session().loaded());
        assertEquals(lost, text(robot, "#lostCount"));
        java.util.concurrent.CompletableFuture<Boolean> refused = new java.util.concurrent.CompletableFuture<>();
        Path foreign = Files.writeString(dir.resolve("x.png"), "\u0089PNG");
        robot.interact(() -> actions().openInBackground(foreign, refused::complete));
        assertFalse(refused.get(60, TimeUnit.SECONDS));
        settle();
        assertTrue(((Label) node(robot, "#messageBanner")).getText().contains("not an Interleave trace"));
        assertSame(file, app.model().session().loaded().source(), "the opened run stays");
    }

    /** A drag carrying these files, as the desktop would deliver it (through the toolkit's clipboard peer). */
    private static javafx.scene.input.Dragboard dragboardWith(java.io.File file) {
        com.sun.javafx.tk.TKClipboard peer = (com.sun.javafx.tk.TKClipboard) java.lang.reflect.Proxy.newProxyInstance(
                OpenSaveUiTest.class.getClassLoader(), new Class<?>[] {com.sun.javafx.tk.TKClipboard.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getContentTypes" -> java.util.Set.of(javafx.scene.input.DataFormat.FILES);
                    case "hasContent" -> javafx.scene.input.DataFormat.FILES.equals(args[0]);
                    case "getContent" -> javafx.scene.input.DataFormat.FILES.equals(args[0]) ? List.of(file) : null;
                    case "getTransferModes" -> java.util.Set.of(javafx.scene.input.TransferMode.COPY);
                    case "putContent" -> false;
                    case "getDragViewOffsetX", "getDragViewOffsetY" -> 0.0;
                    default -> null;
                });
        javafx.scene.input.Dragboard db = com.sun.javafx.scene.input.DragboardHelper.createDragboard(peer);
        com.sun.javafx.scene.input.DragboardHelper.setDataAccessRestriction(db, false);
        return db;
    }

    private javafx.scene.input.DragEvent drag(javafx.event.EventType<javafx.scene.input.DragEvent> type,
                                              java.io.File file) {
        return new javafx.scene.input.DragEvent(type, dragboardWith(file), 300, 300, 300, 300,
                javafx.scene.input.TransferMode.COPY, null, null, null);
    }

    @Test
    void aTraceFileDroppedOnTheWindowOpens(FxRobot robot) throws Exception {
        finishedBalanceRun(robot, false);
        String lost = text(robot, "#lostCount");
        Path file = dir.resolve("dropped.trace");
        assertTrue(onFx(() -> actions().save(file)));
        robot.clickOn("#resetButton");
        settle();
        javafx.scene.Scene scene = ((Node) node(robot, "#statusLabel")).getScene();
        javafx.scene.input.TransferMode accepted = WaitForAsyncUtils.asyncFx(() -> {
            javafx.scene.input.DragEvent over = drag(javafx.scene.input.DragEvent.DRAG_OVER, file.toFile());
            javafx.event.Event.fireEvent(scene, over);
            return over.getAcceptedTransferMode();
        }).get(10, TimeUnit.SECONDS);
        assertEquals(javafx.scene.input.TransferMode.COPY, accepted, "the window takes files");
        robot.interact(() -> javafx.event.Event.fireEvent(scene,
                drag(javafx.scene.input.DragEvent.DRAG_DROPPED, file.toFile())));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.model().session().loaded() != null);
        settle();
        assertEquals(lost, text(robot, "#lostCount"));
        assertEquals("finished", text(robot, "#statusLabel"));

        Path foreign = Files.writeString(dir.resolve("slides.txt"), "not a trace\n");
        robot.interact(() -> javafx.event.Event.fireEvent(scene,
                drag(javafx.scene.input.DragEvent.DRAG_DROPPED, foreign.toFile())));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> ((Label) node(robot, "#messageBanner")).getText().contains("slides.txt"));
        assertEquals(file, app.model().session().loaded().source(), "the opened run stays");
    }

    @Test
    void theTimelineExportsAsAPngWithTheLostUpdatesMarked(FxRobot robot) throws Exception {
        finishedBalanceRun(robot, false);
        Path png = dir.resolve("slide.png");
        assertTrue(onFx(() -> actions().exportPng(png)));
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(TimelinePng.WIDTH, img.getWidth());
        boolean lostMark = false;
        for (int y = 0; y < img.getHeight() && !lostMark; y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) == 0xB2182B) {
                    lostMark = true;
                    break;
                }
            }
        }
        assertTrue(lostMark);
        assertFalse(onFx(() -> actions().exportPng(dir.resolve("no/folder/x.png"))));
        assertTrue(((Label) node(robot, "#messageBanner")).getText().contains("the folder does not exist"));
    }

    /** File > Save demo program as .py: the code pane's program, its parameters filled in, becomes the user's own. */
    @Test
    void aDemosProgramSavesAsAPythonFileThatOpensAsTheUsersOwn(FxRobot robot) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(interleave.program.PythonProgram.findPython() != null,
                "SKIPPED: no python3 (3.8+) on the PATH to open the saved program (.ci/run installs it)");
        TextField f = node(robot, "#param-iterations");
        robot.interact(() -> {
            f.setText("500");
            app.model().picker().apply();
        });
        settle();
        String shown = app.model().session().scenario().python(app.model().session().params());
        assertTrue(shown.contains("ITERATIONS = 500"), "the code shows the run's value: " + shown);
        Path py = dir.resolve("my-balance.py");
        assertTrue(UiTestSupport.onFx(() -> actions().saveDemoProgram(py)));
        assertEquals(shown + "\n", Files.readString(py), "the file is the program on screen");
        settle();
        assertEquals(interleave.scenario.Topic.YOUR_PROGRAMS, app.model().session().scenario().topic(),
                "it is open as the user's program, to edit and run");
        assertEquals("my-balance.py", app.model().session().scenario().title(java.util.Locale.ENGLISH));
        assertTrue(UiTestSupport.onFx(() -> !actions().saveDemoProgram(dir.resolve("again.py"))),
                "a program is not a demo: nothing to save");
        assertFalse(Files.exists(dir.resolve("again.py")));
    }

    @Test
    void openIsALaunchOption() {
        LaunchOptions o = LaunchOptions.parse(List.of("--open", "run.trace", "--present"));
        assertEquals("run.trace", o.open());
        assertTrue(o.present() && o.problems().isEmpty());
        assertFalse(LaunchOptions.parse(List.of("--open")).problems().isEmpty());
        assertEquals(Path.of("x.trace"), FileMenuController.withExtension(Path.of("x"), ".trace"));
        assertEquals(Path.of("x.jsonl"), FileMenuController.withExtension(Path.of("x.jsonl"), ".trace"));
    }

    /** Issue 10: a teacher's own .py opens as a program, under "Your programs", and runs to its end. */
    @Test
    void aPythonProgramOpensUnderYourProgramsAndRuns(FxRobot robot) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(interleave.program.PythonProgram.findPython() != null,
                "SKIPPED: no python3 on the PATH (.ci/run installs it)");
        Path program = dir.resolve("balance.py");
        try (java.io.InputStream in = getClass().getResourceAsStream("/interleave/programs/balance.py")) {
            java.nio.file.Files.write(program, in.readAllBytes());
        }
        assertTrue(onFx(() -> actions().open(program)));
        settle();
        assertEquals("balance.py", app.model().picker().selectedProperty().get().title(java.util.Locale.ENGLISH));
        javafx.scene.control.TreeView<?> tree = node(robot, "#scenarioTree");
        assertEquals(interleave.scenario.Topic.YOUR_PROGRAMS, tree.getRoot().getChildren().get(0).getValue());
        List<?> code = List.copyOf(((javafx.scene.control.ListView<?>) node(robot, "#codeList")).getItems());
        String file = java.nio.file.Files.readString(program);
        assertEquals(file.strip(), app.model().picker().selectedProperty().get().python().strip(),
                "the code on screen is the file, as it is");
        assertEquals(file.strip().lines().count(), code.size(), "a row per line of the file");
        robot.clickOn("#runToEndButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> text(robot, "#statusLabel").equals("finished"));
        settle();
        assertTrue(count(robot, "#lostCount") > 0, "the program's own race loses updates");
        assertFalse(node(robot, "#clockNote").isVisible(), "no dates printed: nothing to explain");
        // the note under the lost updates: whole at a desk, one sentence when presenting (the panel is short there)
        interleave.app.I18n i18n = app.model().i18n();
        assertTrue(node(robot, "#schedulerNote").isVisible());
        assertEquals(i18n.get("result.schedulerSwitchesMore"), text(robot, "#schedulerNote"));
        onFx(() -> {
            app.model().presentingProperty().set(true);
            return null;
        });
        settle();
        assertEquals(i18n.get("result.schedulerSwitchesMore.short"), text(robot, "#schedulerNote"));
        onFx(() -> {
            app.model().presentingProperty().set(false);
            return null;
        });
        settle();

        Path bad = dir.resolve("bad.py");
        java.nio.file.Files.writeString(bad, "if True\n    print('hello')\n");
        assertFalse(onFx(() -> actions().open(bad)));
        assertTrue(app.model().messageProperty().get().contains("line 1"), app.model().messageProperty().get());
    }

    /** A program of this text, opened and run to its end (skipped, and saying so, without python3). */
    private void runToTheEnd(FxRobot robot, String name, String text) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(interleave.program.PythonProgram.findPython() != null,
                "SKIPPED: no python3 on the PATH (.ci/run installs it)");
        Path program = java.nio.file.Files.writeString(dir.resolve(name), text);
        assertTrue(onFx(() -> actions().open(program)));
        settle();
        robot.clickOn("#runToEndButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> text(robot, "#statusLabel").equals("finished"));
        settle();
    }

    /** A program that prints ctime() on the virtual clock shows a day of 1970, and the result pane says why. */
    @Test
    void aProgramsDatesOfTheVirtualClockAreExplained(FxRobot robot) throws Exception {
        runToTheEnd(robot, "dated.py",
                "from time import ctime, sleep\nprint('starting at:', ctime())\nsleep(1)\nprint('done at:', ctime())\n");
        assertTrue(node(robot, "#clockNote").isVisible(), "the dates are explained");
        assertTrue(text(robot, "#clockNote").contains("1970"), text(robot, "#clockNote"));
    }

    /** The tutorial's Pool() on the default single virtual core: the result pane says why one worker ran the tasks. */
    @Test
    void aPoolOnOneVirtualCoreIsExplained(FxRobot robot) throws Exception {
        runToTheEnd(robot, "pool.py", "from multiprocessing import Pool\ndef f(x):\n    return x * x\n"
                + "if __name__ == '__main__':\n    with Pool() as p:\n        print(p.map(f, [1, 2, 3]))\n");
        assertTrue(node(robot, "#coresNote").isVisible(), "one worker is explained");
        assertEquals(app.model().i18n().get("result.oneCoreOneWorker"), text(robot, "#coresNote"));
    }
}
