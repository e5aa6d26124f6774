package interleave.app.main;

import interleave.app.AppModel;
import interleave.app.session.RunSession;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;

/** The window: lays the views out, owns the keyboard (clicker keys) and presentation mode. */
public final class MainController {
    private static final KeyCombination BIGGER = KeyCombination.keyCombination("Shortcut+Plus");
    private static final KeyCombination BIGGER_EQ = KeyCombination.keyCombination("Shortcut+Equals");
    private static final KeyCombination SMALLER = KeyCombination.keyCombination("Shortcut+Minus");

    private final AppModel model;
    private final MainViewModel vm;
    @FXML
    private BorderPane root;
    @FXML
    private Label deadlockBanner;
    @FXML
    private Label messageBanner;
    @FXML
    private SplitPane centerSplit;
    @FXML
    private Region picker;
    @FXML
    private Region result;
    @FXML
    private Region log;

    public MainController(AppModel model) {
        this.model = model;
        this.vm = new MainViewModel(model.i18n());
    }

    @FXML
    private void initialize() {
        root.getChildren().add(model.theme());
        model.presentingProperty().addListener((o, a, b) -> applyPresentation());
        model.textScaleProperty().addListener((o, a, b) -> applyPresentation());
        model.messageProperty().addListener((o, a, b) -> showMessage(b));
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        applyPresentation();
        showMessage(model.messageProperty().get());
    }

    /** Called once the whole tree is loaded. */
    public void attach() {
        model.addFrameListener(changed -> {
            if (changed) {
                RunSession s = model.session();
                String text = s.shown() == null ? ""
                        : vm.explain(s.trace(), s.shown().deadlock(), s.shown()::holderOf);
                deadlockBanner.setText(text);
                deadlockBanner.setVisible(!text.isEmpty());
                deadlockBanner.setManaged(!text.isEmpty());
            }
        });
    }

    private void showMessage(String text) {
        boolean show = text != null && !text.isEmpty();
        messageBanner.setText(show ? text : "");
        messageBanner.setVisible(show);
        messageBanner.setManaged(show);
    }

    private void applyPresentation() {
        boolean on = model.presentingProperty().get();
        if (on) {
            if (!root.getStyleClass().contains("presenting")) {
                root.getStyleClass().add("presenting");
            }
        } else {
            root.getStyleClass().remove("presenting");
        }
        root.setLeft(on ? null : picker);
        root.setBottom(on ? null : log);
        double base = on ? 20 : 14;
        root.setStyle("-fx-font-size: " + Math.round(base * model.textScaleProperty().get()) + "px;");
    }

    private void onKey(KeyEvent e) {
        if (e.getTarget() instanceof javafx.scene.control.TextInputControl && !e.getCode().isFunctionKey()) {
            return; // typing into a field
        }
        if (BIGGER.match(e) || BIGGER_EQ.match(e)) {
            model.textScaleProperty().set(Math.min(3, model.textScaleProperty().get() + 0.1));
        } else if (SMALLER.match(e)) {
            model.textScaleProperty().set(Math.max(0.6, model.textScaleProperty().get() - 0.1));
        } else if (e.getCode() == KeyCode.F5) {
            model.presentingProperty().set(!model.presentingProperty().get());
        } else if (e.getCode() == KeyCode.SPACE) {
            model.togglePlay();
        } else if (e.getCode() == KeyCode.RIGHT || e.getCode() == KeyCode.PAGE_DOWN) {
            model.step();
        } else if (e.getCode() == KeyCode.R && !e.isShortcutDown()) {
            model.reset();
        } else if (e.getCode() == KeyCode.L && !e.isShortcutDown()) {
            toggleLock();
        } else {
            return;
        }
        e.consume();
    }

    private void toggleLock() {
        model.picker().toggle("lock");
    }

    Scene scene() {
        return root.getScene();
    }
}
