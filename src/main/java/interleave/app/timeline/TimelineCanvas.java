package interleave.app.timeline;

import interleave.app.session.EventSentences;
import interleave.app.session.TimeFormat;
import interleave.app.theme.CanvasTheme;
import interleave.app.theme.TextMeasure;
import interleave.app.theme.CanvasTheme.Ink;
import interleave.app.theme.CanvasTheme.Size;
import interleave.trace.Lane;
import interleave.trace.ObjectInfo;
import interleave.trace.ThreadState;
import interleave.trace.Trace;
import interleave.trace.TraceAnalyzer;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.TextAlignment;

import java.util.List;
import java.util.function.Function;

/**
 * Paints the timeline: a lane per thread coloured by state (with a pattern for each state, so colour is never
 * the only cue), the cores' lanes, the axis and marks; the shared objects' lanes are {@link ObjectLanes}', and
 * what goes over the lanes (context-switch connectors, lost updates and the selected one's chain, a deadlock, the
 * cursor) is {@link TimelineOverlays}'s.
 * Each frame it samples the visible window column by column with binary searches, so the cost depends on the
 * width in pixels, not on the number of events.
 */
public final class TimelineCanvas extends Region {
    private final Canvas canvas = new Canvas();
    private final TimelineViewModel vm;
    private final CanvasTheme theme;
    private EventSentences sentences;
    private Function<String, String> text = k -> k;
    private java.util.function.LongFunction<String> markLabel;
    private long[] columnKeys = new long[0];
    private double[] laneTop = new double[0];
    private double laneHeight;
    /** How far the lanes are scrolled up under the fixed time axis (when they do not all fit). */
    private double laneScroll;
    private LaneLayout layout;
    private double axisHeight;
    private double labelWidth;
    private boolean dirty = true;
    private final TimelineOverlays overlays;
    private final ObjectLanes objectLanes;

    public TimelineCanvas(TimelineViewModel vm, CanvasTheme theme) {
        this.vm = vm;
        this.theme = theme;
        this.overlays = new TimelineOverlays(vm, theme);
        this.objectLanes = new ObjectLanes(vm, theme);
        getChildren().add(canvas);
        getStyleClass().add("timeline-canvas");
        widthProperty().addListener(o -> dirty = true);
        heightProperty().addListener(o -> dirty = true);
    }

    public void setTexts(EventSentences sentences, Function<String, String> text) {
        this.sentences = sentences;
        this.text = text;
        dirty = true;
    }

    /** The label of a PARAM or ACTION marker, by seq. */
    public void setMarkLabels(java.util.function.LongFunction<String> markLabel) {
        this.markLabel = markLabel;
        dirty = true;
    }

    public Canvas canvas() {
        return canvas;
    }

    public void markDirty() {
        dirty = true;
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(Math.floor(getWidth()));
        canvas.setHeight(Math.floor(getHeight()));
    }

    /** Index into {@link TimelineViewModel#lanes()} of the lane at y, or -1. */
    public int laneAt(double y) {
        if (y < axisHeight) {
            return -1; // lanes scrolled under the axis are hidden there
        }
        for (int i = 0; i < laneTop.length; i++) { // (a lane scrolled under the pinned ones is not there)
            if (y >= laneTop[i] && y < laneTop[i] + laneHeight && (layout == null || layout.visible(i)
                    && (i >= layout.pinnedFrom() || y < layout.scrollBottom()))) {
                return i;
            }
        }
        return -1;
    }

    public double labelWidth() {
        return labelWidth;
    }

    /** Scrolls the lanes by dy pixels (positive: further down the list); clamped when drawn. */
    public void scrollLanes(double dy) {
        double max = layout == null ? 0 : layout.maxScroll();
        double next = Math.max(0, Math.min(max, laneScroll + dy));
        if (next != laneScroll) {
            laneScroll = next;
            dirty = true;
        }
    }

    /** The lanes' layout of the last frame (tests, and the controller's hit tests), or null before one. */
    public LaneLayout laneLayout() {
        return layout;
    }

