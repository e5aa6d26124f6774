package interleave.app.timeline;

import interleave.trace.Lane;
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
import java.util.function.DoubleBinaryOperator;

/**
 * What the timeline shows and where: the lanes, the visible time window (zoom, pan, follow-live), and
 * which event or lost update is selected. Pure logic, so plain JUnit can test it; the canvas only paints.
 */
public final class TimelineViewModel {
    private double cursorTime = Double.NaN;
    /** A lane: a core ({@code core} &gt;= 0), a thread ({@code thread} &gt;= 0) or a shared object ({@code object}). */
    public record LaneRef(int thread, int object, int core) {
        public LaneRef(int thread, int object) {
            this(thread, object, -1);
        }

        public static LaneRef ofCore(int core) {
            return new LaneRef(-1, -1, core);
        }

        public boolean isThread() {
            return thread >= 0;
        }

        public boolean isCore() {
            return core >= 0;
        }

        public boolean isObject() {
            return thread < 0 && core < 0;
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
    private long viewVersion;
    private boolean runOver;
    /** While following: the running thread's lane is kept in view, until the user scrolls the lanes by hand. */
    private boolean keepRunnerInView = true;
    /** The run ended while followed: the whole run is shown, its lanes from the top again. */
    private boolean lanesBackToTop;

    public TimelineViewModel() {
        follow.addListener((o, was, now) -> {
            if (now) {
                keepRunnerInView = true; // Follow live again: the runner's lane is back in view
            }
        });
    }

    public BooleanProperty followProperty() {
        return follow;
    }

    /**
     * The moment the other views show when the user looks back (the time cursor), or NaN while they show the
     * newest moment.
     */
    public double cursorTime() {
        return cursorTime;
    }

    /** Returns true if the cursor moved (the canvas must redraw). */
    public boolean setCursorTime(double time) {
        boolean moved = Double.compare(time, cursorTime) != 0;
        cursorTime = time;
        return moved;
    }

    public ObjectProperty<Long> selectedSeqProperty() {
        return selectedSeq;
    }

    public ObjectProperty<LostUpdate> selectedLostProperty() {
        return selectedLost;
    }

    /** The follow window's least span, and how many of the newest events it always shows until the user zooms. */
    private static final double FOLLOW_SPAN = 120;
    private static final int RECENT_EVENTS = 60;
    /** True until the user zooms, fits or picks a moment: the follow window then keeps the newest events in view. */
    private boolean autoSpan = true;

    public void setAnalyzer(TraceAnalyzer analyzer) {
        this.analyzer = analyzer;
        laneSignature = -1;
        start = 0;
        span = FOLLOW_SPAN;
        autoSpan = true;
        follow.set(true);
        keepRunnerInView = true;
        runOver = false;
        viewVersion++;
        selectedSeq.set(-1L);
        selectedLost.set(null);
    }

    public TraceAnalyzer analyzer() {
        return analyzer;
    }

    /** Width in pixels of the plotting area (right of the lane labels). */
    public void setPlotWidth(double w) {
        double next = Math.max(50, w);
        if (next != width) {
            width = next;
            viewVersion++;
        }
    }

    /** Changes whenever the visible window moves or scales: a tooltip computed before is stale then. */
    public long viewVersion() {
        return viewVersion;
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
            double before = start;
            if (autoSpan) { // a program that sleeps: its newest events may lie seconds apart, not 120 us
                long n = analyzer.processed();
                double from = n > RECENT_EVENTS ? analyzer.trace().time(n - RECENT_EVENTS) : 0;
                double wanted = Math.max(FOLLOW_SPAN, (last - from) * 1.15 + 1);
                // grows at once, shrinks only to half or less: bursts between sleeps must not rezoom every frame
                if (wanted > span || wanted < span / 2) {
                    span = wanted;
                    start = Math.max(0, last + 1 - span * 0.9);
                    viewVersion++;
                }
            }
            if (last + 1 > start + span * 0.97 || last < start) {
                start = Math.max(0, last + 1 - span * 0.9);
            }
            if (analyzer.deadlock() != null && last > start + span * RIGHT_MARGIN_DEADLOCK) {
                start = Math.max(0, last - span * RIGHT_MARGIN_DEADLOCK); // room for the wait-for cycle
            }
            if (start != before) {
                viewVersion++;
            }
        }
    }

    private boolean singleCoreLaneHidden;

