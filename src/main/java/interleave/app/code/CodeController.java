package interleave.app.code;

import interleave.app.AppModel;
import interleave.app.editor.EditorViewModel;
import interleave.program.PythonProgram;
import interleave.scenario.Scenario;
import interleave.trace.Trace;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import java.util.List;
import java.util.Map;

/** The Python program with a marker per thread on the line it is running. */
public final class CodeController {
    private final AppModel model;
    private final CodeViewModel vm = new CodeViewModel();
    @FXML
    private ListView<Integer> codeList;
    @FXML
    private Label codeTitle;
    @FXML
    private Label convertedNote;
    @FXML
    private ToggleButton editToggle;
    @FXML
    private javafx.scene.layout.StackPane codeStack;
    /** The editor pane, built the first time a program is edited (null until then). */
    private Node editor;
    /** Weakly held by the models, which outlive this view. */
    private final ChangeListener<Object> onEditorState = (o, a, b) -> showEditorState();
    /** Presentation mode or Ctrl+plus: the characters change width, so may the indentation's scale. */
    private final ChangeListener<Object> onTextSize = (o, a, b) -> fitIndentation();
    private Scenario shown;
    private List<String> lines = List.of();
    private Map<Integer, List<Integer>> markers = Map.of();
    private Trace markersTrace; // the trace the markers' thread ids belong to (the run may have changed since)
    private Map<Integer, List<String>> notes = Map.of();
    private Map<Integer, List<String>> errorNotes = Map.of();
    private int lastFocus = -1;
    private int topRowPulses; // layouts still to check the top row after a change (see showTopRowWhole)
    private final Runnable afterLayout = this::showTopRowWhole; // (held here: a scene keeps its listeners)

    public CodeController(AppModel model) {
        this.model = model;
    }

    /**
     * The width of the list's viewport (inside its border, beside its vertical scroll bar when it shows one): a row
     * is exactly this wide less its cell's padding, so a wrapped line never runs under the scroll bar.
     */
    private final javafx.beans.property.DoubleProperty viewport = new javafx.beans.property.SimpleDoubleProperty();

    /** How wide indentations are drawn now (see CodeViewModel.indentScale); cells redraw when it changes. */
    private double indentScale = 1;

    /** Works the indentation's scale out again for the panel's width and the program shown. */
    private void fitIndentation() {
        double em = em();
        // the row's width less the line number's column (2.2 em) and the gap after it
        double room = viewport.get() - 12 - 2.2 * em - 8;
        double scale = CodeViewModel.indentScale(lines, room, em * 0.6);
        if (Math.abs(scale - indentScale) > 0.01) {
            indentScale = scale;
            shownMoment.set(shownMoment.get() + 1);
        }
    }

    @FXML
    private void initialize() {
        viewport.bind(codeList.widthProperty().subtract(CELL_ALLOWANCE));
        viewport.addListener((o, a, b) -> fitIndentation());
        model.presentingProperty().addListener(new WeakChangeListener<>(onTextSize));
        model.textScaleProperty().addListener(new WeakChangeListener<>(onTextSize));
        codeList.skinProperty().addListener((o, a, skin) -> followViewport());
        codeList.sceneProperty().addListener((o, was, now) -> { // the views are rebuilt on a change of language
            if (was != null) {
                was.removePostLayoutPulseListener(afterLayout);
            }
            if (now != null) {
                now.addPostLayoutPulseListener(afterLayout);
            }
        });
        codeList.setCellFactory(l -> new LineCell());
        codeList.setFocusTraversable(false);
        model.addFrameListener(changed -> {
            showProgram(); // cheap when nothing changed; catches a scenario or variant picked before a run
            if (changed) {
                showMarkers();
            }
        });
        showProgram(); // the program is on screen before the first run starts
        EditorViewModel ed = model.editor();
        for (javafx.beans.value.ObservableValue<?> o : List.of(ed.editingProperty(), ed.dirtyProperty(), ed.fileProperty(),
                model.picker().selectedProperty())) {
            o.addListener(new WeakChangeListener<>(onEditorState));
        }
        showEditorState();
    }