    /** Redraws if something changed since the last frame. */
    public void redrawIfDirty() {
        if (dirty) {
            dirty = false;
            draw();
        }
    }


    private void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(theme.ink(Ink.BACKGROUND));
        fill(g, 0, 0, w, h);
        double fs = theme.size(Size.TEXT_SIZE);
        labelWidth = Math.max(theme.size(Size.LABEL_WIDTH), fs * 8);
        axisHeight = fs * 2;
        vm.setPlotWidth(w - labelWidth - 8);
        TraceAnalyzer a = vm.analyzer();
        if (a == null || a.processed() == 0) {
            g.setFill(theme.ink(Ink.MUTED));
            g.setFont(theme.font(1.2, false));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(text.apply("timeline.empty"), w / 2, h / 2);
            // how a teacher brings their own program, where a first look goes (it was only in the File menu)
            javafx.scene.text.Font hint = theme.font(0.95, false);
            g.setFont(hint);
            g.fillText(TextMeasure.clip(text.apply("timeline.emptyOwn"), hint, w - 16), w / 2, h / 2 + fs * 2);
            laneTop = new double[0];
            return;
        }
        Trace t = a.trace();
        double sectionGap = fs * 1.6;
        // a lane is never shorter than its label's text: when they do not all fit, the lanes scroll instead
        double minLane = Math.max(12, theme.fontSize(1) * 1.25);
        vm.fitSingleCoreLane(axisHeight, h, theme.size(Size.LANE_HEIGHT), minLane, sectionGap);
        List<TimelineViewModel.LaneRef> lanes = vm.lanes();
        int nCores = (int) lanes.stream().filter(TimelineViewModel.LaneRef::isCore).count();
        int nThreads = (int) lanes.stream().filter(TimelineViewModel.LaneRef::isThread).count();
        int firstObject = nCores + nThreads;
        if (vm.takeLanesBackToTop()) {
            laneScroll = 0;
        }
        // the shared objects stay in view under the threads when the lanes scroll (the lock, the racing variable)
        layout = LaneLayout.of(lanes.size(), new int[] {nCores, firstObject}, axisHeight, h,
                theme.size(Size.LANE_HEIGHT), minLane, sectionGap, laneScroll, firstObject);
        double runnerInView = layout.scrollToShow(vm.laneToKeepInView()); // following: the running thread shows
        if (runnerInView != layout.scroll()) {
            layout = LaneLayout.of(lanes.size(), new int[] {nCores, firstObject}, axisHeight, h,
                    theme.size(Size.LANE_HEIGHT), minLane, sectionGap, runnerInView, firstObject);
        }
        laneScroll = layout.scroll();
        laneHeight = layout.laneHeight();
        laneTop = layout.tops();
        PlotFrame frame = new PlotFrame(labelWidth, axisHeight, laneTop, laneHeight, w, text);
        // marks over several lanes: those of a thread scrolled under the pinned lanes go below the canvas, not onto
        // the lock's lane
        PlotFrame marks = new PlotFrame(labelWidth, axisHeight, shownTops(h), laneHeight, w, text);
        drawAxis(g, t, w);
        int pinned = layout.pinnedFrom();
        double scrollBottom = layout.scrollBottom();
        g.save();
        g.beginPath();
        g.rect(0, axisHeight, w, scrollBottom - axisHeight); // lanes scrolled up pass under the axis, down under
        g.clip();                                             // the pinned ones
        g.setFont(theme.font(0.85, true));
        g.setFill(theme.ink(Ink.MUTED));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        if (nCores > 0) {
            g.fillText(text.apply("timeline.cores"), 6, laneTop[0] - 3);
        }
        if (nThreads > 0) {
            g.fillText(text.apply("timeline.threads"), 6, laneTop[nCores] - 3);
        }
        drawLanes(g, t, a, frame, lanes, 0, pinned, w, scrollBottom);
        overlays.drawSwitches(frame, g, a, lanes); // between threads: under the pinned lanes where they scroll
        g.restore();
        g.save();
        g.beginPath();
        g.rect(0, axisHeight, w, h - axisHeight);
        g.clip();
        if (lanes.size() > firstObject) {
            g.setFont(theme.font(0.85, true));
            g.setFill(theme.ink(Ink.MUTED));
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.BOTTOM);
            g.fillText(text.apply("timeline.resources"), 6, laneTop[firstObject] - 3);
        }
        drawLanes(g, t, a, frame, lanes, pinned, lanes.size(), w, h);
        g.save();
        g.beginPath();
        g.rect(labelWidth, axisHeight, w - labelWidth, h - axisHeight);
        g.clip();
        overlays.drawLostUpdates(marks, g, a, lanes);
        overlays.drawDeadlock(marks, g, a, lanes);
        overlays.drawErrors(marks, g, a, lanes);
        g.restore(); // the plot's clip
        g.restore(); // the lanes' clip under the axis
        g.save();
        g.beginPath();
        g.rect(labelWidth, 0, w - labelWidth, h);
        g.clip();
        drawMarks(g, a, h);
        overlays.drawSelection(marks, g, a, lanes, h);
        overlays.drawCursor(frame, g, h);
        g.restore();
        drawScrollHint(g, w);
    }

    /** The lanes' tops for marks drawn over several lanes: a lane scrolled under the pinned ones below the canvas. */
    private double[] shownTops(double h) {
        double[] tops = laneTop.clone();
        for (int i = 0; i < layout.pinnedFrom(); i++) {
            if (tops[i] >= layout.scrollBottom()) {
                tops[i] = h + 10 * laneHeight;
            }
        }
        return tops;
    }

    /**
     * Lanes {@code from} to {@code to} (exclusive): their stripes and labels, then what happened in them, clipped to
     * the plot above {@code bottom}.
     */
    private void drawLanes(GraphicsContext g, Trace t, TraceAnalyzer a, PlotFrame frame,
                           List<TimelineViewModel.LaneRef> lanes, int from, int to, double w, double bottom) {
        for (int i = from; i < to; i++) {
            g.setFill(theme.ink(i % 2 == 0 ? Ink.LANE : Ink.LANE_ALT));
            fill(g, 0, laneTop[i], w, laneHeight);
            drawLaneLabel(g, t, lanes.get(i), laneTop[i]);
        }
        g.save();
        g.beginPath();
        g.rect(labelWidth, axisHeight, w - labelWidth, bottom - axisHeight);
        g.clip();
        for (int i = from; i < to; i++) {
            if (!layout.visible(i)) {
                continue;
            }
            TimelineViewModel.LaneRef lane = lanes.get(i);
            if (lane.isCore()) {
                drawCoreLane(g, a, lane.core(), laneTop[i]);
            } else if (lane.isThread()) {
                drawThreadLane(g, a, lane.thread(), laneTop[i]);
            } else {
                objectLanes.draw(frame, g, a, lane.object(), laneTop[i]);
            }
        }
        g.restore();
    }

    /** When lanes are out of view: a scroll bar at the right edge and "N more" under the names. */
    private void drawScrollHint(GraphicsContext g, double w) {
        if (layout.maxScroll() <= 0) {
            return;
        }
        double top = layout.viewTop();
        double track = layout.scrollBottom() - top;
        double thumb = Math.max(24, track * track / (track + layout.maxScroll()));
        double y = top + (track - thumb) * layout.scroll() / layout.maxScroll();
        g.setFill(theme.ink(Ink.GRID));
        fill(g, w - 7, top, 6, track);
        g.setFill(theme.ink(Ink.MUTED));
        fill(g, w - 7, y, 6, thumb);
        g.setFont(theme.font(0.85, true));
        g.setTextAlign(TextAlignment.LEFT);
        // said in the axis row's empty corner, above the lanes: a hint drawn over the lanes hid a lane's name
        int above = layout.hiddenAbove();
        int below = layout.hiddenBelow();
        String said = above > 0 && below > 0 ? text.apply("timeline.more_both").replace("{0}", String.valueOf(above))
                .replace("{1}", String.valueOf(below))
                : below > 0 ? text.apply("timeline.more_below").replace("{0}", String.valueOf(below))
                : above > 0 ? text.apply("timeline.more_above").replace("{0}", String.valueOf(above)) : null;
        if (said != null) {
            hint(g, said, top - 1, VPos.BOTTOM);
        }
    }

    private void hint(GraphicsContext g, String s, double y, VPos base) {
        javafx.scene.text.Font f = theme.font(0.85, true);
        String shown = TextMeasure.clip(s, f, labelWidth - 34); // the first tick's label reaches into the column
        double tw = TextMeasure.width(shown, f);
        double th = f.getSize() * 1.3;
        g.setFill(theme.ink(Ink.BACKGROUND));
        fill(g, 2, base == VPos.BOTTOM ? y - th : y, tw + 8, th);
        g.setFill(theme.ink(Ink.TEXT));
        g.setTextBaseline(base);
        g.fillText(shown, 6, base == VPos.BOTTOM ? y - 1 : y + 1);
    }

    private double px(double time) {
        return labelWidth + vm.x(time);
    }

    private void drawAxis(GraphicsContext g, Trace t, double w) {
        boolean virtual = t.header().virtualTime();
        javafx.scene.text.Font font = theme.font(0.8, false);
        // spacing from the widest label there: "1234.56789 s" needs more room than "5 µs"
        double step = vm.tickStep((time, st) -> TextMeasure.width(TimeFormat.tick(time, st, virtual), font),
                theme.size(Size.TEXT_SIZE) * 1.5);
        g.setFont(font);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        double first = Math.ceil(vm.start() / step) * step;
        for (double tick = first; tick <= vm.end(); tick += step) {
            double x = Math.round(px(tick));
            vline(g, theme.ink(Ink.GRID), x + 0.5, axisHeight * 0.75, canvas.getHeight(), 1);
            g.setFill(theme.ink(Ink.MUTED));
            g.fillText(TimeFormat.tick(tick, step, virtual), x, axisHeight * 0.4);
        }
        hline(g, theme.ink(Ink.GRID), labelWidth, w, axisHeight * 0.75, 1);
    }

    /**
     * A lane label's font: the theme's, but never taller than its lane, so that with many lanes on a small screen
     * the names stay apart instead of running into each other.
     */
    private javafx.scene.text.Font labelFont(double scale, boolean bold) {
        javafx.scene.text.Font f = theme.font(scale, bold);
        double most = laneHeight + 2;
        return f.getSize() <= most ? f : javafx.scene.text.Font.font(f.getFamily(),
                bold ? javafx.scene.text.FontWeight.BOLD : javafx.scene.text.FontWeight.NORMAL, Math.max(9, most));
    }

    private void drawLaneLabel(GraphicsContext g, Trace t, TimelineViewModel.LaneRef lane, double top) {
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        double cy = top + laneHeight / 2;
        if (lane.isCore()) {
            g.setFill(theme.ink(Ink.TEXT));
            g.setFont(labelFont(1, true));
            g.fillText(TextMeasure.clip(coreName(lane.core()), labelFont(1, true), labelWidth - 14), 8, cy);
        } else if (lane.isThread()) {
            g.setFill(theme.thread(lane.thread()));
            fill(g, 6, top + 3, 10, laneHeight - 6);
            cue(g, lane.thread(), 6, top + 3, 10, laneHeight - 6);
            g.setFill(theme.ink(Ink.TEXT));
            drawThreadName(g, t.thread(lane.thread()), labelWidth - 26, cy);
        } else {
            ObjectInfo o = t.object(lane.object());
            g.setFill(theme.ink(Ink.TEXT));
            g.setFont(labelFont(0.95, false));
            g.fillText(TextMeasure.clip(o.name(), labelFont(0.95, false), labelWidth - 14), 8, cy);
        }
    }


    private static long pack(int a, int b) {
        return ((long) a << 32) | (b & 0xFFFFFFFFL);
    }

    private static final int SHARE_STEPS = 8; // band heights in eighths: readable, and regular turns merge into runs

    /**
     * A thread lane, one pixel column at a time: the share of the column the thread really ran (a running
     * band of that height, full only if it ran all of it) over the state it spent the rest in. Zoomed out on
     * one core, threads that alternate quickly get bands that add up to one lane, never all solid.
     */
    private void drawThreadLane(GraphicsContext g, TraceAnalyzer a, int thread, double top) {
        Lane lane = a.threadLane(thread);
        if (lane.size() == 0) {
            return;
        }
        double last = a.lastTime() + 1;
        int width = (int) Math.ceil(vm.plotWidth());
        if (columnKeys.length < width + 1) {
            columnKeys = new long[width + 1];
        }
        long[] keys = columnKeys;
        int hint = 0;
        for (int x = 0; x <= width; x++) {
            double t0 = vm.time(x);
            double t1 = Math.min(vm.time(x + 1), last);
            long key = -1;
            if (x < width && t0 < last) {
                long from = (long) Math.floor(t0);
                long to = Math.max(from + 1, (long) Math.ceil(t1));
                int ia = lane.indexAtFrom(from, hint);
                int ib = lane.indexAtFrom(to - 1, ia);
                int ie = lane.indexAtFrom(to, ib);
                hint = Math.max(ia, 0);
                if (ib >= 0) {
                    double ran = lane.countedUntil(to, ie) - lane.countedUntil(from, ia);
                    int q = (int) Math.round(SHARE_STEPS * ran / (to - from));
                    if (q == 0 && ran > 0) {
                        q = 1; // it ran, if only briefly: a sliver shows it
                    }
                    int rest = ib;
                    for (int i = ib; i >= Math.max(0, ia) && i >= ib - 16; i--) {
                        if (lane.a(i) != ThreadState.RUNNING.ordinal()) {
                            rest = i;
                            break;
                        }
                    }
                    int restState = lane.a(rest) == ThreadState.RUNNING.ordinal() ? ThreadState.READY.ordinal()
                            : lane.a(rest);
                    key = q >= SHARE_STEPS ? pack(ThreadState.RUNNING.ordinal(), -1)
                            : ((long) q << 56) | pack(restState, lane.b(rest));
                }
            }
            keys[x] = key;
        }
        // the states first, in runs that ignore the share (few rectangles even when every column differs) ...
        int runStart = 0;
        boolean partial = false;
        for (int x = 1; x <= width + 1; x++) {
            long prev = keys[x - 1] & 0x00FFFFFFFFFFFFFFL;
            partial |= keys[x - 1] >>> 56 != 0;
            if (x <= width && (keys[x] & 0x00FFFFFFFFFFFFFFL) == prev && keys[x] >= 0 == keys[x - 1] >= 0) {
                continue;
            }
            if (keys[x - 1] >= 0) {
                paintState(g, thread, (int) (prev >> 32), (int) prev, labelWidth + runStart, x - runStart, top,
                        !partial);
            }
            runStart = x;
            partial = false;
        }
        // ... then the running bands of the columns it ran only part of, one rectangle per run of equal share
        g.setFill(theme.thread(thread));
        runStart = 0;
        for (int x = 1; x <= width + 1; x++) {
            int q = keys[x - 1] < 0 ? 0 : (int) (keys[x - 1] >>> 56);
            int next = x <= width && keys[x] >= 0 ? (int) (keys[x] >>> 56) : -1;
            if (next == q) {
                continue;
            }
            if (q > 0) {
                paintRunningShare(q, labelWidth + runStart, x - runStart, top);
            }
            runStart = x;
        }
    }

    /** The running band for a share q/8 of the time: bottom-aligned, its height the share of the lane. */
    private void paintRunningShare(int q, double x, double w, double top) {
        double full = laneHeight - 4;
        double bandH = Math.max(2, full * q / SHARE_STEPS);
        fill(canvas.getGraphicsContext2D(), x, top + 2 + full - bandH, w, bandH);
    }

    /**
     * A second cue beside the colour for threads past the eight-colour palette: one, two, ... thin bars across
     * the band (background ink). Cheap: a rectangle per bar per run, never per pixel.
     */
    private void cue(GraphicsContext g, int thread, double x, double y, double w, double h) {
        int bars = Math.floorDiv(thread, 8);
        if (bars <= 0 || h < 6) {
            return;
        }
        g.setFill(theme.ink(Ink.BACKGROUND));
        for (int i = 1; i <= Math.min(bars, 3); i++) {
            fill(g, x, y + h * i / (Math.min(bars, 3) + 1) - 1, w, 2);
        }
    }

    String coreName(int core) {
        return java.text.MessageFormat.format(text.apply("timeline.core"), core);
    }

    /** A core lane: who holds the core, in the thread's colour (and cue) with its name wherever it fits. */
    private void drawCoreLane(GraphicsContext g, TraceAnalyzer a, int core, double top) {
        int width = (int) Math.ceil(vm.plotWidth());
        double last = a.lastTime() + 1;
        int runKey = Integer.MIN_VALUE;
        int runStart = 0;
        Trace t = a.trace();
        for (int x = 0; x <= width; x++) {
            double t0 = vm.time(x);
            int key = x == width || t0 >= last ? Integer.MIN_VALUE + 1 : vm.coreHolderIn(core, t0, vm.time(x + 1));
            if (key != runKey) {
                if (runKey > Integer.MIN_VALUE + 1 && x > runStart) {
                    double left = labelWidth + runStart;
                    double w = x - runStart;
                    if (runKey == TimelineViewModel.TAKING_TURNS) {
                        paintTakingTurns(g, a, left, w, vm.time(runStart), vm.time(x), top);
                    } else if (runKey >= 0) {
                        g.setFill(theme.thread(runKey));
                        fill(g, left, top + 2, w, laneHeight - 4);
                        cue(g, runKey, left, top + 2, w, laneHeight - 4);
                        String name = t.thread(runKey).name();
                        javafx.scene.text.Font f = theme.font(0.8, true);
                        if (w > 30 && TextMeasure.width(name, f) + 8 < w) {
                            coreLabel(g, name, f, left, top);
                        }
                    } else {
                        hline(g, theme.ink(Ink.MUTED), left, left + w, top + laneHeight / 2, 1);
                    }
                }
                runKey = key;
                runStart = x;
            }
        }
    }

    /**
     * A stretch where the core changed hands too often to draw each holder: one neutral band saying how many
     * threads took turns (the thread lanes below show each one's share of it).
     */
    private void paintTakingTurns(GraphicsContext g, TraceAnalyzer a, double left, double w, double t0, double t1,
                                  double top) {
        g.setFill(theme.ink(Ink.CORE));
        fill(g, left, top + 2, w, laneHeight - 4);
        if (w < 80) {
            return;
        }
        int turns = 0;
        for (int th = 0; th < a.threadLaneCount(); th++) {
            if (!a.trace().thread(th).external() && vm.runningShare(th, t0, t1) > 0) {
                turns++;
            }
        }
        javafx.scene.text.Font f = theme.font(0.8, true);
        String label = java.text.MessageFormat.format(text.apply("timeline.core.turns"), turns);
        if (TextMeasure.width(label, f) + 8 < w) {
            coreLabel(g, label, f, left, top);
        }
    }

    private void coreLabel(GraphicsContext g, String label, javafx.scene.text.Font f, double left, double top) {
        g.setFont(f);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        double tw = TextMeasure.width(label, f);
        g.setFill(theme.ink(Ink.BACKGROUND));
        fill(g, left + 2, top + laneHeight / 2 - laneHeight * 0.3, tw + 6, laneHeight * 0.6);
        g.setFill(theme.ink(Ink.TEXT));
        g.fillText(label, left + 5, top + laneHeight / 2);
    }

    /** Live parameter changes and actions: a labelled vertical marker at the moment ("lock on"). */
    private void drawMarks(GraphicsContext g, TraceAnalyzer a, double h) {
        List<Long> marks = a.marks();
        if (marks.isEmpty() || markLabel == null) {
            return;
        }
        Trace t = a.trace();
        javafx.scene.text.Font f = theme.font(0.85, true);
        g.setFont(f);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        double labelRight = Double.NEGATIVE_INFINITY;
        int row = 0;
        for (long seq : marks) {
            double time = t.time(seq);
            if (time < vm.start() || time > vm.end()) {
                continue;
            }
            double x = Math.round(px(time));
            vline(g, theme.ink(Ink.TEXT), x, axisHeight * 0.75, h, 2);
            String label = markLabel.apply(seq);
            double tw = TextMeasure.width(label, f);
            row = x < labelRight ? row + 1 : 0; // marks close together stack their labels
            double y = axisHeight + row * f.getSize() * 1.4 + f.getSize() * 0.2;
            g.setFill(theme.ink(Ink.TEXT));
            fill(g, x, y, tw + 10, f.getSize() * 1.3);
            g.setFill(theme.ink(Ink.BACKGROUND));
            g.fillText(label, x + 5, y + f.getSize() * 0.65);
            labelRight = Math.max(labelRight, x + tw + 12);
        }
    }

    private void paintState(GraphicsContext g, int thread, int stateOrd, int object, double x, double w, double top,
                            boolean labelled) {
        ThreadState s = ThreadState.of(stateOrd);
        double h = laneHeight;
        Color own = theme.thread(thread);
        switch (s) {
            case RUNNING -> {
                g.setFill(own);
                fill(g, x, top + 2, w, h - 4);
                cue(g, thread, x, top + 2, w, h - 4);
            }
            case READY -> {
                g.setFill(own.deriveColor(0, 1, 1, 0.28));
                fill(g, x, top + h * 0.3, w, h * 0.4);
                hline(g, own, x, x + w, top + h * 0.3 + 0.5, 1);
                hline(g, own, x, x + w, top + h * 0.7 - 0.5, 1);
            }
            case BLOCKED -> {
                g.setFill(theme.ink(Ink.BLOCKED));
                fill(g, x, top + 4, w, h - 8);
                hatch(g, x, top + 4, w, h - 8, theme.ink(Ink.BACKGROUND));
            }
            case WAITING -> {
                g.setFill(theme.ink(Ink.WAITING));
                fill(g, x, top + 4, w, h - 8);
                dots(g, x, top + 4, w, h - 8, theme.ink(Ink.BACKGROUND));
            }
            case SLEEPING -> {
                g.setFill(theme.ink(Ink.SLEEPING));
                fill(g, x, top + h * 0.35, w, h * 0.3);
            }
            case FINISHED -> {
                hline(g, theme.ink(Ink.FINISHED), x, x + w, top + h / 2, 1);
            }
            default -> {
                return;
            }
        }
        if (labelled && s != ThreadState.RUNNING && s != ThreadState.FINISHED && sentences != null && w > 60) {
            String label = sentences.state(vm.analyzer().trace(), s, object);
            // bold: thin white type on a coloured band was hard to read from the back (Chinese above all)
            javafx.scene.text.Font font = theme.font(0.8, true);
            g.setFont(font);
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.CENTER);
            g.setFill(s == ThreadState.READY || s == ThreadState.SLEEPING ? theme.ink(Ink.TEXT)
                    : theme.ink(Ink.BACKGROUND));
            double tw = TextMeasure.width(label, font);
            if (tw + 8 < w) {
                double bgY = top + h / 2;
                if (s == ThreadState.BLOCKED || s == ThreadState.WAITING) {
                    g.setFill(s == ThreadState.BLOCKED ? theme.ink(Ink.BLOCKED) : theme.ink(Ink.WAITING));
                    // as tall as the type, descenders too: run_thread's underscore was lost in the hatching
                    double band = Math.min(h - 2, Math.max(h * 0.56, font.getSize() * 1.4));
                    fill(g, x + 3, bgY - band / 2, tw + 6, band);
                    g.setFill(theme.ink(Ink.BACKGROUND));
                }
                g.fillText(label, x + 6, bgY);
            }
        }
    }

    /**
     * A rectangle snapped to whole pixels. Fractional edges send every rectangle through the antialiasing
     * rasterizer of the software pipeline; whole-pixel ones take its fast path, and lanes look crisper on a projector.
     */
    static void fill(GraphicsContext g, double x, double y, double w, double h) {
        double x0 = Math.round(x);
        double y0 = Math.round(y);
        double x1 = Math.round(x + w);
        double y1 = Math.round(y + h);
        if (x1 == x0 && w > 0) {
            x1 = x0 + 1; // a run thinner than a pixel still shows
        }
        if (y1 > y0 && x1 > x0) {
            g.fillRect(x0, y0, x1 - x0, y1 - y0);
        }
    }

    /** A horizontal line as a whole-pixel rectangle (the software pipeline strokes lines slowly). */
    static void hline(GraphicsContext g, Paint ink, double x0, double x1, double y, double thickness) {
        g.setFill(ink);
        fill(g, Math.min(x0, x1), y - thickness / 2, Math.abs(x1 - x0), thickness);
    }

    /** A vertical line as a whole-pixel rectangle. */
    static void vline(GraphicsContext g, Paint ink, double x, double y0, double y1, double thickness) {
        g.setFill(ink);
        fill(g, x - thickness / 2, Math.min(y0, y1), thickness, Math.abs(y1 - y0));
    }


    private static void hatch(GraphicsContext g, double x, double y, double w, double h,
                              javafx.scene.paint.Paint ink) {
        g.save();
        g.beginPath();
        g.rect(x, y, w, h);
        g.clip();
        g.setStroke(ink);
        g.setLineWidth(1.5);
        double step = 7;
        double startX = Math.floor(x / step) * step - h;
        for (double sx = startX; sx < x + w; sx += step) {
            g.strokeLine(sx, y + h, sx + h, y);
        }
        g.restore();
    }

    private static void dots(GraphicsContext g, double x, double y, double w, double h,
                             javafx.scene.paint.Paint ink) {
        g.setFill(ink);
        double cy = y + h / 2;
        double start = Math.ceil(x / 8) * 8;
        for (double dx = start; dx < x + w - 2; dx += 8) {
            g.fillOval(dx, cy - 1.5, 3, 3);
        }
    }

    /** Is y on the time axis, where a press and a drag move the time cursor? */
    public boolean onAxis(double y) {
        return y < axisHeight;
    }

    /** The selected lost update's labels as last drawn (tests: none may cover another or leave its lane). */
    public List<javafx.geometry.Rectangle2D> chainLabelBounds() {
        return overlays.chainLabelBounds();
    }

    /** A thread's lane label (see {@link ThreadLabel}): its name, and a daemon's word smaller and muted after it. */
    private void drawThreadName(GraphicsContext g, interleave.trace.ThreadInfo thread, double room, double cy) {
        javafx.scene.text.Font font = labelFont(1, true);
        javafx.scene.text.Font markFont = labelFont(0.7, false);
        ThreadLabel label = ThreadLabel.of(thread, List.of(text.apply("timeline.daemon"),
                text.apply("timeline.daemon.short")), room, s -> TextMeasure.width(s, font),
                s -> TextMeasure.width(s, markFont));
        g.setFont(font);
        g.fillText(label.name(), 22, cy);
        if (!label.mark().isEmpty()) {
            g.setFont(markFont);
            g.setFill(theme.ink(Ink.MUTED));
            g.fillText(label.mark(), 22 + TextMeasure.width(label.name(), font) + ThreadLabel.GAP, cy);
        }
    }
}
