package interleave.app.code;

import interleave.app.AppModel;
import interleave.scenario.Scenario;
import interleave.trace.Trace;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import java.util.List;
import java.util.Map;

/** The Python equivalent with a marker per thread on the line it is running. */
public final class CodeController {
    private final AppModel model;
    private final CodeViewModel vm = new CodeViewModel();
    @FXML
    private ListView<Integer> codeList;
    private Scenario shown;
    private List<String> lines = List.of();
    private Map<Integer, List<Integer>> markers = Map.of();
    private Map<Integer, List<String>> notes = Map.of();

    public CodeController(AppModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        codeList.setCellFactory(l -> new LineCell());
        codeList.setFocusTraversable(false);
        model.addFrameListener(changed -> {
            showProgram(); // cheap when nothing changed; catches a scenario or variant picked before a run
            if (changed) {
                showMarkers();
            }
        });
        showProgram(); // the program is on screen before the first run starts
    }

    private void showProgram() {
        List<String> program = vm.lines(model.session().scenario(), model.session().params());
        if (model.session().scenario() != shown || program != lines) {
            shown = model.session().scenario();
            lines = program;
            codeList.getItems().setAll(java.util.stream.IntStream.rangeClosed(1, lines.size()).boxed().toList());
        }
    }

    private void showMarkers() {
        Map<Integer, List<Integer>> now = vm.markers(model.session().shown());
        Map<Integer, List<String>> held = CodeViewModel.heldNotes(model.session().shown(), model.story().current(),
                model.i18n());
        if (!now.equals(markers) || !held.equals(notes)) {
            markers = now;
            notes = held;
            codeList.refresh();
        }
    }

    /**
     * A code line with a held-value note after it: the code itself keeps its width, the teaching comment
     * gives way first, then the note (cut with "…", the whole of it in a tooltip).
     */
    private static HBox codeBesideNote(String text, String noteText) {
        String[] parts = CodeViewModel.splitComment(text);
        Label code = new Label(parts[0]);
        code.getStyleClass().add("code-text");
        code.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label comment = new Label(parts[1]);
        comment.getStyleClass().add("code-text");
        comment.setMinWidth(0);
        Label note = new Label("\u2190 " + noteText);
        note.getStyleClass().add("held-note");
        note.setId("heldNote");
        note.setMinWidth(0);
        note.setTooltip(new javafx.scene.control.Tooltip(noteText));
        HBox box = new HBox(0, code, note, comment);
        HBox.setMargin(note, new javafx.geometry.Insets(0, 8, 0, 8));
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    private final class LineCell extends ListCell<Integer> {
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
            Label code = new Label(lines.get(line - 1));
            code.getStyleClass().add("code-text");
            code.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(code, Priority.ALWAYS);
            // the badges sit in a column before the code, so a long line never pushes them out of view
            HBox badges = new HBox(3);
            badges.getStyleClass().add("badge-column");
            HBox row = new HBox(8, number, badges, code);
            List<String> held = notes.get(line);
            if (held != null) { // beside the code: the value this thread read and has not written back yet
                row.getChildren().set(2, codeBesideNote(lines.get(line - 1), String.join("; ", held)));
            }
            List<Integer> here = markers.get(line);
            if (here != null && model.session().trace() != null) {
                Trace t = model.session().trace();
                getStyleClass().add("current-line");
                // two names at most, then "+N": ten threads on one line must not hide the code
                int shownBadges = here.size() <= 3 ? here.size() : 2;
                for (int id : here.subList(0, shownBadges)) {
                    Label badge = new Label(t.thread(id).name());
                    badge.getStyleClass().addAll("thread-badge", "thread-" + (id % 8));
                    badges.getChildren().add(badge);
                }
                if (shownBadges < here.size()) {
                    Label more = new Label("+" + (here.size() - shownBadges));
                    more.getStyleClass().add("badge-more");
                    badges.getChildren().add(more);
                }
            }
            setText(null);
            setGraphic(row);
        }
    }
}
