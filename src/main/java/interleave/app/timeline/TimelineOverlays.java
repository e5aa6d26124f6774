package interleave.app.timeline;

import interleave.app.theme.CanvasTheme;
import interleave.app.theme.CanvasTheme.Ink;
import interleave.app.theme.TextMeasure;
import interleave.trace.ContextSwitch;
import interleave.trace.Deadlock;
import interleave.trace.Lane;
import interleave.trace.LostUpdate;
import interleave.trace.Trace;
import interleave.trace.TraceAnalyzer;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToLongFunction;

import static interleave.app.timeline.TimelineCanvas.fill;
import static interleave.app.timeline.TimelineCanvas.vline;

/**
 * What the timeline draws over its lanes: the context-switch connectors, the lost-update markers and the selected
 * one's read/write chain with its labels, a deadlock's frames and wait-for edges, the selected event and the time
 * cursor. {@link TimelineCanvas} lays the lanes out and calls these once per frame, in that order.
 */
final class TimelineOverlays {
    private final TimelineViewModel vm;
    private final CanvasTheme theme;
    private List<javafx.geometry.Rectangle2D> chainLabels = List.of();

    TimelineOverlays(TimelineViewModel vm, CanvasTheme theme) {
        this.vm = vm;
        this.theme = theme;
    }

    /** The x of {@code time} in this frame. */
    private double px(PlotFrame f, double time) {
        return f.labelWidth() + vm.x(time);
    }

    /** The selected lost update's labels as last drawn. */
    List<javafx.geometry.Rectangle2D> chainLabelBounds() {
        return List.copyOf(chainLabels);
    }

    private int laneIndexOfThread(List<TimelineViewModel.LaneRef> lanes, int thread) {
        for (int i = 0; i < lanes.size(); i++) {
            if (lanes.get(i).thread() == thread) {
                return i;
            }
        }
        return -1;
    }

    private int laneIndexOfObject(List<TimelineViewModel.LaneRef> lanes, int object) {
        for (int i = 0; i < lanes.size(); i++) {
            if (lanes.get(i).object() == object && lanes.get(i).isObject()) {
                return i;
            }
        }
        return -1;
    }

    void drawSwitches(PlotFrame f, GraphicsContext g, TraceAnalyzer a, List<TimelineViewModel.LaneRef> lanes) {
        List<ContextSwitch> all = a.switches();
        int from = firstAtOrAfter(all, ContextSwitch::time, vm.start());
        int to = firstAtOrAfter(all, ContextSwitch::time, vm.end());
        if (to - from > vm.plotWidth() / 6) {
            return; // too dense to read: the lanes already show the alternation
        }
        for (int i = from; i < to; i++) {
            ContextSwitch s = all.get(i);
            int in = laneIndexOfThread(lanes, s.to());
            int out = s.from() >= 0 ? laneIndexOfThread(lanes, s.from()) : -1;
            if (in < 0) {
                continue;
            }
            double x = Math.round(px(f, s.time()));
            double yIn = f.laneTop()[in] + f.laneHeight() / 2;
            double yOut = out >= 0 ? f.laneTop()[out] + f.laneHeight() / 2 : yIn - f.laneHeight() / 2;
            vline(g, theme.ink(Ink.SWITCH), x, yOut, yIn, 2);
            g.setFill(theme.ink(Ink.SWITCH));
            double dir = yIn > yOut ? 1 : -1;
            g.fillPolygon(new double[] {x - 4, x + 4, x}, new double[] {yIn - dir * 6, yIn - dir * 6, yIn}, 3);
            g.fillOval(x - 2.5, yOut - 2.5, 5, 5);
        }
    }

