package interleave.app.timeline;

import interleave.app.AppModel;
import interleave.app.log.LogViewModel;
import interleave.app.result.ResultViewModel;
import interleave.app.session.RunSession;
import interleave.app.session.TimeFormat;
import interleave.trace.ContextSwitch;
import interleave.trace.Lane;
import interleave.trace.LostUpdate;
import interleave.trace.ThreadState;
import interleave.trace.Trace;
import interleave.trace.TraceAnalyzer;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.StackPane;

import java.util.List;

/** Hosts the timeline canvas and turns wheel, drag, hover and click into view-model calls. */
public final class TimelineController {
    private final AppModel model;
    private final TimelineViewModel vm;
    private TimelineCanvas canvas;
    @FXML
    private StackPane canvasHost;
    @FXML
    private ToggleButton followToggle;
    @FXML
    private Label hoverLabel;
    @FXML
    private Label captionLabel;
    @FXML
    private Label titleLabel;
    private final javafx.beans.value.ChangeListener<Object> onCaption = (o, was, now) -> showCaption();
    private boolean scrubbing;
    private double dragX = Double.NaN;
    private boolean dragged;
    private long themeVersion = -1;
    private long hoverViewVersion = -1;
    private ResultViewModel lostSentences;

    public TimelineController(AppModel model) {
        this.model = model;
        this.vm = model.timeline();
    }

