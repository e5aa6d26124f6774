package interleave.app.timeline;

import interleave.app.theme.CanvasTheme;
import interleave.app.theme.CanvasTheme.Ink;
import interleave.trace.Lane;
import interleave.trace.ObjectInfo;
import interleave.trace.ObjectType;
import interleave.trace.Trace;
import interleave.trace.TraceAnalyzer;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

import static interleave.app.timeline.TimelineCanvas.fill;
import static interleave.app.timeline.TimelineCanvas.hline;

/**
 * The lanes of the shared objects: a Lock's or RLock's holder (its colour and name, the depth of an RLock, the
 * waiters under it), and the level of everything else (a variable's value, a Semaphore's count, an Event's flag, a
 * Condition's waiters, the keyboard's unread line), sampled column by column as the thread lanes are.
 */
final class ObjectLanes {
    private final TimelineViewModel vm;
    private final CanvasTheme theme;

    ObjectLanes(TimelineViewModel vm, CanvasTheme theme) {
        this.vm = vm;
        this.theme = theme;
    }

    void draw(PlotFrame f, GraphicsContext g, TraceAnalyzer a, int object, double top) {
        Lane lane = a.objectLane(object);
        ObjectInfo info = a.trace().object(object);
        double last = a.lastTime() + 1;
        int width = (int) Math.ceil(vm.plotWidth());
        double h = f.laneHeight();
        switch (info.type()) {
            case LOCK, RLOCK -> {
                long runKey = Long.MIN_VALUE;
                int runStart = 0;
                int hint = 0;
                for (int x = 0; x <= width; x++) {
                    double t0 = vm.time(x);
                    long key;
                    if (x == width || t0 >= last) {
                        key = Long.MIN_VALUE + 1;
                    } else {
                        int i = lane.indexAtFrom((long) Math.floor(vm.time(x + 1)) - 1, hint);
                        hint = Math.max(0, i);
                        key = i < 0 ? -1L << 40 : ((long) lane.a(i) << 40) | ((long) lane.b(i) << 20) | lane.c(i);
                    }
                    if (key != runKey) {
                        if (runKey != Long.MIN_VALUE && runKey != Long.MIN_VALUE + 1 && x > runStart) {
                            int holder = (int) (runKey >> 40);
                            int waiters = (int) ((runKey >> 20) & 0xFFFFF);
                            int depth = (int) (runKey & 0xFFFFF);
                            paintHolder(f, g, a.trace(), info, holder, waiters, depth, f.labelWidth() + runStart,
                                    x - runStart, top);
                        }
                        runKey = key;
                        runStart = x;
                    }
                }
            }
            default -> drawLevel(f, g, lane, info, last, width, top, h);
        }
    }

    private void paintHolder(PlotFrame f, GraphicsContext g, Trace t, ObjectInfo info, int holder, int waiters, int depth,
                             double x, double w, double top) {
        double h = f.laneHeight();
        if (holder >= 0) {
            g.setFill(theme.thread(holder));
            fill(g, x, top + h * 0.2, w, h * 0.6);
            javafx.scene.text.Font font = theme.font(0.8, true);
            String label = holderLabel(t.thread(holder).name()
                    + (info.type() == ObjectType.RLOCK && depth > 1 ? " ×" + depth : ""), font, w - 8);
            if (label != null) {
                g.setFont(font);
                g.setFill(theme.ink(Ink.BACKGROUND));
                g.setTextAlign(TextAlignment.LEFT);
                g.setTextBaseline(VPos.CENTER);
                g.fillText(label, x + 4, top + h / 2);
            }
        } else {
            hline(g, theme.ink(Ink.MUTED), x, x + w, top + h / 2, 1);
        }
        if (waiters > 0) {
            g.setFill(theme.ink(Ink.BLOCKED));
            fill(g, x, top + h - 4, w, 3);
            if (w > 70) {
                g.setFont(theme.font(0.75, false));
                g.setTextAlign(TextAlignment.RIGHT);
                g.setFill(theme.ink(Ink.TEXT));
                g.fillText("+" + waiters, x + w - 4, top + h / 2);
            }
        }
    }

    /** The number a thread's name ends with, and an RLock's depth after it ("Thread-3 ×2"). */
    private static final java.util.regex.Pattern ENDING_NUMBER = java.util.regex.Pattern.compile("(\\d+)( ×\\d+)?$");

    /**
     * The holder's name as it fits a stretch this wide in {@code font}: whole, else the number it ends with
     * ("Thread-3" is "3", the colour says whose), else nothing. Cut in the middle ("Threa") it named nobody.
     */
    private static String holderLabel(String name, javafx.scene.text.Font font, double room) {
        if (interleave.app.theme.TextMeasure.width(name, font) <= room) {
            return name;
        }
        java.util.regex.Matcher number = ENDING_NUMBER.matcher(name);
        if (number.find() && interleave.app.theme.TextMeasure.width(number.group(), font) <= room) {
            return number.group();
        }
        return null;
    }

