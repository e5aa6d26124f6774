package interleave.app.result;

import interleave.app.AppModel;
import interleave.app.theme.CanvasTheme.Ink;
import interleave.scenario.ScenarioRun;
import interleave.trace.Lane;
import interleave.trace.LostUpdate;
import interleave.trace.TraceAnalyzer;
import javafx.fxml.FXML;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.StackPane;

import java.util.List;
import java.util.Map;

/** Expected and actual result in large type, a small chart, the counts, and the list of lost updates. */
public final class ResultController {
    private static final int MAX_LISTED = 2000;
    private final AppModel model;
    private final ResultViewModel vm;
    @FXML
    private Label expectedCaption;
    @FXML
    private Label actualCaption;
    @FXML
    private Label expectedValue;
    @FXML
    private Label actualValue;
    @FXML
    private Label lostCount;
    @FXML
    private Label switchCount;
    @FXML
    private Label details;
    @FXML
    private ListView<LostUpdate> lostList;
    @FXML
    private StackPane chartHost;
    @FXML
    private Label chartCaption;
    private final Canvas chart = new Canvas(260, 110);
    private TraceAnalyzer shownFor;

    public ResultController(AppModel model) {
        this.model = model;
        this.vm = new ResultViewModel(model.i18n());
    }

    @FXML
    private void initialize() {
        chartHost.getChildren().add(chart);
        // bound to the panel, not to its own host: a canvas that sizes its parent would only ever grow
        chartHost.parentProperty().addListener((o, a, p) -> {
            if (p instanceof javafx.scene.layout.Region r) {
                chart.widthProperty().bind(r.widthProperty().subtract(24));
            }
        });
        if (chartHost.getParent() instanceof javafx.scene.layout.Region r) { // already in the panel when loaded
            chart.widthProperty().bind(r.widthProperty().subtract(24));
        }
        chartHost.setMinWidth(0);
        chartHost.setPrefWidth(0);
        lostList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(LostUpdate u, boolean empty) {
                super.updateItem(u, empty);
                setText(empty || u == null || model.session().trace() == null ? null
                        : vm.lostSentence(model.session().trace(), u));
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        lostList.getSelectionModel().selectedItemProperty().addListener((o, a, u) -> {
            if (u != null) {
                model.timeline().focus(u);
            }
        });
        model.addFrameListener(changed -> {
            if (changed) {
                refresh();
            }
        });
        refresh();
    }

    private void refresh() {
        TraceAnalyzer a = model.session().analyzer();
        ScenarioRun run = model.session().run();
        if (a != shownFor) {
            shownFor = a;
            lostList.getItems().clear();
        }
        Map<String, Object> result = run == null ? null : run.result();
        expectedCaption.setText(vm.firstCaption(result));
        actualCaption.setText(vm.secondCaption(result));
        expectedValue.setText(vm.first(result));
        actualValue.setText(vm.second(result));
        List<String> more = vm.details(result);
        details.setText(String.join("\n", more));
        details.setVisible(!more.isEmpty());
        details.setManaged(!more.isEmpty());
        actualValue.getStyleClass().removeAll("result-wrong", "result-right");
        if (result != null && result.containsKey("expected")) {
            actualValue.getStyleClass().add(ResultViewModel.wrong(result) ? "result-wrong" : "result-right");
        }
        if (a == null) {
            lostCount.setText("0");
            switchCount.setText("0");
            drawChart(null);
            return;
        }
        List<LostUpdate> lost = a.lostUpdates();
        lostCount.setText(String.valueOf(lost.size()));
        switchCount.setText(String.valueOf(a.switches().size()));
        int have = lostList.getItems().size();
        if (have < Math.min(lost.size(), MAX_LISTED)) {
            lostList.getItems().addAll(lost.subList(have, Math.min(lost.size(), MAX_LISTED)));
        }
        drawChart(a);
    }

    private void drawChart(TraceAnalyzer a) {
        boolean show = ResultViewModel.chartVariable(a) >= 0;
        chartHost.setVisible(show);
        chartHost.setManaged(show);
        chartCaption.setVisible(show);
        chartCaption.setManaged(show);
        GraphicsContext g = chart.getGraphicsContext2D();
        double w = chart.getWidth();
        double h = chart.getHeight();
        g.setFill(model.theme().ink(Ink.BACKGROUND));
        g.fillRect(0, 0, w, h);
        int v = ResultViewModel.chartVariable(a);
        if (v < 0 || a.lastTime() <= 0) {
            return;
        }
        Lane lane = a.objectLane(v);
        double end = a.lastTime() + 1;
        int n = (int) w;
        double[] ys = new double[n];
        double lo = 0;
        double hi = 0;
        for (int x = 0; x < n; x++) {
            int i = lane.indexAt((long) (end * (x + 1) / n));
            ys[x] = i < 0 ? 0 : lane.c(i);
            lo = Math.min(lo, ys[x]);
            hi = Math.max(hi, ys[x]);
        }
        double range = Math.max(1, hi - lo);
        double zero = h - 6 - (0 - lo) / range * (h - 12);
        g.setStroke(model.theme().ink(Ink.GRID));
        g.setLineWidth(1);
        g.strokeLine(0, zero, w, zero);
        g.setStroke(model.theme().ink(Ink.LOST));
        g.setLineWidth(2);
        g.beginPath();
        for (int x = 0; x < n; x++) {
            double y = h - 6 - (ys[x] - lo) / range * (h - 12);
            if (x == 0) {
                g.moveTo(x, y);
            } else {
                g.lineTo(x, y);
            }
        }
        g.stroke();
    }
}