    /**
     * The Edit button is there for a Python program of the user's; while editing, the editor takes the list's place
     * and the title names the file (with a mark while it has unsaved changes).
     */
    private void showEditorState() {
        EditorViewModel ed = model.editor();
        boolean program = model.picker().selectedProperty().get() instanceof PythonProgram;
        boolean editing = ed.editing();
        editToggle.setVisible(program || editing);
        editToggle.setManaged(program || editing);
        editToggle.setSelected(editing);
        editToggle.setText(model.i18n().get(editing ? "editor.close" : "editor.edit"));
        if (editing && editor == null) {
            editor = loadEditor();
            codeStack.getChildren().add(editor);
        }
        if (editor != null) {
            editor.setVisible(editing);
        }
        codeList.setVisible(!editing);
        String note = !editing && model.picker().selectedProperty().get() instanceof PythonProgram p
                && !p.convertedLines().isEmpty() ? model.i18n().fmt(p.convertedWithoutLib2to3() ? "code.convertedOwn"
                : "code.converted", p.convertedLines().stream()
                .map(String::valueOf).collect(java.util.stream.Collectors.joining(", "))) : "";
        convertedNote.setText(note);
        convertedNote.setVisible(!note.isEmpty());
        convertedNote.setManaged(!note.isEmpty());
        java.nio.file.Path f = ed.fileProperty().get();
        codeTitle.setText(!editing || f == null ? model.i18n().get(program ? "code.titleProgram" : "code.title")
                : model.i18n().fmt(ed.dirty() ? "editor.titleDirty" : "editor.title", String.valueOf(f.getFileName())));
    }