    /**
     * With one core its lane says nothing the threads' lanes do not (one of them runs at a time, and the CPU view
     * shows which): where the lanes do not all fit, it gives its room to the shared objects, which a projector's
     * timeline otherwise left below the fold (the balance and its lost updates). Applies only to a run with one
     * core; true if the lanes changed.
     */
    public boolean hideSingleCoreLane(boolean hide) {
        if (hide == singleCoreLaneHidden) {
            return false;
        }
        singleCoreLaneHidden = hide;
        laneSignature = -1;
        return true;
    }

    /**
     * Hides one core's lane when the lanes, that one included, would not all fit between {@code viewTop} and
     * {@code viewBottom} as {@link LaneLayout} lays them out; shows it again when they would.
     */
    public void fitSingleCoreLane(double viewTop, double viewBottom, double themed, double minLane,
                                  double sectionGap) {
        if (analyzer == null || analyzer.coreCount() != 1) {
            return;
        }
        List<LaneRef> shown = lanes();
        int threads = (int) shown.stream().filter(LaneRef::isThread).count();
        int all = shown.size() + (singleCoreLaneHidden() ? 1 : 0);
        hideSingleCoreLane(LaneLayout.of(all, new int[] {1, 1 + threads}, viewTop, viewBottom, themed, minLane,
                sectionGap, 0).maxScroll() > 0);
    }

    /** Whether the lanes go back to the top now (once: the run just ended while it was followed). */
    public boolean takeLanesBackToTop() {
        boolean back = lanesBackToTop;
        lanesBackToTop = false;
        return back;
    }

    /** The user scrolled the lanes: they stay where they are put, until Follow live is pressed again. */
    public void lanesScrolledByHand() {
        keepRunnerInView = false;
    }

    /**
     * While the view follows the run: the lane (an index into {@link #lanes()}) of the thread that went through the
     * newest point, which the canvas keeps in view when not every lane fits (ten threads on a projector); -1 when
     * not following, after the user scrolled the lanes, or when no thread lane is among the newest events.
     */
    public int laneToKeepInView() {
        if (!follow.get() || !keepRunnerInView || analyzer == null || analyzer.processed() == 0) {
            return -1;
        }
        Trace t = analyzer.trace();
        List<LaneRef> shown = lanes();
        long last = analyzer.processed() - 1;
        for (long i = last; i >= 0 && i > last - 16; i--) { // the user's own commands have no lane
            int thread = t.thread(i);
            for (int lane = 0; lane < shown.size(); lane++) {
                if (shown.get(lane).thread() == thread) {
                    return lane;
                }
            }
        }
        return -1;
    }

    public boolean singleCoreLaneHidden() {
        return singleCoreLaneHidden && analyzer != null && analyzer.coreCount() == 1;
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
            for (int c = singleCoreLaneHidden() ? 1 : 0; c < analyzer.coreCount(); c++) {
                lanes.add(LaneRef.ofCore(c)); // who holds each core: one thread at a time, at any zoom
            }
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
        autoSpan = false;
        viewVersion++;
    }

    public void panPixels(double dx) {
        start = Math.max(0, start - dx / width * span);
        follow.set(false);
        viewVersion++;
    }

    /**
     * Told every frame whether the run is over. A run that ends while the view follows it (Run to end, or
     * Play to the end) shows the whole run, not the last slice the follow window happened to hold.
     */
    public void runOver(boolean over) {
        if (over && !runOver && follow.get() && analyzer != null) {
            fit();
            lanesBackToTop = true;
        }
        runOver = over;
    }

    public void fit() {
        double last = analyzer == null ? 0 : analyzer.lastTime();
        start = 0;
        double room = analyzer != null && analyzer.deadlock() != null ? 1 / RIGHT_MARGIN_DEADLOCK : 1.02;
        span = Math.max(MIN_SPAN, last * room + 1);
        follow.set(false);
        autoSpan = false;
        viewVersion++;
    }

    /** Shows a time in the middle of the view (for a lost update picked in the list). */
    public void centerOn(double time, double wantedSpan) {
        span = Math.max(MIN_SPAN, wantedSpan);
        start = Math.max(0, time - span / 2);
        follow.set(false);
        autoSpan = false;
        viewVersion++;
    }

    // ---- what a pixel column shows ----

