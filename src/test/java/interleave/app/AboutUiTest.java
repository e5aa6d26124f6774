package interleave.app;

import interleave.app.about.AboutViewModel;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Help > About shows the app's name, its version and what it runs on, in the UI language; Close shuts it. */
@ExtendWith(ApplicationExtension.class)
class AboutUiTest {
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
    void helpAboutShowsNameVersionAndRuntimeAndCloses(FxRobot robot) throws Exception {
        robot.clickOn("#helpMenu").clickOn("#aboutItem");
        WaitForAsyncUtils.waitForFxEvents();
        Label name = robot.lookup("#aboutName").queryAs(Label.class);
        Label version = robot.lookup("#aboutVersion").queryAs(Label.class);
        Label runtime = robot.lookup("#aboutRuntime").queryAs(Label.class);
        assertEquals("Interleave", name.getText().replaceAll("\\s.*", ""));
        assertTrue(version.getText().startsWith("Version "), version.getText());
        assertTrue(runtime.getText().contains(System.getProperty("java.version")), runtime.getText());
        assertTrue(runtime.getText().contains("JavaFX 21"), runtime.getText());
        Window about = name.getScene().getWindow();
        assertTrue(about.isShowing());
        robot.clickOn("#aboutClose");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(about.isShowing(), "Close shuts the About box");
    }

    @Test
    void theAboutTextsAreInBothLanguages() {
        AboutViewModel zh = new AboutViewModel(new I18n(Locale.SIMPLIFIED_CHINESE));
        AboutViewModel en = new AboutViewModel(new I18n(Locale.ENGLISH));
        assertTrue(zh.version().startsWith("版本"), zh.version());
        assertFalse(zh.text().equals(en.text()));
        assertTrue(en.title().contains("Interleave"));
    }
}
