package interleave.app;

import interleave.app.files.RecentFilesStore;
import javafx.stage.Stage;

import java.nio.file.Path;

/**
 * An app for a UI test that keeps its recent files in the test's own folder (never the user's preferences), in
 * English, and puts the build's own store back afterwards for the test classes that follow.
 */
public final class SandboxedApp {
    private static String storeBefore;

    private SandboxedApp() {
    }

    /** Starts the app in {@code stage}, its recent-files store in {@code dir}. */
    public static InterleaveApp start(Stage stage, Path dir) {
        System.setProperty("interleave.lang", "en");
        if (storeBefore == null) {
            storeBefore = System.getProperty(RecentFilesStore.FILE_PROPERTY, "");
        }
        System.setProperty(RecentFilesStore.FILE_PROPERTY, dir.resolve("recent.json").toString());
        InterleaveApp app = new InterleaveApp();
        app.start(stage);
        return app;
    }

    /** Puts the build's own store back; then stops {@code app} on the FX thread, after {@code before} there. */
    public static void stop(InterleaveApp app, Runnable before) throws Exception {
        System.setProperty(RecentFilesStore.FILE_PROPERTY, storeBefore);
        org.testfx.util.WaitForAsyncUtils.asyncFx(() -> {
            before.run();
            app.stop();
        }).get();
    }
}