    private void drawLevel(PlotFrame f, GraphicsContext g, Lane lane, ObjectInfo info, double last, int width, double top,
                           double h) {
        if (lane.size() == 0 && info.type() != ObjectType.VARIABLE && info.type() != ObjectType.EVENT
                && info.type() != ObjectType.SEMAPHORE && info.type() != ObjectType.BOUNDED_SEMAPHORE) {
            return;
        }
        int lo = Integer.MAX_VALUE;
        int hi = Integer.MIN_VALUE;
        int[] values = new int[width + 1];
        int n = 0; // columns sampled: those before the run's last event
        int hint = 0;
        for (int x = 0; x <= width; x++) {
            double t0 = vm.time(x);
            if (t0 >= last) {
                break;
            }
            int i = lane.indexAtFrom((long) Math.floor(vm.time(x + 1)) - 1, hint);
            hint = Math.max(0, i);
            int v = i < 0 ? info.initial() : switch (info.type()) {
                case CONDITION -> lane.b(i);
                default -> lane.c(i);
            };
            if (info.type() == ObjectType.EVENT && i < 0) {
                v = 0;
            }
            values[x] = v;
            n = x + 1;
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (n == 0) {
            return;
        }
        if (info.type() == ObjectType.SEMAPHORE || info.type() == ObjectType.BOUNDED_SEMAPHORE
                || info.type() == ObjectType.EVENT || info.type() == ObjectType.CONDITION) {
            lo = Math.min(lo, 0);
            hi = Math.max(hi, Math.max(1, info.initial()));
        }
        if (info.type() == ObjectType.VARIABLE) {
            lo = Math.min(lo, 0);
            hi = Math.max(hi, 0);
        }
        double range = Math.max(1, hi - lo);
        Color ink = info.type() == ObjectType.EVENT ? theme.color(Ink.WAITING) : theme.color(Ink.RESOURCE);
        double base = top + h - 3;
        double scale = (h - 6) / range;
        // A step line made of axis-aligned rectangles, one per run of equal values plus one per change: the
        // software pipeline fills rectangles far faster than it strokes a long jagged path (measured: a 2 px
        // polyline across 1,300 columns cost about 20 ms a frame to render).
        Color area = ink.deriveColor(0, 1, 1, 0.25);
        double line = 2;
        int runStart = 0;
        double prevY = Double.NaN;
        for (int x = 1; x <= n; x++) {
            if (x < n && values[x] == values[runStart]) {
                continue;
            }
            double y = Math.round(base - (values[runStart] - lo) * scale);
            double left = f.labelWidth() + runStart;
            double runWidth = x - runStart;
            g.setFill(area);
            fill(g, left, Math.min(y, base), runWidth, Math.abs(base - y));
            g.setFill(ink);
            fill(g, left, y - line / 2, runWidth, line);
            if (!Double.isNaN(prevY) && prevY != y) {
                fill(g, left - line / 2, Math.min(prevY, y) - line / 2, line, Math.abs(prevY - y) + line);
            }
            prevY = y;
            runStart = x;
        }
        if (info.type() == ObjectType.VARIABLE && lo < 0 && hi > 0) {
            double zero = base - (0 - lo) * scale;
            hline(g, theme.ink(Ink.GRID), f.labelWidth(), f.labelWidth() + width, zero, 1);
        }
        int lastX = n - 1;
        boolean quietKeyboard = info.type() == ObjectType.INPUT && lastX >= 0 && values[lastX] == 0;
        if (lastX >= 0 && !quietKeyboard) { // the keyboard's level: a line typed and not read yet, else nothing
            String label = info.type() == ObjectType.INPUT ? f.text().apply("timeline.input.unread")
                    : info.type() == ObjectType.EVENT
                    ? f.text().apply(values[lastX] == 1 ? "timeline.flag.set" : "timeline.flag.clear")
                    : String.valueOf(values[lastX]);
            javafx.scene.text.Font font = theme.font(0.85, true);
            g.setFont(font);
            g.setFill(theme.ink(Ink.TEXT));
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.CENTER);
            // after the last value, but never past the canvas's edge (a long value, 3307876, was cut there)
            double room = g.getCanvas().getWidth() - interleave.app.theme.TextMeasure.width(label, font) - 4;
            g.fillText(label, Math.min(f.labelWidth() + lastX + 6, room), top + h / 2);
        }
    }
}
