package interleave.app.timeline;

import interleave.trace.LostUpdate;
import interleave.trace.ObjectInfo;
import interleave.trace.ObjectType;
import interleave.trace.ThreadInfo;
import interleave.trace.Trace;
import interleave.trace.TraceAnalyzer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.ArrayList;
import java.util.List;

/**
 * What the timeline shows and where: the lanes, the visible time window (zoom, pan, follow-live), and
 * which event or lost update is selected. Pure logic, so plain JUnit can test it; the canvas only paints.
 */
public final class TimelineViewModel {
    /** A lane: a thread (id &gt;= 0 in {@code thread}) or a shared object ({@code object}). */
    public record LaneRef(int thread, int object) {
        public boolean isThread() {
            return thread >= 0;
        }
    }

    private static final double MIN_SPAN = 8;
    /** Where the last event sits once a deadlock is found: the rest of the width shows the wait-for cycle. */
    static final double RIGHT_MARGIN_DEADLOCK = 0.85;
    private final BooleanProperty follow = new SimpleBooleanProperty(true);
    private final ObjectProperty<Long> selectedSeq = new SimpleObjectProperty<>(-1L);
    private final ObjectProperty<LostUpdate> selectedLost = new SimpleObjectProperty<>();
    private double start;
    private double span = 120;
    private double width = 800;
    private TraceAnalyzer analyzer;
    private final List<LaneRef> lanes = new ArrayList<>();
    private int laneSignature = -1;

    public BooleanProperty followProperty() {
        return follow;
    }

    public ObjectProperty<Long> selectedSeqProperty() {
        return selectedSeq;
    }

    public ObjectProperty<LostUpdate> selectedLostProperty() {
        return selectedLost;
    }

    public void setAnalyzer(TraceAnalyzer analyzer) {
        this.analyzer = analyzer;
        laneSignature = -1;
        start = 0;
        span = 120;
        follow.set(true);
        selectedSeq.set(-1L);
        selectedLost.set(null);
    }

    public TraceAnalyzer analyzer() {
        return analyzer;
    }

    /** Width in pixels of the plotting area (right of the lane labels). */
    public void setPlotWidth(double w) {
        this.width = Math.max(50, w);
    }

    public double plotWidth() {
        return width;
    }

    public double start() {
        return start;
    }

    public double span() {
        return span;
    }

    public double end() {
        return start + span;
    }

    /** Called once per frame: keeps the newest event in view while following. */
    public void tick() {
        if (analyzer == null) {
            return;
        }
        if (follow.get()) {
            double last = analyzer.lastTime();
            if (last + 1 > start + span * 0.97 || last < start) {
                start = Math.max(0, last + 1 - span * 0.9);
            }
            if (analyzer.deadlock() != null && last > start + span * RIGHT_MARGIN_DEADLOCK) {
                start = Math.max(0, last - span * RIGHT_MARGIN_DEADLOCK); // room for the wait-for cycle
            }
        }
    }

    public List<LaneRef> lanes() {
        if (analyzer == null) {
            return List.of();
        }
        // only what the analyzer has digested: the trace may already name threads it has not reached
        Trace t = analyzer.trace();
        int nThreads = analyzer.threadLaneCount();
        int nObjects = analyzer.objectLaneCount();
        int sig = nThreads * 4096 + nObjects;
        if (sig != laneSignature) {
            laneSignature = sig;
            lanes.clear();
            for (int id = 0; id < nThreads; id++) {
                ThreadInfo th = t.thread(id);
                if (!th.external()) {
                    lanes.add(new LaneRef(th.id(), -1));
                }
            }
            for (int id = 0; id < nObjects; id++) {
                ObjectInfo o = t.object(id);
                if (o.type() != ObjectType.LOCAL) {
                    lanes.add(new LaneRef(-1, o.id()));
                }
            }
        }
        return lanes;
    }

    // ---- mapping ----

    public double x(double time) {
        return (time - start) / span * width;
    }

    public double time(double x) {
        return start + x / width * span;
    }

    // ---- navigation ----

    /** Wheel zoom around the time under the pointer; a factor &lt; 1 zooms in. */
    public void zoom(double factor, double atX) {
        double pivot = time(atX);
        double max = Math.max(MIN_SPAN * 4, (analyzer == null ? 0 : analyzer.lastTime()) * 1.2 + 10);
        span = Math.max(MIN_SPAN, Math.min(max, span * factor));
        start = Math.max(0, pivot - atX / width * span);
        follow.set(false);
    }

    public void panPixels(double dx) {
        start = Math.max(0, start - dx / width * span);
        follow.set(false);
    }

    public void fit() {
        double last = analyzer == null ? 0 : analyzer.lastTime();
        start = 0;
        double room = analyzer != null && analyzer.deadlock() != null ? 1 / RIGHT_MARGIN_DEADLOCK : 1.02;
        span = Math.max(MIN_SPAN, last * room + 1);
        follow.set(false);
    }

    /** Shows a time in the middle of the view (for a lost update picked in the list). */
    public void centerOn(double time, double wantedSpan) {
        span = Math.max(MIN_SPAN, wantedSpan);
        start = Math.max(0, time - span / 2);
        follow.set(false);
    }

    public void focus(LostUpdate u) {
        selectedLost.set(u);
        selectedSeq.set(u.writeSeq());
        Trace t = analyzer.trace();
        double from = t.time(u.readSeq());
        double to = t.time(u.writeSeq());
        centerOn((from + to) / 2, Math.max(40, (to - from) * 3));
    }

    /** The event nearest to a time on a thread's lane, or -1. */
    public long nearestEvent(int thread, double time) {
        if (analyzer == null) {
            return -1;
        }
        Trace t = analyzer.trace();
        long n = Math.min(analyzer.processed(), t.size());
        if (n == 0) {
            return -1;
        }
        long i = Math.min(n - 1, t.firstAtOrAfter((long) Math.floor(time)));
        long best = -1;
        double bestDist = Double.MAX_VALUE;
        for (long j = Math.max(0, i - 400); j < Math.min(n, i + 400); j++) {
            if (thread >= 0 && t.thread(j) != thread) {
                continue;
            }
            double d = Math.abs(t.time(j) - time);
            if (d < bestDist) {
                bestDist = d;
                best = j;
            }
        }
        return best;
    }

    public void select(long seq) {
        selectedSeq.set(seq);
        selectedLost.set(null);
        if (analyzer != null) {
            for (LostUpdate u : analyzer.lostUpdates()) {
                if (u.writeSeq() == seq) {
                    selectedLost.set(u);
                    break;
                }
            }
        }
    }
}