    @FXML
    private void initialize() {
        canvas = new TimelineCanvas(vm, model.theme());
        canvas.setId("timelineCanvas");
        canvas.setTexts(model.sentences(), model.i18n()::get);
        canvas.setMarkLabels(seq -> MarkLabels.of(model.i18n(), model.sentences().scenario(), vm.analyzer().trace(), seq));
        canvasHost.getChildren().add(0, canvas);
        followToggle.selectedProperty().bindBidirectional(vm.followProperty());
        followToggle.selectedProperty().addListener((o, a, b) -> canvas.markDirty());
        vm.selectedLostProperty().addListener((o, a, b) -> canvas.markDirty());
        vm.selectedSeqProperty().addListener((o, a, b) -> canvas.markDirty());
        canvas.addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            scrubbing = canvas.onAxis(e.getY()) && e.getX() > canvas.labelWidth();
            if (scrubbing) {
                scrub(e.getX());
                return;
            }
            dragX = e.getX();
            dragged = false;
        });
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (scrubbing) {
                scrub(e.getX());
                return;
            }
            if (!Double.isNaN(dragX) && Math.abs(e.getX() - dragX) > 2) {
                vm.panPixels(e.getX() - dragX);
                dragX = e.getX();
                dragged = true;
                canvas.markDirty();
            }
        });
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (scrubbing) {
                scrubbing = false;
                return;
            }
            if (!dragged) {
                onClick(e);
            }
            dragX = Double.NaN;
        });
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, this::onHover);
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hoverLabel.setVisible(false));
        // weakly: the model outlives this view, which a change of language rebuilds
        model.timeline().selectedSeqProperty().addListener(new javafx.beans.value.WeakChangeListener<>(onCaption));
        model.presentingProperty().addListener(new javafx.beans.value.WeakChangeListener<>(onCaption));
        model.addFrameListener(changed -> {
            if (changed) {
                showCaption();
            }
            vm.runOver(model.session().status().over());
            RunSession s = model.session();
            if (vm.setCursorTime(s.inPast() ? s.cursor().shownTime() : Double.NaN)) {
                canvas.markDirty();
            }
            if (hoverLabel.isVisible() && hoverViewVersion != vm.viewVersion()) {
                hoverLabel.setVisible(false); // it described what was under the pointer before the view moved
            }
            if (changed || themeVersion != model.theme().version()) {
                themeVersion = model.theme().version();
                canvas.markDirty();
            }
            canvas.redrawIfDirty();
        });
    }

    /**
     * The time cursor follows the pointer along the axis: every other panel shows the run as it was then. Past
     * the newest event it is the live end again.
     */
    private void scrub(double x) {
        if (vm.analyzer() == null) {
            return;
        }
        double t = vm.time(Math.max(0, x - canvas.labelWidth()));
        if (t >= vm.analyzer().lastTime()) {
            model.session().pause();
            model.session().goLive();
        } else {
            model.session().seekTime((long) Math.floor(t));
        }
    }

    public TimelineCanvas canvas() {
        return canvas;
    }

    /** Presenting, the event log is hidden: the sentence it would end with (or the selected one) stays here. */
    private void showCaption() {
        TraceAnalyzer a = model.session().shown();
        String text = !model.presentingProperty().get() || a == null ? ""
                : LogViewModel.caption(model.sentences(), a.trace(), a.processed(),
                model.timeline().selectedSeqProperty().get());
        if (!text.equals(captionLabel.getText())) {
            captionLabel.setText(text);
        }
        // the sentence takes the title's place: the lanes say it is the timeline, and the room is the story's
        boolean titled = text.isEmpty();
        if (titleLabel.isManaged() != titled) {
            titleLabel.setVisible(titled);
            titleLabel.setManaged(titled);
        }
    }

    @FXML
    private void onFit() {
        vm.fit();
        canvas.markDirty();
    }

    /** The wheel over the lane names scrolls the lanes (when they do not all fit); over the plot it zooms. */
    private void onScroll(ScrollEvent e) {
        double dy = e.getDeltaY();
        if (dy == 0) {
            return;
        }
        if (e.getX() < canvas.labelWidth()) {
            LaneLayout layout = canvas.laneLayout();
            vm.lanesScrolledByHand();
            canvas.scrollLanes(-dy * (layout == null ? 1 : Math.max(1, layout.laneHeight() / 20)));
            e.consume();
            return;
        }
        vm.zoom(dy > 0 ? 0.8 : 1.25, e.getX() - canvas.labelWidth());
        canvas.markDirty();
        e.consume();
    }

    private void onClick(MouseEvent e) {
        int lane = canvas.laneAt(e.getY());
        if (lane < 0 || e.getX() < canvas.labelWidth()) {
            return;
        }
        TimelineViewModel.LaneRef ref = vm.lanes().get(lane);
        double t = vm.time(e.getX() - canvas.labelWidth());
        long seq = vm.nearestEvent(ref.isThread() ? ref.thread() : -1, t);
        if (seq >= 0) {
            vm.select(seq);
        }
    }

    private void onHover(MouseEvent e) {
        TraceAnalyzer a = vm.analyzer();
        int lane = canvas.laneAt(e.getY());
        if (a == null || lane < 0 || e.getX() < canvas.labelWidth()) {
            hoverLabel.setVisible(false);
            return;
        }
        Trace t = a.trace();
        double time = vm.time(e.getX() - canvas.labelWidth());
        TimelineViewModel.LaneRef ref = vm.lanes().get(lane);
        String text;
        long mark = vm.markNear(time, 5);
        LostUpdate lost = ref.isObject() ? vm.lostUpdateNear(ref.object(), time, 7) : null;
        if (lost != null) {
            // the same sentence as the Result panel's lost-update list
            if (lostSentences == null) {
                lostSentences = new ResultViewModel(model.i18n());
            }
            text = lostSentences.lostSentence(t, lost);
        } else if (mark >= 0) {
            text = model.sentences().sentence(t, mark);
        } else if (ref.isCore()) {
            int who = vm.coreHolderIn(ref.core(), time, time + Math.max(1, vm.span() / vm.plotWidth()));
            text = who == TimelineViewModel.TAKING_TURNS
                    ? canvas.coreName(ref.core()) + ": " + model.i18n().fmt("timeline.core.turns",
                            String.valueOf(countRunning(a, time - vm.span() / vm.plotWidth() * 4,
                                    time + vm.span() / vm.plotWidth() * 4)))
                    : model.i18n().fmt("timeline.core.hover", canvas.coreName(ref.core()),
                            who >= 0 ? t.thread(who).name() : model.i18n().get("timeline.core.idle"));
        } else if (ref.isThread()) {
            Lane l = a.threadLane(ref.thread());
            int i = l.indexAt((long) time);
            String state = i < 0 ? "" : model.sentences().state(t, ThreadState.of(l.a(i)), l.b(i));
            text = t.thread(ref.thread()).name() + ": " + state;
            double perPx = vm.span() / vm.plotWidth();
            double share = vm.runningShare(ref.thread(), time - perPx / 2, time + perPx / 2);
            if (perPx > 1.5 && share > 0 && share < 1) {
                text += "\n" + model.i18n().fmt("timeline.share", String.valueOf(Math.round(share * 100)));
            }
            String sw = switchNear(a, time, ref.thread());
            if (sw != null) {
                text += "\n" + sw;
            }
        } else {
            Lane l = a.objectLane(ref.object());
            int i = l.indexAt((long) time);
            text = t.object(ref.object()).name();
            if (i >= 0) {
                text += l.a(i) >= 0 && t.object(ref.object()).type().holdable()
                        ? ": " + model.i18n().fmt("cpu.holder", t.thread(l.a(i)).name()) : ": " + l.c(i);
                if (l.b(i) > 0) {
                    text += ", " + model.i18n().fmt("cpu.waiters", String.valueOf(l.b(i)));
                }
            }
        }
        text += "\n" + TimeFormat.duration((long) time, t.header().virtualTime());
        hoverLabel.setText(text);
        hoverLabel.setTranslateX(Math.min(e.getX() + 14, canvasHost.getWidth() - 300));
        hoverLabel.setTranslateY(e.getY() + 14);
        hoverLabel.setVisible(true);
        hoverViewVersion = vm.viewVersion();
    }

    private int countRunning(TraceAnalyzer a, double t0, double t1) {
        int n = 0;
        for (int th = 0; th < a.threadLaneCount(); th++) {
            if (!a.trace().thread(th).external() && vm.runningShare(th, t0, t1) > 0) {
                n++;
            }
        }
        return n;
    }

    /** The reason of a context switch within a few pixels of the pointer on this thread's lane. */
    private String switchNear(TraceAnalyzer a, double time, int thread) {
        double tolerance = vm.span() / vm.plotWidth() * 4;
        List<ContextSwitch> all = a.switches();
        int lo = 0;
        int hi = all.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (all.get(mid).time() < time - tolerance) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        for (int i = lo; i < all.size() && all.get(i).time() <= time + tolerance; i++) {
            ContextSwitch s = all.get(i);
            if (s.to() == thread || s.from() == thread) {
                Trace t = a.trace();
                return model.i18n().fmt("event.switch", t.thread(s.to()).name(),
                        model.sentences().reason(t, s.from(), s.reason().ordinal()));
            }
        }
        return null;
    }
}
