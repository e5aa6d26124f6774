package interleave.app.input;

import interleave.app.AppModel;
import interleave.app.session.RunSession;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;

/** The keyboard bar above the timeline: who waits in input(), a field to type the line, and Send. */
public final class KeyboardController {
    /** The most of the bar's width the question takes before it wraps. */
    private static final double QUESTION_SHARE = 0.55;
    private final AppModel model;
    private final KeyboardViewModel vm;
    @FXML
    private HBox keyboardBar;
    @FXML
    private Label question;
    @FXML
    private TextField line;

    public KeyboardController(AppModel model) {
        this.model = model;
        this.vm = new KeyboardViewModel(model.i18n(), text -> model.session().typeLine(text));
    }

    @FXML
    private void initialize() {
        question.textProperty().bind(vm.questionProperty());
        Tooltip full = new Tooltip();
        full.textProperty().bind(vm.questionProperty());
        question.setTooltip(full);
        // a long prompt wraps within a share of the bar instead of pushing the field and Send out of it
        question.textProperty().addListener((o, a, b) -> capQuestion());
        keyboardBar.widthProperty().addListener((o, a, b) -> capQuestion());
        question.fontProperty().addListener((o, a, b) -> capQuestion());
        line.textProperty().bindBidirectional(vm.textProperty());
        keyboardBar.visibleProperty().bind(vm.visibleProperty());
        keyboardBar.managedProperty().bind(vm.visibleProperty());
        // the program waits for the keyboard: the field takes it at once; Escape gives the keys back to the
        // transport (Space, Page Down) without answering
        vm.visibleProperty().addListener((o, was, now) -> {
            if (now) {
                line.requestFocus();
            } else if (line.isFocused()) {
                keyboardBar.getParent().requestFocus();
            }
        });
        line.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                keyboardBar.getParent().requestFocus();
                e.consume();
            }
        });
        // a filter: the field's own key bindings must not take Ctrl+D first
        line.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.D && e.isControlDown()) {
                vm.endInput();
                e.consume();
            }
        });
        model.addFrameListener(changed -> {
            if (changed) {
                RunSession s = model.session();
                // looking back, a line typed starts a branch: only a deterministic run can replay to there
                boolean accepting = s.run() != null && s.status() != RunSession.Status.REPLAYING
                        && (s.inPast() ? s.settings().mode().virtualTime() : !s.ended());
                vm.show(s.shown(), accepting, s.inPast());
            }
        });
    }

    private void capQuestion() {
        double cap = Math.max(120, keyboardBar.getWidth() * QUESTION_SHARE);
        question.setMaxWidth(cap);
        question.setMinWidth(Math.min(question.prefWidth(-1), cap));
    }

    @FXML
    private void send() {
        vm.send();
    }
}
