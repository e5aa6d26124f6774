package interleave.app.editor;

import interleave.app.AppModel;
import interleave.scenario.Scenario;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * The editor pane: a RichTextFX code area with Python colouring and a gutter of line numbers that marks the line
 * a failed run is about. Everything it shows comes from {@link EditorViewModel}; it only moves text and keys.
 */
public final class EditorController {
    private static final KeyCombination SAVE = KeyCombination.keyCombination("Shortcut+S");
    private static final String ERROR_LINE = "error-line";

    private final AppModel model;
    private final EditorViewModel vm;
    @FXML
    private VBox root;
    @FXML
    private CodeArea area;
    @FXML
    private Label stateLabel;
    @FXML
    private Label errorLabel;
    private boolean pushing;

    public EditorController(AppModel model) {
        this.model = model;
        this.vm = model.editor();
    }

    @FXML
    private void initialize() {
        area.setParagraphGraphicFactory(this::gutter);
        area.textProperty().addListener((o, a, text) -> {
            if (!pushing) {
                vm.textProperty().set(text);
            }
            colour(text);
        });
        // the model outlives this view (a language switch rebuilds it): weak listeners, so an old view lets go
        vm.textProperty().addListener(new WeakChangeListener<>(onText));
        vm.errorLineProperty().addListener(new WeakChangeListener<>(onErrorLine));
        vm.errorLineProperty().addListener(new WeakChangeListener<>(onState));
        vm.errorMessageProperty().addListener(new WeakChangeListener<>(onState));
        vm.noticeProperty().addListener(new WeakChangeListener<>(onState));
        vm.dirtyProperty().addListener(new WeakChangeListener<>(onState));
        vm.editingProperty().addListener(new WeakChangeListener<>(onEditing));
        area.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        vm.setConfirm(this::ask);
        show(vm.textProperty().get());
        markError();
        showState();
        if (vm.editing()) { // built for a file being opened (the view is made when first needed): as onEditing does
            javafx.application.Platform.runLater(this::showTop);
        }
    }

    private final ChangeListener<Object> onText = (o, a, b) -> show(String.valueOf(b));
    private final ChangeListener<Object> onErrorLine = (o, a, b) -> markError();
    private final ChangeListener<Object> onState = (o, a, b) -> showState();
    /** A file opened: the caret on its first line, in view, and the keyboard in the editor once it shows. */
    private final ChangeListener<Object> onEditing = (o, a, b) -> {
        if (Boolean.TRUE.equals(b)) {
            javafx.application.Platform.runLater(this::showTop);
        }
    };

    private void showTop() {
        scrollTo(vm.errorLineProperty().get());
        area.requestFocus();
    }

    /** The 1-based line in view with three lines above it (the top of the program for 0). */
    private void scrollTo(int line) {
        area.layout(); // a pending "follow the caret" first, so it does not undo this
        area.showParagraphAtTop(Math.max(0, line - 4));
    }

    /** The model's text into the area (a file opened, changes discarded), leaving the user's own typing alone. */
    private void show(String text) {
        if (text.equals(area.getText())) {
            return;
        }
        pushing = true;
        try {
            area.replaceText(text);
            area.getUndoManager().forgetHistory(); // Undo must not empty the file just opened
            area.moveTo(0);
            scrollTo(0);
        } finally {
            pushing = false;
        }
        markError();
    }

    private void colour(String text) {
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        int at = 0;
        for (PythonSyntax.Token t : PythonSyntax.tokens(text)) {
            spans.add(Collections.emptyList(), t.start() - at);
            spans.add(Collections.singleton(t.style()), t.end() - t.start());
            at = t.end();
        }
        spans.add(Collections.emptyList(), text.length() - at);
        StyleSpans<Collection<String>> built = spans.create();
        area.setStyleSpans(0, built);
    }

    /** The line a failed run is about: a marker in the gutter and the line's own colour, and the caret on it. */
    private void markError() {
        int line = vm.errorLineProperty().get();
        for (int i = 0; i < area.getParagraphs().size(); i++) {
            boolean error = i == line - 1;
            if (area.getParagraph(i).getParagraphStyle().contains(ERROR_LINE) != error) {
                area.setParagraphStyle(i, error ? List.of(ERROR_LINE) : List.of());
            }
        }
        area.setParagraphGraphicFactory(this::gutter); // the gutters again, with the marker where it is now
        if (line > 0 && line <= area.getParagraphs().size()) {
            area.moveTo(line - 1, 0);
            scrollTo(line);
        }
    }

