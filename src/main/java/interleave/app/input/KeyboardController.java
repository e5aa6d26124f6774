package interleave.app.input;

import interleave.app.AppModel;
import interleave.app.session.RunSession;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;

/** The keyboard bar above the timeline: who waits in input(), a field to type the line, and Send. */
public final class KeyboardController {
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
        model.addFrameListener(changed -> {
            if (changed) {
                RunSession s = model.session();
                boolean accepting = s.run() != null && (!s.ended() || s.inPast())
                        && s.status() != RunSession.Status.REPLAYING;
                vm.show(s.shown(), accepting);
            }
        });
    }

    @FXML
    private void send() {
        vm.send();
    }
}
