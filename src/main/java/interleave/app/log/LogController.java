package interleave.app.log;

import interleave.app.AppModel;
import interleave.trace.TraceAnalyzer;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;

/** One plain sentence per event, the newest at the bottom; follows the timeline's selection. */
public final class LogController {
    private final AppModel model;
    private final LogViewModel vm;
    @FXML
    private ListView<LogViewModel.Line> logList;
    private long shownFrom = -1;
    private long shownTo = -1;
    private TraceAnalyzer shownFor;

    public LogController(AppModel model) {
        this.model = model;
        this.vm = new LogViewModel(model.sentences());
    }

    @FXML
    private void initialize() {
        logList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(LogViewModel.Line line, boolean empty) {
                super.updateItem(line, empty);
                if (empty || line == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                Label time = new Label(line.time());
                time.getStyleClass().add("log-time");
                Label dot = new Label("●");
                dot.getStyleClass().addAll("log-dot", "thread-text-" + (line.thread() % 8));
                Label text = new Label(line.text());
                text.getStyleClass().add("log-text");
                setGraphic(new HBox(8, time, dot, text));
                setText(null);
            }
        });
        model.timeline().selectedSeqProperty().addListener((o, a, b) -> refresh(true));
        model.addFrameListener(changed -> {
            if (changed) {
                refresh(false);
            }
        });
    }

    private void refresh(boolean selectionChanged) {
        TraceAnalyzer a = model.session().shown();
        if (a == null) {
            logList.getItems().clear();
            shownFor = null;
            return;
        }
        long selected = model.timeline().selectedSeqProperty().get();
        long[] w = LogViewModel.window(a.processed(), selected);
        if (a == shownFor && w[0] == shownFrom && w[1] == shownTo && !selectionChanged) {
            return;
        }
        shownFor = a;
        shownFrom = w[0];
        shownTo = w[1];
        logList.getItems().setAll(vm.lines(a.trace(), w[0], w[1]));
        if (selected >= w[0] && selected < w[1]) {
            int index = (int) (selected - w[0]);
            logList.getSelectionModel().select(index);
            logList.scrollTo(Math.max(0, index - 3));
        } else {
            logList.scrollTo(logList.getItems().size() - 1);
        }
    }
}
