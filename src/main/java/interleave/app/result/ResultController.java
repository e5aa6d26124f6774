package interleave.app.result;

import interleave.app.AppModel;
import interleave.app.session.RunSession;
import interleave.app.session.StoryModel;
import interleave.app.theme.CanvasTheme.Ink;
import interleave.trace.Lane;
import interleave.trace.LostUpdate;
import interleave.trace.RunStory;
import interleave.trace.Trace;
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
    @FXML
    private Label verdict;
    @FXML
    private Label lockNote;
    @FXML
    private Label cpythonNote;
    @FXML
    private Label clockNote;
    @FXML
    private Label coresNote;
    @FXML
    private Label lostCaption;
    @FXML
    private Label lostListCaption;
    @FXML
    private Label schedulerNote;
    @FXML
    private javafx.scene.layout.Pane figures;
    @FXML
    private javafx.scene.layout.Pane counts;
    private final Map<String, Boolean> racing = new java.util.HashMap<>();
    // the run's questions, each asked once per run: its program's text read, or one pass over the trace
    /** Whether the finished run wrote a shared value without a lock somewhere. */
    private final PerRun unguarded = new PerRun(ResultViewModel::hasUnguardedSharedWrite);
    /** Whether the run's program printed dates of the virtual clock. */
    private final PerRun datesFromTheEpoch = new PerRun(interleave.program.VirtualClock::datesBeginAtTheEpoch);
    /** Whether the run's program sizes a pool by the run's single virtual core. */
    private final PerRun oneWorker = new PerRun(interleave.program.VirtualCores::poolHasOneWorker);
    /** Whether the run's program starts processes. */
    private final PerRun startsProcesses = new PerRun(t -> ResultNotes.startsProcesses(t.programSource()));
    private LostUpdateList listed = new LostUpdateList(MAX_LISTED);
    private final Canvas chart = new Canvas(260, 110);
    private interleave.trace.Trace chartedTrace;
    private int chartedVariable = -1;
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
        // presenting words the details and notes shorter: at once, also when the run is over and nothing changes
        model.presentingProperty().addListener((o, was, now) -> refresh());
        refresh();
    }

    private void refresh() {
        TraceAnalyzer a = model.session().shown();
        RunStory story = model.story().current();
        if (a != shownFor) {
            shownFor = a;
            lostList.getItems().clear();
            listed = new LostUpdateList(MAX_LISTED);
        }
        boolean over = model.session().status().over() && !model.session().inPast(); // a moment in the past is never judged
        boolean nothing = model.session().scenario() == null; // a program that cannot load: no run, no figures
        boolean program = !nothing && model.session().scenario().topic() == interleave.scenario.Topic.YOUR_PROGRAMS;
        // a program not run yet has no figures to show ("expected – actual –" meant nothing): a word instead
        boolean notRun = program && a == null;
        show(figures, !nothing && !notRun);
        show(counts, !nothing && !notRun);
        vm.showingProgram(program);
        Map<String, Object> raw = model.session().inPast()
                ? ResultViewModel.atMoment(model.session().result(), a) : model.session().result();
        Headline result = Headline.of(raw); // split once: figures, then details
        expectedCaption.setText(vm.firstCaption(result));
        actualCaption.setText(vm.secondCaption(result, over));
        showFigure(expectedValue, over ? vm.first(result) : vm.firstNow(result, a));
        showFigure(actualValue, over ? vm.second(result) : vm.secondNow(result, a));
        List<String> more = new java.util.ArrayList<>(vm.details(result, !model.presentingProperty().get()));
        if (nothing) {
            more.add(model.i18n().get("result.nothing"));
        }
        if (notRun) {
            more.add(model.i18n().get("result.notRun"));
        }
        if (a != null) {
            more.addAll(vm.localLines(a.trace(), story));
        }
        details.setText(String.join("\n", more));
        clockNote.setText(note("result.datesFromTheEpoch"));
        show(clockNote, a != null && program && datesFromTheEpoch.test(a.trace()));
        coresNote.setText(note("result.oneCoreOneWorker"));
        show(coresNote, a != null && program && oneWorker.test(a.trace()));
        details.setVisible(!more.isEmpty());
        details.setManaged(!more.isEmpty());
        actualValue.getStyleClass().removeAll("result-wrong", "result-right");
        verdict.getStyleClass().removeAll("result-wrong", "result-right", "result-pending");
        ResultViewModel.Verdict judged = ResultViewModel.verdict(result, over);
        if (judged == ResultViewModel.Verdict.WRONG || judged == ResultViewModel.Verdict.RIGHT) {
            String style = judged == ResultViewModel.Verdict.WRONG ? "result-wrong" : "result-right";
            actualValue.getStyleClass().add(style);
            verdict.getStyleClass().add(style);
        }
        if (judged == ResultViewModel.Verdict.PENDING) {
            verdict.getStyleClass().add("result-pending");
        }
        verdict.setText(vm.verdictText(result, over));
        show(verdict, judged != ResultViewModel.Verdict.NONE);
        boolean lostShown = !notRun && showsLostUpdates(a);
        show(lostCaption, lostShown);
        show(lostCount, lostShown);
        show(lostListCaption, lostShown);
        show(lostList, lostShown);
        showLockNote(a, story);
        if (a == null) {
            show(cpythonNote, false);
            show(schedulerNote, false);
            lostCount.setText("0");
            switchCount.setText("0");
            markZero(0);
            drawChart(null, story);
            return;
        }
        List<LostUpdate> lost = a.lostUpdates();
        // real processes run at once on several cores: CPython loses their updates too, so neither thread note fits
        boolean processes = program && startsProcesses.test(a.trace());
        boolean note = ResultNotes.saysCPythonRarelySwitches(a.trace().header().mode(), program, over,
                lost.size(), lostShown);
        cpythonNote.setText(note("result.cpythonNoLoss"));
        show(cpythonNote, note && !processes && unguarded.test(a.trace())); // the pass over the trace: a finished os run
        schedulerNote.setText(note(processes ? "result.processesLoseToo" : "result.schedulerSwitchesMore"));
        show(schedulerNote, processes ? !lost.isEmpty() : ResultNotes.saysSchedulerSwitchesMoreThanCPython(
                a.trace().header().mode(), program, lost.size()));
        lostCount.setText(model.i18n().count(lost.size()));
        markZero(lost.size());
        // os mode: the operating system and CPython switch threads unseen; a count of the engine's switches would be 0
        switchCount.setText(a.trace().header().systemScheduled() ? "–"
                : model.i18n().count(a.switches().size()));
        if (listed.takeNew(lost)) { // visible overwrites first: "0 overwrote 0" teaches nothing
            lostList.getItems().setAll(listed.items());
        }
        drawChart(a, story);
    }

    /** From the run's trace; before a run, as the demo's last run showed it (hidden if it has not run yet). */
    private boolean showsLostUpdates(TraceAnalyzer a) {
        String id = model.session().scenario() == null ? "" : model.session().scenario().id();
        if (a != null) {
            racing.put(id, ResultViewModel.showsLostUpdates(a.trace()));
        }
        return racing.getOrDefault(id, false);
    }

    /** A note's words: presenting, the panel is short, so each note is one sentence (the lost updates stay in view). */
    private String note(String key) {
        return model.i18n().get(model.presentingProperty().get() ? key + ".short" : key);
    }

    private static void show(javafx.scene.Node n, boolean on) {
        n.setVisible(on);
        n.setManaged(on);
    }

    private void showFigure(Label figure, String text) {
        figure.setText(text);
        figure.getStyleClass().remove("figure-value-long");
        if (ResultViewModel.longFigure(text)) {
            figure.getStyleClass().add("figure-value-long");
        }
    }

    /** A zero count is neutral, not an alarm. */
    private void markZero(int count) {
        lostCount.getStyleClass().remove("count-zero");
        if (count == 0) {
            lostCount.getStyleClass().add("count-zero");
        }
    }

    /** The lock switched on mid-run: say how many updates were lost since. */
    private void showLockNote(TraceAnalyzer a, RunStory story) {
        RunStory.ParamChange on = lockOn(story);
        show(lockNote, on != null);
        if (on != null) {
            lockNote.setText(vm.lockNote(ResultViewModel.lostSince(a.lostUpdates(), on.seq(),
                    t -> story.firstAcquireSinceParam((int) t))));
        }
    }

    private RunStory.ParamChange lockOn(RunStory story) {
        int lock = StoryModel.paramIndex(model.session().scenario(), "lock");
        return story == null || lock < 0 ? null : story.switchedOn(lock);
    }

    /**
     * The variable the chart follows, chosen once a run has one (see ResultViewModel.chartVariable) and kept for the
     * run: a counter overtaking another mid-run, or a step back, would otherwise switch the chart under the class.
     */
    private int chartedVariable(TraceAnalyzer a) {
        if (a == null) {
            return -1;
        }
        if (a.trace() != chartedTrace || chartedVariable < 0 || chartedVariable >= a.objectLaneCount()) {
            chartedTrace = a.trace();
            chartedVariable = ResultViewModel.chartVariable(a);
        }
        return chartedVariable;
    }

    private void drawChart(TraceAnalyzer a, RunStory story) {
        int v = chartedVariable(a);
        boolean show = v >= 0;
        chartHost.setVisible(show);
        chartHost.setManaged(show);
        chartCaption.setVisible(show);
        chartCaption.setManaged(show);
        chartCaption.setText(vm.chartCaption(a, v));
        GraphicsContext g = chart.getGraphicsContext2D();
        double w = chart.getWidth();
        double h = chart.getHeight();
        g.setFill(model.theme().ink(Ink.BACKGROUND));
        g.fillRect(0, 0, w, h);
        if (v < 0 || a.lastTime() <= 0 || w < 1) { // w < 1: rebuilt views before their first layout
            return;
        }
        Lane lane = a.objectLane(v);
        int initial = a.trace().object(v).initial(); // its value until its lane has one
        double end = a.lastTime() + 1;
        int n = (int) w;
        double[] ys = new double[n];
        double lo = 0;
        double hi = 0;
        for (int x = 0; x < n; x++) {
            int i = lane.indexAt((long) (end * (x + 1) / n));
            ys[x] = i < 0 ? initial : lane.c(i);
            lo = Math.min(lo, ys[x]);
            hi = Math.max(hi, ys[x]);
        }
        double range = Math.max(1, hi - lo);
        double zero = h - 6 - (0 - lo) / range * (h - 12);
        // the zero line dashed, and the scale's ends and zero labelled: how far the value drifted, readable
        g.setStroke(model.theme().ink(Ink.MUTED));
        g.setLineWidth(1);
        g.setLineDashes(5, 4);
        g.strokeLine(0, zero, w, zero);
        g.setLineDashes();
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
        // the scale's labels over the line, each on the background, so the line never hides them
        javafx.scene.text.Font font = model.theme().font(0.85, false);
        double textHeight = font.getSize() * 1.2;
        scaleLabel(g, font, fmtValue(hi), w, 1);
        scaleLabel(g, font, fmtValue(lo), w, h - 1 - textHeight);
        double zeroTop = zero - textHeight / 2;
        // the zero's label only where it stays clear of the ends' ("-10" at the bottom and "0" just above it read
        // as one number)
        if (lo < 0 && hi > 0 && zeroTop >= 1 + textHeight && zeroTop + textHeight <= h - 1 - textHeight) {
            scaleLabel(g, font, "0", w, zeroTop);
        }
        drawLockMoment(g, story, end, w, h);
    }

    /** A scale label at the chart's right edge, its top at {@code top}, on a patch of the background. */
    private void scaleLabel(GraphicsContext g, javafx.scene.text.Font font, String text, double w, double top) {
        double tw = interleave.app.theme.TextMeasure.width(text, font);
        double height = font.getSize() * 1.2;
        g.setFill(model.theme().ink(Ink.BACKGROUND));
        g.fillRect(w - tw - 6, top, tw + 6, height);
        g.setFill(model.theme().ink(Ink.MUTED));
        g.setFont(font);
        g.setTextAlign(javafx.scene.text.TextAlignment.RIGHT);
        g.setTextBaseline(javafx.geometry.VPos.TOP);
        g.fillText(text, w - 2, top + font.getSize() * 0.1);
        g.setTextAlign(javafx.scene.text.TextAlignment.LEFT);
    }

    private static String fmtValue(double v) {
        return String.valueOf((long) v);
    }

    /** A vertical mark where the lock went on mid-run, labelled, so the flat line after it reads as the fix. */
    private void drawLockMoment(GraphicsContext g, RunStory story, double end, double w, double h) {
        RunStory.ParamChange on = lockOn(story);
        if (on == null) {
            return;
        }
        double x = Math.min(w - 2, on.time() / end * w);
        g.setStroke(model.theme().ink(Ink.TEXT));
        g.setLineWidth(2);
        g.setLineDashes(6, 4);
        g.strokeLine(x, 0, x, h);
        g.setLineDashes();
        g.setFill(model.theme().ink(Ink.TEXT));
        javafx.scene.text.Font font = model.theme().font(0.8, true);
        g.setFont(font);
        String label = model.i18n().get("result.lockOnMark");
        boolean right = x < w / 2;
        double lw = interleave.app.theme.TextMeasure.width(label, font);
        double lx = right ? x + 4 : x - 4 - lw;
        g.setFill(model.theme().ink(Ink.BACKGROUND));
        g.fillRect(lx - 2, 1, lw + 4, font.getSize() * 1.3);
        g.setFill(model.theme().ink(Ink.TEXT));
        g.setTextAlign(javafx.scene.text.TextAlignment.LEFT);
        g.setTextBaseline(javafx.geometry.VPos.TOP);
        g.fillText(label, lx, 2);
    }
}