    /** Share (0..1) of [t0, t1) the thread spent running: the height of its running band in that column. */
    public double runningShare(int thread, double t0, double t1) {
        double to = Math.min(t1, analyzer.lastTime() + 1);
        if (to <= t0) {
            return 0;
        }
        Lane lane = analyzer.threadLane(thread);
        long a = (long) Math.floor(t0);
        long b = (long) Math.ceil(to);
        long ran = lane.countedUntil(b, lane.indexAt(b)) - lane.countedUntil(a, lane.indexAt(a));
        return Math.min(1, Math.max(0, ran / (double) Math.max(1, b - a)));
    }

    /** {@link #coreHolderIn} when the core changed hands too often within the column to name one holder. */
    public static final int TAKING_TURNS = -2;

    /**
     * The thread that held core c longest within [t0, t1), -1 if it was idle most of that time, or
     * {@link #TAKING_TURNS} if it changed hands more than a few times there (the thread lanes' band heights
     * then show each thread's share).
     */
    public int coreHolderIn(int c, double t0, double t1) {
        Lane lane = analyzer.coreLane(c);
        double to = Math.min(t1, analyzer.lastTime() + 1);
        if (to <= t0 || lane.size() == 0) {
            return -1;
        }
        int ia = lane.indexAt((long) Math.floor(t0));
        int ib = lane.indexAt((long) Math.ceil(to) - 1);
        if (ib < 0) {
            return -1;
        }
        if (ia == ib) {
            return lane.a(ib);
        }
        if (ib - ia > 8) {
            return TAKING_TURNS;
        }
        int best = -1;
        double bestTime = 0;
        for (int i = Math.max(0, ia); i <= ib; i++) {
            int who = lane.a(i);
            if (who < 0) {
                continue;
            }
            double held = 0;
            for (int j = Math.max(0, ia); j <= ib; j++) {
                if (lane.a(j) == who) {
                    double from = Math.max(t0, lane.time(j));
                    double until = j + 1 < lane.size() ? Math.min(to, lane.time(j + 1)) : to;
                    held += Math.max(0, until - from);
                }
            }
            if (held > bestTime) {
                bestTime = held;
                best = who;
            }
        }
        return best;
    }

    // ---- axis ----

    /**
     * The 1-2-5 tick spacing whose labels do not collide: each label ({@code labelWidth} measures the label
     * of a time at a given step, in pixels) gets its own width plus {@code gapPx} of room.
     */
    public double tickStep(DoubleBinaryOperator labelWidth, double gapPx) {
        double perPx = span / width;
        double step = niceAtLeast(perPx * 40);
        for (int guard = 0; guard < 40; guard++) {
            double widest = Math.max(labelWidth.applyAsDouble(Math.ceil(start / step) * step, step),
                    labelWidth.applyAsDouble(Math.floor(end() / step) * step, step));
            if (step / perPx >= widest + gapPx) {
                return step;
            }
            step = niceAtLeast(step * 1.01);
        }
        return step;
    }

    /** The smallest of 1, 2, 5, 10, 20, ... that is at least x. */
    static double niceAtLeast(double x) {
        if (x <= 1) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(x)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= x - 1e-9 * p) {
                return m * p;
            }
        }
        return 10 * p;
    }

    // ---- what lies under the pointer ----

    /** The lost update on a variable whose mark is within {@code tolerancePx} of a time, or null. */
    public LostUpdate lostUpdateNear(int variable, double time, double tolerancePx) {
        if (analyzer == null) {
            return null;
        }
        double tol = tolerancePx * span / width;
        List<LostUpdate> all = analyzer.lostUpdates();
        int lo = 0;
        int hi = all.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (all.get(mid).time() < time - tol) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        LostUpdate best = null;
        for (int i = lo; i < all.size() && all.get(i).time() <= time + tol; i++) {
            LostUpdate u = all.get(i);
            if (u.variable() == variable && (best == null
                    || Math.abs(u.time() - time) < Math.abs(best.time() - time))) {
                best = u;
            }
        }
        return best;
    }

    /** The live parameter change or action whose marker is within {@code tolerancePx} of a time, or -1. */
    public long markNear(double time, double tolerancePx) {
        if (analyzer == null) {
            return -1;
        }
        double tol = tolerancePx * span / width;
        long best = -1;
        for (long seq : analyzer.marks()) {
            double d = Math.abs(analyzer.trace().time(seq) - time);
            if (d <= tol && (best < 0 || d < Math.abs(analyzer.trace().time(best) - time))) {
                best = seq;
            }
        }
        return best;
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