    /** A line's number, and the error marker (its tooltip the message) on the marked line. */
    private Node gutter(int index) {
        Label number = new Label(String.valueOf(index + 1));
        number.getStyleClass().add("editor-line-number");
        Label mark = new Label();
        mark.getStyleClass().add("editor-marker");
        if (index < area.getParagraphs().size() && area.getParagraph(index).getParagraphStyle().contains(ERROR_LINE)) {
            mark.setText("!");
            mark.getStyleClass().add("editor-error-marker");
            mark.setId("editorErrorMarker");
            Tooltip why = new Tooltip();
            why.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(vm::errorText,
                    vm.errorMessageProperty(), vm.errorLineProperty())); // the message as the editor's own line says it, in the UI's language
            mark.setTooltip(why);
        }
        HBox box = new HBox(mark, number);
        box.getStyleClass().add("editor-gutter");
        return box;
    }

    private void showState() {
        String error = vm.errorText();
        boolean failed = !error.isEmpty();
        errorLabel.setText(error);
        errorLabel.setVisible(failed);
        errorLabel.setManaged(failed);
        stateLabel.setText(vm.dirty() ? model.i18n().get("editor.unsaved")
                : vm.noticeProperty().get());
        stateLabel.getStyleClass().remove("editor-state-dirty");
        if (vm.dirty()) {
            stateLabel.getStyleClass().add("editor-state-dirty");
        }
    }

    private void onKey(KeyEvent e) {
        if (SAVE.match(e)) {
            vm.save(); // the editor's Ctrl+S saves the program, not the trace (the File menu's)
        } else if (e.getCode() == KeyCode.TAB && !e.isShiftDown() && !e.isShortcutDown() && !e.isAltDown()) {
            area.replaceSelection("    "); // Python indents with spaces
        } else if (e.getCode() == KeyCode.ENTER && !e.isShortcutDown() && !e.isAltDown()) {
            String line = area.getParagraph(area.getCurrentParagraph()).getText();
            String before = line.substring(0, Math.min(area.getCaretColumn(), line.length()));
            area.replaceSelection("\n" + PythonSyntax.indentAfter(before));
            area.requestFollowCaret();
        } else {
            return;
        }
        e.consume();
    }

    @FXML
    private void onSave() {
        vm.save();
    }

    @FXML
    private void onSaveAndRun() {
        Scenario current = model.picker().selectedProperty().get();
        Scenario program = vm.saveAndRun(model.programInput().answersFor(current));
        if (program != null) {
            model.runReloaded(program);
        } else {
            area.requestFocus();
        }
    }

    @FXML
    private void onErrorClicked() {
        int line = vm.errorLineProperty().get();
        if (line > 0 && line <= area.getParagraphs().size()) {
            area.moveTo(line - 1, 0);
            area.requestFollowCaret();
            area.requestFocus();
        }
    }

    /** Save / Don't save / Cancel, over the window. */
    private EditorViewModel.Choice ask(String fileName) {
        ButtonType save = new ButtonType(model.i18n().get("editor.ask.save"), ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType(model.i18n().get("editor.ask.discard"), ButtonBar.ButtonData.NO);
        ButtonType cancel = new ButtonType(model.i18n().get("editor.ask.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, model.i18n().get("editor.ask.text"), save, discard,
                cancel);
        alert.setTitle(model.i18n().get("editor.ask.title"));
        alert.setHeaderText(model.i18n().fmt("editor.ask.header", fileName));
        alert.getDialogPane().setId("unsavedDialog");
        alert.getDialogPane().lookupButton(save).setId("unsavedSave");
        alert.getDialogPane().lookupButton(discard).setId("unsavedDiscard");
        alert.getDialogPane().lookupButton(cancel).setId("unsavedCancel");
        if (root.getScene() != null) {
            alert.initOwner(root.getScene().getWindow());
            alert.getDialogPane().getStylesheets().setAll(root.getScene().getStylesheets());
            alert.getDialogPane().setStyle(root.getScene().getRoot().getStyle()); // the text size of the window
        }
        ButtonType chosen = alert.showAndWait().orElse(cancel);
        return chosen == save ? EditorViewModel.Choice.SAVE : chosen == discard ? EditorViewModel.Choice.DISCARD
                : EditorViewModel.Choice.CANCEL;
    }
}