    /** Index of the first element whose time is at or after {@code time}, in a list sorted by time. */
    static <T> int firstAtOrAfter(List<T> list, ToLongFunction<T> timeOf, double time) {
        int lo = 0;
        int hi = list.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (timeOf.applyAsLong(list.get(mid)) < time) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    void drawLostUpdates(PlotFrame f, GraphicsContext g, TraceAnalyzer a, List<TimelineViewModel.LaneRef> lanes) {
        List<LostUpdate> all = a.lostUpdates();
        int from = firstAtOrAfter(all, LostUpdate::time, vm.start());
        int to = firstAtOrAfter(all, LostUpdate::time, vm.end() + 1);
        g.setFill(theme.ink(Ink.LOST));
        boolean dense = to - from > vm.plotWidth() / 4;
        // dense: one tick per pixel column and lane, however many lost updates fall in it
        int[] drawnColumn = new int[lanes.size()];
        Arrays.fill(drawnColumn, Integer.MIN_VALUE);
        for (int i = from; i < to; i++) {
            LostUpdate u = all.get(i);
            int lane = laneIndexOfObject(lanes, u.variable());
            if (lane < 0) {
                continue;
            }
            double x = px(f, u.time());
            double top = f.laneTop()[lane];
            if (dense) {
                int column = (int) Math.floor(x);
                if (drawnColumn[lane] != column) {
                    drawnColumn[lane] = column;
                    fill(g, column, top, 1, 6);
                }
            } else { // as large as the lane allows: the back row must see each one
                double half = Math.max(6, f.laneHeight() * 0.3);
                double tall = Math.max(10, f.laneHeight() * 0.55);
                g.fillPolygon(new double[] {x - half, x + half, x}, new double[] {top, top, top + tall}, 3);
            }
        }
        LostUpdate sel = vm.selectedLostProperty().get();
        chainLabels = List.of();
        if (sel != null) {
            drawChain(f, g, a.trace(), lanes, sel);
        }
    }

    /**
     * A red ✗ on a thread's lane where it stopped with an uncaught error (the banner says which, and the line); in
     * the marks' frame, so a lane scrolled under the pinned ones gets none over theirs.
     */
    void drawErrors(PlotFrame f, GraphicsContext g, TraceAnalyzer a, List<TimelineViewModel.LaneRef> lanes) {
        List<Long> errors = a.errors();
        if (errors.isEmpty()) {
            return;
        }
        javafx.scene.text.Font font = theme.font(Math.min(1.2, f.laneHeight() / theme.font(1, true).getSize()), true);
        double r = Math.min(f.laneHeight() * 0.42, font.getSize() * 0.62); // a halo just round the glyph
        for (interleave.trace.ThreadError e : interleave.trace.ThreadError.of(a.trace(), errors)) {
            double time = a.trace().time(e.seq());
            int lane = laneIndexOfThread(lanes, e.thread());
            if (lane < 0 || time < vm.start() || time > vm.end()) {
                continue;
            }
            double x = px(f, time);
            double cy = f.laneTop()[lane] + f.laneHeight() / 2;
            g.setFill(theme.ink(Ink.BACKGROUND));
            g.fillOval(x - r, cy - r, 2 * r, 2 * r);
            g.setFill(theme.ink(Ink.LOST));
            g.setFont(font);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText("\u2717", x, cy);
        }
    }

    /** The read/write chain of one lost update: stale read, the write it wiped out, the overwriting write. */
    private void drawChain(PlotFrame f, GraphicsContext g, Trace t, List<TimelineViewModel.LaneRef> lanes, LostUpdate u) {
        int readerLane = laneIndexOfThread(lanes, u.thread());
        int victimLane = laneIndexOfThread(lanes, u.victim());
        if (readerLane < 0 || victimLane < 0) {
            return;
        }
        double xr = px(f, t.time(u.readSeq()));
        double xl = px(f, t.time(u.lostSeq()));
        double xw = px(f, t.time(u.writeSeq()));
        double yr = f.laneTop()[readerLane] + f.laneHeight() / 2;
        double yv = f.laneTop()[victimLane] + f.laneHeight() / 2;
        g.setStroke(theme.ink(Ink.LOST));
        g.setLineWidth(3);
        g.setLineDashes(6, 4);
        g.strokeLine(xr, yr, xw, yr);
        g.setLineDashes();
        g.setFill(theme.ink(Ink.BACKGROUND));
        g.setStroke(theme.ink(Ink.LOST));
        g.setLineWidth(3);
        double r = f.laneHeight() * 0.45;
        g.fillOval(xr - r / 2, yr - r / 2, r, r);
        g.strokeOval(xr - r / 2, yr - r / 2, r, r);
        g.strokeRect(xl - r / 2, yv - r / 2, r, r);
        g.strokeLine(xl - r / 2, yv - r / 2, xl + r / 2, yv + r / 2);
        g.strokeLine(xl + r / 2, yv - r / 2, xl - r / 2, yv + r / 2);
        g.setFill(theme.ink(Ink.LOST));
        g.fillPolygon(new double[] {xw - r / 2, xw + r / 2, xw}, new double[] {yr - r / 2, yr - r / 2, yr + r / 2}, 3);
        drawChainLabels(f, g, List.of(
                new ChainLabels.Mark(chainText(f, "timeline.chain.read", u.readValue()), xr, readerLane, true),
                new ChainLabels.Mark(chainText(f, "timeline.chain.write", u.writtenValue()), xw, readerLane, false),
                new ChainLabels.Mark(chainText(f, "timeline.chain.lost", u.lostValue()), xl, victimLane, false)), r / 2);
    }

    private String chainText(PlotFrame f, String key, long value) {
        return f.text().apply(key).replace("{0}", String.valueOf(value));
    }

    /**
     * The chain's labels inside their markers' lanes, on a plate of the background colour so a hatched or coloured
     * band under them never makes them hard to read; where two would collide they are merged or left out
     * ({@link ChainLabels}), the markers stay.
     */
    private void drawChainLabels(PlotFrame f, GraphicsContext g, List<ChainLabels.Mark> marks, double markerHalf) {
        javafx.scene.text.Font font = theme.font(0.85, true);
        double pad = 3;
        List<ChainLabels.Placed> placed = ChainLabels.place(marks, markerHalf + pad, f.labelWidth() + pad,
                f.width() - pad, s -> TextMeasure.width(s, font) + 2 * pad);
        chainLabels = new ArrayList<>();
        g.setFont(font);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        g.setLineWidth(1);
        for (ChainLabels.Placed p : placed) {
            double top = f.laneTop()[p.lane()] + 1;
            double height = f.laneHeight() - 2;
            g.setFill(theme.ink(Ink.BACKGROUND));
            g.fillRoundRect(p.left(), top, p.width(), height, 6, 6);
            g.setStroke(theme.ink(Ink.LOST));
            g.strokeRoundRect(p.left() + 0.5, top + 0.5, p.width() - 1, height - 1, 6, 6);
            g.setFill(theme.ink(Ink.LOST));
            g.fillText(p.text(), p.left() + pad, top + height / 2);
            chainLabels.add(new javafx.geometry.Rectangle2D(p.left(), top, p.width(), height));
        }
    }

    void drawDeadlock(PlotFrame f, GraphicsContext g, TraceAnalyzer a, List<TimelineViewModel.LaneRef> lanes) {
        Deadlock d = a.deadlock();
        if (d == null) {
            return;
        }
        double x = px(f, a.lastTime());
        g.setStroke(theme.ink(Ink.DEADLOCK));
        g.setFill(theme.ink(Ink.DEADLOCK));
        g.setLineWidth(2);
        int n = d.threads().size();
        for (int i = 0; i < n; i++) {
            int lane = laneIndexOfThread(lanes, d.threads().get(i));
            if (lane >= 0) {
                Lane l = a.threadLane(d.threads().get(i));
                double from = l.size() == 0 ? f.labelWidth() : Math.max(f.labelWidth(), px(f, l.time(l.size() - 1)));
                g.strokeRect(from + 1, f.laneTop()[lane] + 1, Math.max(6, x - from), f.laneHeight() - 2);
            }
            if (d.waitsFor().get(i) >= 0) {
                // the wait-for edge "this thread waits for that one" (the next in a cycle, or the thread a join
                // waits for), drawn in the free space after the last event (the view keeps a margin there once a
                // deadlock is found), one column per edge
                int next = laneIndexOfThread(lanes, d.waitsFor().get(i));
                if (lane >= 0 && next >= 0) {
                    double y1 = f.laneTop()[lane] + f.laneHeight() / 2;
                    double y2 = f.laneTop()[next] + f.laneHeight() / 2;
                    double bend = x + 14 + 9 * i;
                    g.strokeLine(x + 2, y1, bend, y1);
                    g.strokeLine(bend, y1, bend, y2);
                    g.strokeLine(bend, y2, x + 8, y2);
                    g.fillPolygon(new double[] {x + 2, x + 9, x + 9}, new double[] {y2, y2 - 4, y2 + 4}, 3);
                }
            }
        }
    }

    void drawSelection(PlotFrame f, GraphicsContext g, TraceAnalyzer a, List<TimelineViewModel.LaneRef> lanes,
                               double h) {
        long seq = vm.selectedSeqProperty().get();
        if (seq < 0 || seq >= a.processed()) {
            return;
        }
        double x = Math.round(px(f, a.trace().time(seq))) + 0.5;
        g.setStroke(theme.ink(Ink.SELECTION));
        g.setLineWidth(2);
        vline(g, theme.ink(Ink.SELECTION), x, f.axisHeight() * 0.75, h, 2);
        int lane = laneIndexOfThread(lanes, a.trace().thread(seq));
        if (lane >= 0) {
            g.strokeRect(x - 5, f.laneTop()[lane] - 2, 10, f.laneHeight() + 4);
        }
    }

    /**
     * The time cursor, when the user looks back: a strong line with a handle on the axis, and the part of the
     * run after it veiled, so the class sees at once which moment the other panels show.
     */
    void drawCursor(PlotFrame f, GraphicsContext g, double h) {
        double time = vm.cursorTime();
        if (Double.isNaN(time)) {
            return;
        }
        double x = Math.round(px(f, time)) + 0.5;
        double w = f.width();
        if (x > f.labelWidth() && x < w) {
            g.setFill(theme.color(Ink.BACKGROUND).deriveColor(0, 1, 1, 0.55));
            g.fillRect(x + 1, f.axisHeight() * 0.75, w - x - 1, h - f.axisHeight() * 0.75);
        }
        if (x < f.labelWidth() || x > w) {
            return;
        }
        vline(g, theme.ink(Ink.CURSOR), x, 0, h, 3);
        double s = f.axisHeight() * 0.45;
        g.setFill(theme.ink(Ink.CURSOR));
        g.fillPolygon(new double[] {x - s, x + s, x}, new double[] {0, 0, s * 1.2}, 3);
    }
}