    /** The editor's view, with the same model as every other view. */
    private Node loadEditor() {
        javafx.fxml.FXMLLoader loader = new javafx.fxml.FXMLLoader(
                CodeController.class.getResource("/interleave/app/editor/EditorView.fxml"), model.i18n().bundle());
        loader.setControllerFactory(type -> new interleave.app.editor.EditorController(model));
        try {
            return loader.load();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @FXML
    private void onEditToggle() {
        EditorViewModel ed = model.editor();
        if (editToggle.isSelected()) {
            if (model.picker().selectedProperty().get() instanceof PythonProgram p && !ed.open(p.file())) {
                model.messageProperty().set(ed.errorMessageProperty().get());
            }
        } else {
            ed.closeAsking(model.programInput().answersFor(model.picker().selectedProperty().get()),
                    model::runReloaded);
        }
        showEditorState();
    }

    private void showProgram() {
        List<String> program = vm.lines(model.session().scenario(), model.session().params(), model.i18n().locale());
        if (model.session().scenario() != shown || program != lines) {
            shown = model.session().scenario();
            lines = program;
            lastFocus = -1; // a new text (a parameter shown in it changed) starts at the top: find the line again
            fitIndentation();
            codeList.getItems().setAll(java.util.stream.IntStream.rangeClosed(1, lines.size()).boxed().toList());
        }
    }

    private void showMarkers() {
        interleave.trace.TraceAnalyzer moment = model.session().shown();
        Trace trace = moment == null ? null : moment.trace();
        Map<Integer, List<Integer>> now = vm.markers(moment);
        Map<Integer, List<String>> held = CodeViewModel.heldNotes(moment, model.story().current(), model.i18n());
        Map<Integer, List<String>> errors = CodeViewModel.errorNotes(moment, model.i18n());
        if (!now.equals(markers) || !held.equals(notes) || !errors.equals(errorNotes) || trace != markersTrace) {
            markers = now;
            markersTrace = trace;
            notes = held;
            errorNotes = errors;
            shownMoment.set(shownMoment.get() + 1); // every cell redraws its line now (see LineCell)
            keepInSight(CodeViewModel.focusLine(moment, now));
            topRowPulses = 3; // the change and a scroll to the running line settle over a pulse or two
        }
    }

    /**
     * The rows under a line (badges, notes) come and go as the run moves, and the list keeps its scroll position
     * in pixels: the top row ended half cut, its text sliced through. After the layout that follows a change, the
     * list scrolls by the part of the top row above its edge, so it shows whole (see initialize).
     */
    private void showTopRowWhole() {
        if (topRowPulses <= 0 || !(codeList.lookup(".virtual-flow")
                instanceof javafx.scene.control.skin.VirtualFlow<?> flow)) {
            return;
        }
        topRowPulses--;
        javafx.scene.control.IndexedCell<?> top = flow.getFirstVisibleCell();
        if (top != null && top.getIndex() > 0 && top.getLayoutY() < -0.5) {
            flow.scrollPixels(top.getLayoutY());
        }
    }

    /** Scrolls so the running thread's line is on screen: the class must see the line, not the imports. */
    private void keepInSight(int line) {
        if (line < 1 || line == lastFocus) {
            return; // the same line again: leave the teacher's own scrolling alone
        }
        lastFocus = line;
        javafx.scene.control.skin.VirtualFlow<?> flow =
                (javafx.scene.control.skin.VirtualFlow<?>) codeList.lookup(".virtual-flow");
        if (flow == null || flow.getFirstVisibleCell() == null || flow.getLastVisibleCell() == null) {
            codeList.scrollTo(Math.max(0, line - 3));
            return;
        }
        int to = CodeViewModel.scrollFor(line, flow.getFirstVisibleCell().getIndex(),
                flow.getLastVisibleCell().getIndex());
        if (to >= 0) {
            codeList.scrollTo(to);
        }
    }

    /** Room the list takes from a row's width: its scroll bar, the cell's padding and borders. */
    private static final double CELL_ALLOWANCE = 32;

    /** Once the list has its skin, rows follow the width of its viewport instead of the estimate above. */
    private void followViewport() {
        if (codeList.lookup(".clipped-container") instanceof Region clip) {
            viewport.bind(clip.widthProperty());
        }
    }

    /**
     * A row whose height is measured at its own width: a cell asks its graphic for a height without a width, and
     * a wrapping label would then answer for one long line.
     */
    private static final class WidthBoundRow extends HBox {
        WidthBoundRow(javafx.scene.Node... children) {
            super(8, children);
            setAlignment(javafx.geometry.Pos.TOP_LEFT);
        }

        @Override
        protected double computePrefHeight(double width) {
            return super.computePrefHeight(width < 0 ? getPrefWidth() : width);
        }

        @Override
        protected double computeMinHeight(double width) {
            return computePrefHeight(width);
        }
    }

    /** The badges' layout for the panel as it is now. */
    private LineBadges badges() {
        return new LineBadges(em(), codeList.getWidth(), viewport.get(), CELL_ALLOWANCE, indentScale);
    }

    /** The code panel's text size: the presentation mode's or the normal one, times Ctrl+plus. */
    private double em() {
        return (model.presentingProperty().get() ? 20 : 14) * model.textScaleProperty().get();
    }

    /** Fewer than 40 characters across: the code needs the whole width of its row. */
    private boolean narrowPanel() {
        double em = em();
        return codeList.getWidth() > 0 && codeList.getWidth() - CELL_ALLOWANCE < 40 * em * 0.6;
    }

    /**
     * Counts the moments the markers were computed for. Each cell redraws itself when it changes: ListView.refresh()
     * followed at once by a scroll to the running line sometimes left every cell as it was (the rebuild it asks for
     * was lost when the scroll moved the cells to the flow's pile), so the markers stayed on the old lines.
     */
    private final javafx.beans.property.IntegerProperty shownMoment = new javafx.beans.property.SimpleIntegerProperty();

    private final class LineCell extends ListCell<Integer> {
        /** Held by the cell, weakly referenced by the property: a cell the list drops can go. */
        private final javafx.beans.InvalidationListener redraw = o -> {
            if (!isEmpty() && getItem() != null) {
                updateItem(getItem(), false);
            }
        };

        LineCell() {
            shownMoment.addListener(new javafx.beans.WeakInvalidationListener(redraw));
        }

        /** Left and right padding (from the style sheet; before the first CSS pass, its value there). */
        private double cellPadding() {
            javafx.geometry.Insets p = getPadding();
            double sides = p == null ? 0 : p.getLeft() + p.getRight();
            return sides > 0 ? sides : 12;
        }

        @Override
        protected void updateItem(Integer line, boolean empty) {
            super.updateItem(line, empty);
            getStyleClass().remove("current-line");
            if (empty || line == null || line > lines.size()) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label number = new Label(String.valueOf(line));
            number.getStyleClass().add("line-number");
            number.setMinWidth(Region.USE_PREF_SIZE);
            CodeLine code = new CodeLine(lines.get(line - 1), indentScale);
            code.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(code, Priority.ALWAYS);
            // the badges follow the code on its row: they never push the code aside, and the wrap keeps them in view
            HBox badges = new HBox(3);
            badges.getStyleClass().add("badge-column");
            badges.setMinWidth(Region.USE_PREF_SIZE);
            List<Integer> here = markers.get(line);
            boolean marked = here != null && markersTrace != null;
            // on a narrow panel (a projector), or where the line is too long to have them beside it, the badges go
            // under the code, which then keeps the whole width
            LineBadges fit = marked ? badges() : null;
            boolean narrow = narrowPanel() || marked && !fit.fitBeside(lines.get(line - 1), markersTrace, here);
            HBox row = narrow ? new WidthBoundRow(number, code) : new WidthBoundRow(number, code, badges);
            row.prefWidthProperty().bind(viewport.subtract(cellPadding()));
            if (marked) {
                Trace t = markersTrace;
                getStyleClass().add("current-line");
                // two names at most, then "+N": ten threads on one line must not hide the code
                LineBadges.Placed placed = fit.place(t, here, narrow);
                int shownBadges = placed.shown();
                for (int i = 0; i < shownBadges; i++) {
                    int id = here.get(i);
                    Label badge = new Label(placed.names().get(i));
                    badge.getStyleClass().addAll("thread-badge", "thread-" + (id % 8));
                    badges.getChildren().add(badge);
                }
                if (shownBadges < here.size()) {
                    Label more = new Label("+" + (here.size() - shownBadges));
                    more.getStyleClass().add("badge-more");
                    badges.getChildren().add(more);
                }
            }
            VBox stack = new VBox(2, row);
            if (narrow && !badges.getChildren().isEmpty()) {
                // under the code the badges never widen the row past the panel (the list would scroll sideways
                // and cut every line's end): a name too long is cut, as a lane's is
                badges.setMinWidth(0);
                badges.getChildren().forEach(b -> ((Region) b).setMinWidth(Region.USE_COMPUTED_SIZE));
                badges.setPadding(new javafx.geometry.Insets(0, 0, 2, number.prefWidth(-1) + 8));
                stack.getChildren().add(badges);
            }
            String separator = model.i18n().get("list.separator");
            List<String> held = notes.get(line);
            if (held != null) { // under the code: the value this thread read and has not written back yet
                stack.getChildren().add(note("\u2190 " + String.join(separator, held), "held-note", "heldNote"));
            }
            if (shown instanceof PythonProgram p && p.python2Of(line).isPresent()) {
                // under a converted line: the Python 2 it was (the file as the class wrote it)
                stack.getChildren().add(note(model.i18n().fmt("code.python2Line", p.python2Of(line).get().strip()),
                        "python2-note", "python2Note"));
            }
            List<String> stopped = errorNotes.get(line);
            if (stopped != null) { // under the code: the threads that stopped on this line, and their error
                stack.getChildren().add(note("\u2717 " + String.join(separator, stopped), "error-note", "errorNote"));
            }
            setText(null);
            setGraphic(stack.getChildren().size() == 1 ? row : stack);
        }

        /** A note under a line's code, as wide as the panel at most, wrapped. */
        private Label note(String text, String styleClass, String id) {
            Label note = new Label(text);
            note.getStyleClass().add(styleClass);
            note.setId(id);
            note.setWrapText(true);
            note.setMinWidth(0);
            note.maxWidthProperty().bind(viewport.subtract(cellPadding()));
            return note;
        }
    }
}
