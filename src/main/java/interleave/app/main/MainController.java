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
    private static final KeyCombination BIGGER_SHIFT_EQ = KeyCombination.keyCombination("Shortcut+Shift+Equals");
    private static final KeyCombination BIGGER_KEYPAD = KeyCombination.keyCombination("Shortcut+Add");
    private static final KeyCombination SMALLER = KeyCombination.keyCombination("Shortcut+Minus");
    private static final KeyCombination SMALLER_KEYPAD = KeyCombination.keyCombination("Shortcut+Subtract");
    private static final KeyCombination NORMAL_SIZE = KeyCombination.keyCombination("Shortcut+0");

    private final AppModel model;
    private final javafx.event.EventHandler<KeyEvent> keys = this::onKey;
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
    private SplitPane lowerSplit;
    /** The dividers before the editor took the room, to give them back. */
    private double[] dividersBeforeEditing;
    private javafx.scene.Node timelinePane;
    private javafx.scene.Node cpuPane;
    private final javafx.beans.value.ChangeListener<Boolean> onEditing = (o, a, on) -> roomForEditor(on);
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
        // on the scene, not the root: with nothing focused (the transport's buttons take no focus) a key goes to
        // the scene alone, and a clicker's Page Down must still step
        root.sceneProperty().addListener((o, old, scene) -> {
            if (old != null) {
                old.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
            }
            if (scene != null) {
                scene.addEventFilter(KeyEvent.KEY_PRESSED, keys);
            }
        });
        root.widthProperty().addListener((o, a, b) -> fitPanels());
        model.editor().editingProperty().addListener(new javafx.beans.value.WeakChangeListener<>(onEditing));
        if (model.editor().editing()) {
            roomForEditor(true); // views rebuilt (a language switch) while editing
        }
        applyPresentation();
        showMessage(model.messageProperty().get());
    }

    /** Called once the whole tree is loaded. */
    public void attach() {
        model.addFrameListener(changed -> {
            if (changed) {
                RunSession s = model.session();
                String text = s.shown() == null ? ""
                        : String.join(" ", java.util.stream.Stream.of(
                                vm.explainError(s.trace(), s.shown().errors()),
                                vm.explain(s.trace(), s.shown().deadlock(), s.shown()::holderOf),
                                vm.longRun(s.secondsAtFullSpeed(), s.trace().size()))
                                .filter(x -> !x.isEmpty()).toList());
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
        root.setBottom(on || model.editor().editing() ? null : log);
        double base = on ? 20 : 14;
        root.setStyle("-fx-font-size: " + Math.round(base * model.textScaleProperty().get()) + "px;");
        model.theme().setTextScale(model.textScaleProperty().get()); // canvases follow Ctrl + and Ctrl -
        fitPanels();
    }

    /**
     * While the user edits a program the code pane takes the centre: the timeline, the CPU view and the log step
     * aside (a program is not readable in a quarter of a 1024-pixel projector); closing the editor puts them back
     * where they were.
     */
    private void roomForEditor(boolean editing) {
        if (editing && dividersBeforeEditing == null) {
            dividersBeforeEditing = new double[] {centerSplit.getDividerPositions()[0],
                    lowerSplit.getDividerPositions()[0]};
            timelinePane = centerSplit.getItems().get(0);
            cpuPane = lowerSplit.getItems().get(0);
            centerSplit.getItems().remove(timelinePane);
            lowerSplit.getItems().remove(cpuPane);
        } else if (!editing && dividersBeforeEditing != null) {
            centerSplit.getItems().add(0, timelinePane);
            lowerSplit.getItems().add(0, cpuPane);
            centerSplit.setDividerPositions(dividersBeforeEditing[0]);
            lowerSplit.setDividerPositions(dividersBeforeEditing[1]);
            dividersBeforeEditing = null;
        }
        applyPresentation();
    }

    /** Side panels take a share of the window, so the centre keeps room on a 1024-pixel projector. */
    private void fitPanels() {
        double w = root.getWidth() > 0 ? root.getWidth() : WindowFit.PREFERRED_WIDTH;
        boolean on = model.presentingProperty().get();
        picker.setPrefWidth(WindowFit.pickerWidth(w, on));
        picker.setMinWidth(WindowFit.pickerWidth(w, on));
        result.setPrefWidth(WindowFit.resultWidth(w, on));
        result.setMinWidth(WindowFit.resultWidth(w, on));
        result.setMaxWidth(WindowFit.resultWidth(w, on));
    }

    private void onKey(KeyEvent e) {
        if (KeyRouting.belongsToControl(e.getTarget(), e.getCode(), e.isShortcutDown())) {
            return; // typing into a field, moving a slider, walking a list: the control's own key
        }
        if (BIGGER.match(e) || BIGGER_EQ.match(e) || BIGGER_SHIFT_EQ.match(e) || BIGGER_KEYPAD.match(e)) {
            model.textScaleProperty().set(KeyRouting.bigger(model.textScaleProperty().get()));
        } else if (SMALLER.match(e) || SMALLER_KEYPAD.match(e)) {
            model.textScaleProperty().set(KeyRouting.smaller(model.textScaleProperty().get()));
        } else if (NORMAL_SIZE.match(e)) {
            model.textScaleProperty().set(1);
        } else if (e.getCode() == KeyCode.N && !e.isShortcutDown()) {
            interleave.app.transport.NewSeed.apply(model);
        } else if (e.getCode() == KeyCode.F5) {
            model.presentingProperty().set(!model.presentingProperty().get());
        } else if (e.getCode() == KeyCode.SPACE) {
            model.togglePlay();
        } else if (e.getCode() == KeyCode.RIGHT || e.getCode() == KeyCode.PAGE_DOWN) {
            model.step();
        } else if (e.getCode() == KeyCode.LEFT || e.getCode() == KeyCode.PAGE_UP) {
            model.stepBack();
        } else if (e.getCode() == KeyCode.END) {
            model.goLive();
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
