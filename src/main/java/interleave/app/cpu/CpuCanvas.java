package interleave.app.cpu;

import interleave.app.I18n;
import interleave.app.theme.CanvasTheme;
import interleave.app.theme.TextMeasure;
import interleave.app.theme.CanvasTheme.Ink;
import interleave.app.theme.CanvasTheme.Size;
import interleave.trace.Deadlock;
import interleave.trace.ObjectInfo;
import interleave.trace.ObjectType;
import interleave.trace.RunStory;
import interleave.trace.Trace;
import interleave.trace.TraceAnalyzer;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The view a class watches: the core(s) with the thread on each, the ready queue, every shared object with
 * its holder and its queue of waiters, sleeping and finished threads. Threads are pills that glide to their
 * new place over a few frames, so a switch or a block is seen as a movement.
 */
public final class CpuCanvas extends Region {
    private final Canvas canvas = new Canvas();
    private final CanvasTheme theme;
    private final CpuViewModel vm;
    private final I18n i18n;
    private final Map<Integer, double[]> pos = new HashMap<>();
    private final Map<Integer, double[]> target = new HashMap<>();
    private final Map<Integer, Rectangle2D> chipBounds = new HashMap<>();
    private Map<Integer, CpuViewModel.Place> places = Map.of();
    private TraceAnalyzer analyzer;
    private RunStory story;
    private int cores = 1;
    private boolean dirty = true;
    private long lastFrame;

    public CpuCanvas(CpuViewModel vm, CanvasTheme theme, I18n i18n) {
        this.vm = vm;
        this.theme = theme;
        this.i18n = i18n;
        getChildren().add(canvas);
        widthProperty().addListener(o -> dirty = true);
        heightProperty().addListener(o -> dirty = true);
    }

    public Canvas canvas() {
        return canvas;
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(Math.floor(getWidth()));
        canvas.setHeight(Math.floor(getHeight()));
    }

    public void setAnalyzer(TraceAnalyzer a, int cores) {
        if (a != analyzer) {
            analyzer = a;
            pos.clear();
            vm.reset();
        }
        this.cores = cores;
        dirty = true;
    }

    /** Held reads and thread-local values to draw in the variables' boxes (may be null). */
    public void setStory(RunStory story) {
        this.story = story;
        dirty = true;
    }

    public void dataChanged() {
        if (analyzer != null) {
            places = vm.places(analyzer, cores);
        }
        dirty = true;
    }

    public void markDirty() {
        dirty = true;
    }

    /** The ready thread under a point, or -1 (for picking the next thread by hand). */
    public int readyThreadAt(double x, double y) {
        for (Map.Entry<Integer, Rectangle2D> e : chipBounds.entrySet()) {
            CpuViewModel.Place p = places.get(e.getKey());
            if (p != null && p.area() == CpuViewModel.Area.READY && e.getValue().contains(x, y)) {
                return e.getKey();
            }
        }
        return -1;
    }

    /** Once per frame: move the pills a step toward their places and redraw if anything changed. */
    public void frame(long now) {
        double dt = lastFrame == 0 ? 0.016 : Math.min(0.1, (now - lastFrame) / 1e9);
        lastFrame = now;
        boolean moving = false;
        for (Map.Entry<Integer, double[]> e : target.entrySet()) {
            double[] p = pos.computeIfAbsent(e.getKey(), k -> e.getValue().clone());
            double[] tg = e.getValue();
            double k = 1 - Math.exp(-dt * 16); // settles in about 0.3 s: quick enough for fast runs, still seen as a move
            for (int i = 0; i < 2; i++) {
                double d = tg[i] - p[i];
                if (Math.abs(d) > 0.5) {
                    p[i] += d * k;
                    moving = true;
                } else {
                    p[i] = tg[i];
                }
            }
        }
        if (dirty || moving) {
            dirty = false;
            draw();
        }
    }



    private void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(theme.ink(Ink.BACKGROUND));
        g.fillRect(0, 0, w, h);
        target.clear();
        chipBounds.clear();
        // before the first step the empty core(s) and queues are already drawn: the stage before the actors
        boolean started = analyzer != null && analyzer.processed() > 0;
        double fs = theme.size(Size.TEXT_SIZE);
        double chipH = theme.size(Size.CHIP) * 0.62;
        double rowH = chipH + fs * 2.2;
        double m = 10;
        double leftW = Math.max(220, w * 0.4);
        double y = m;
        Map<Integer, double[]> slots = new HashMap<>();
        int shownCores = Math.max(1, cores);
        for (int c = 0; c < shownCores; c++) {
            box(g, m, y, leftW - 2 * m, rowH, i18n.fmt("cpu.core", String.valueOf(c)), Ink.CORE, true);
            slots.put(key(CpuViewModel.Area.CORE, c), new double[] {m + 10, y + fs * 1.6});
            y += rowH + 8;
        }
        box(g, m, y, leftW - 2 * m, rowH, i18n.get("cpu.ready"), Ink.QUEUE, false);
        slots.put(key(CpuViewModel.Area.READY, 0), new double[] {m + 10, y + fs * 1.6});
        y += rowH + 8;
        box(g, m, y, leftW - 2 * m, rowH, i18n.get("cpu.sleeping"), Ink.QUEUE, false);
        slots.put(key(CpuViewModel.Area.SLEEPING, 0), new double[] {m + 10, y + fs * 1.6});
        y += rowH + 8;
        box(g, m, y, leftW - 2 * m, rowH, i18n.get("cpu.finished"), Ink.QUEUE, false);
        slots.put(key(CpuViewModel.Area.FINISHED, 0), new double[] {m + 10, y + fs * 1.6});
        y += rowH + 4;
        g.setFill(theme.ink(Ink.MUTED));
        g.setFont(theme.font(0.8, false));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        if (!started) {
            return;
        }
        Trace t = analyzer.trace();
        if (y + fs < h && !"os".equals(t.header().mode())) {
            g.fillText(i18n.get("cpu.hint"), m, y);
        }

        // resources on the right, two columns
        List<ObjectInfo> res = CpuViewModel.resources(t);
        List<Integer> joins = CpuViewModel.joinTargets(places);
        int n = res.size() + joins.size();
        double rx = leftW + m;
        double rw = w - rx - m;
        double minBox = chipH + fs * 1.9;
        int fitRows = Math.max(1, (int) ((h - 2 * m + 8) / (minBox + 8)));
        int cols = Math.max(rw > 560 || (n > 3 && rw > 360) ? 2 : 1, (n + fitRows - 1) / fitRows);
        cols = Math.min(cols, Math.max(1, (int) (rw / 110)));
        double bw = (rw - (cols - 1) * 8) / cols;
        int rows = (n + cols - 1) / cols;
        double bh = Math.max(minBox, Math.min(rowH, (h - 2 * m) / Math.max(1, rows) - 8));
        Map<Integer, double[]> boxAt = new HashMap<>();
        for (int i = 0; i < n; i++) {
            double bx = rx + (i % cols) * (bw + 8);
            double by = m + (i / cols) * (bh + 8);
            if (i < res.size()) {
                ObjectInfo o = res.get(i);
                drawResourceBox(g, t, o, bx, by, bw, bh);
                slots.put(key(CpuViewModel.Area.RESOURCE, o.id()), new double[] {bx + 10, by + fs * 1.6});
                boxAt.put(o.id(), new double[] {bx, by, bw, bh});
            } else {
                int target = joins.get(i - res.size());
                box(g, bx, by, bw, bh, i18n.fmt("deadlock.join", "…", t.thread(target).name()), Ink.RESOURCE, false);
                slots.put(key(CpuViewModel.Area.JOIN, target), new double[] {bx + 10, by + fs * 1.6});
            }
        }

        // pills; a row with more than fits overlaps them like a hand of cards
        Font chipFont = theme.font(0.9, true);
        Map<Integer, Double> rowX = new HashMap<>();
        Map<Integer, Double> rowWidth = new HashMap<>();
        Map<Integer, Integer> rowCount = new HashMap<>();
        Map<Integer, Double> chipW = new HashMap<>();
        for (Map.Entry<Integer, CpuViewModel.Place> e : places.entrySet()) {
            double cw = Math.max(chipH * 1.4, TextMeasure.width(t.thread(e.getKey()).name(), chipFont) + 18);
            chipW.put(e.getKey(), cw);
            int k = key(e.getValue().area(), e.getValue().slot());
            rowWidth.merge(k, cw + 6, Double::sum);
            rowCount.merge(k, 1, Integer::sum);
        }
        for (Map.Entry<Integer, CpuViewModel.Place> e : places.entrySet()) {
            int id = e.getKey();
            CpuViewModel.Place p = e.getValue();
            double[] slot = slots.get(key(p.area(), p.slot()));
            if (slot == null) {
                continue;
            }
            String name = t.thread(id).name();
            double cw = chipW.get(id);
            int k = key(p.area(), p.slot());
            double room = (p.area() == CpuViewModel.Area.RESOURCE || p.area() == CpuViewModel.Area.JOIN
                    ? bw : leftW - 2 * m) - 20;
            double need = rowWidth.get(k);
            double advance = cw + 6;
            if (need > room && rowCount.get(k) > 1) {
                advance = Math.max(8, (room - cw) / (rowCount.get(k) - 1));
            }
            double x0 = rowX.getOrDefault(k, slot[0]);
            rowX.put(k, x0 + advance);
            target.put(id, new double[] {x0, slot[1]});
            double[] cur = pos.computeIfAbsent(id, kk -> new double[] {x0, slot[1]});
            drawChip(g, id, name, p.area(), cur[0], cur[1], cw, chipH, chipFont);
            chipBounds.put(id, new Rectangle2D(cur[0], cur[1], cw, chipH));
        }
        drawDeadlock(g, t, boxAt);
    }

    private static int key(CpuViewModel.Area area, int slot) {
        return area.ordinal() * 100_000 + slot + 2000;
    }

    private void box(GraphicsContext g, double x, double y, double w, double h, String title, Ink ink, boolean strong) {
        g.setFill(theme.color(ink).deriveColor(0, 1, 1, strong ? 0.22 : 0.12));
        g.fillRoundRect(x, y, w, h, 12, 12);
        g.setStroke(theme.ink(ink));
        g.setLineWidth(strong ? 2.5 : 1.2);
        g.strokeRoundRect(x + 0.5, y + 0.5, w - 1, h - 1, 12, 12);
        g.setFill(theme.ink(Ink.TEXT));
        g.setFont(theme.font(0.85, true));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(title, x + 10, y + 5);
    }

    private void drawResourceBox(GraphicsContext g, Trace t, ObjectInfo o, double x, double y, double w, double h) {
        int holder = analyzer.holderOf(o.id());
        int level = analyzer.levelOf(o.id());
        String state = switch (o.type()) {
            case LOCK, RLOCK -> holder >= 0 ? i18n.fmt("cpu.holder", t.thread(holder).name())
                    + (o.type() == ObjectType.RLOCK && level > 1 ? ", " + i18n.fmt("cpu.depth", String.valueOf(level)) : "")
                    : i18n.get("cpu.free");
            case SEMAPHORE, BOUNDED_SEMAPHORE -> i18n.fmt("cpu.permits", String.valueOf(level));
            case EVENT -> i18n.get(level == 1 ? "cpu.flag.set" : "cpu.flag.clear");
            case VARIABLE -> i18n.fmt("cpu.value", String.valueOf(level));
            default -> "";
        };
        drawStoryNotes(g, t, o, x, y, w, h);
        boolean held = holder >= 0 && o.type().holdable();
        box(g, x, y, w, h, o.name() + "  ·  " + o.type().id(), Ink.RESOURCE, held);
        g.setFont(theme.font(0.85, false));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.TOP);
        g.setFill(held ? theme.thread(holder) : theme.ink(Ink.MUTED));
        if (held) {
            double tw = TextMeasure.width(state, theme.font(0.85, true));
            g.fillRoundRect(x + w - tw - 18, y + 3, tw + 12, theme.size(Size.TEXT_SIZE) * 1.4, 8, 8);
            g.setFill(theme.ink(Ink.BACKGROUND));
            g.setFont(theme.font(0.85, true));
            g.fillText(state, x + w - 12, y + 5);
        } else {
            g.fillText(state, x + w - 10, y + 5);
        }
    }

    /**
     * The story inside a box: under a variable, each read a thread holds and has not written back ("T2 read 0,
     * not yet written", the race before it happens); under a thread-local, one row per thread with its own value.
     */
    private void drawStoryNotes(GraphicsContext g, Trace t, ObjectInfo o, double x, double y, double w, double h) {
        if (story == null) {
            return;
        }
        List<String> lines = CpuStoryNotes.lines(i18n, t, story, o);
        if (lines.isEmpty()) {
            return;
        }
        double fs = theme.size(Size.TEXT_SIZE);
        double lineH = fs * 1.25;
        double top = y + fs * 1.6;
        int fit = Math.max(1, (int) ((y + h - 4 - top) / lineH));
        List<String> shown = lines.size() <= fit ? lines
                : List.of(CpuStoryNotes.oneLine(i18n, t, story, o, lines)); // too many rows for the box: one line
        g.setFont(theme.font(0.85, true));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFill(theme.ink(o.type() == ObjectType.LOCAL ? Ink.TEXT : Ink.LOST));
        for (int i = 0; i < shown.size(); i++) {
            g.fillText(TextMeasure.clip(shown.get(i), theme.font(0.85, true), w - 20), x + 10, top + i * lineH);
        }
    }

    private void drawChip(GraphicsContext g, int id, String name, CpuViewModel.Area area, double x, double y,
                          double w, double h, Font f) {
        Color c = theme.thread(id);
        boolean faded = area == CpuViewModel.Area.FINISHED;
        g.setFill(faded ? c.deriveColor(0, 0.3, 1, 0.35) : c);
        g.fillRoundRect(x, y, w, h, h, h);
        g.setLineWidth(area == CpuViewModel.Area.CORE ? 3 : 1.5);
        g.setStroke(theme.ink(Ink.TEXT));
        if (area == CpuViewModel.Area.RESOURCE || area == CpuViewModel.Area.JOIN) {
            g.setStroke(theme.ink(Ink.BLOCKED));
            g.setLineDashes(5, 3);
        }
        g.strokeRoundRect(x, y, w, h, h, h);
        g.setLineDashes();
        g.setFill(c.getBrightness() > 0.6 && c.getSaturation() < 0.9 || c.getBrightness() > 0.8 ? Color.BLACK : Color.WHITE);
        if (faded) {
            g.setFill(theme.ink(Ink.MUTED));
        }
        g.setFont(f);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(name, x + w / 2, y + h / 2);
    }

    private void drawDeadlock(GraphicsContext g, Trace t, Map<Integer, double[]> boxAt) {
        Deadlock d = analyzer.deadlock();
        if (d == null || !d.cycle()) {
            return;
        }
        g.setStroke(theme.ink(Ink.DEADLOCK));
        g.setFill(theme.ink(Ink.DEADLOCK));
        g.setLineWidth(3);
        for (int i = 0; i < d.threads().size(); i++) {
            int res = d.resources().get(i);
            int holder = d.threads().get((i + 1) % d.threads().size());
            Rectangle2D from = chipBounds.get(d.threads().get(i));
            Rectangle2D to = chipBounds.get(holder);
            double[] b = boxAt.get(res);
            if (b != null) {
                g.strokeRoundRect(b[0] + 1, b[1] + 1, b[2] - 2, b[3] - 2, 12, 12);
            }
            if (from != null && to != null) {
                arrow(g, from.getMinX() + from.getWidth() / 2, from.getMaxY(), to.getMinX() + to.getWidth() / 2,
                        to.getMaxY());
            }
        }
    }

    /** An arrow that bows below the two points, from a waiting thread to the thread holding what it wants. */
    private static void arrow(GraphicsContext g, double x1, double y1, double x2, double y2) {
        double bow = 28 + Math.abs(x2 - x1) * 0.08;
        double cx = (x1 + x2) / 2;
        double cy = Math.max(y1, y2) + bow;
        g.beginPath();
        g.moveTo(x1, y1);
        g.quadraticCurveTo(cx, cy, x2, y2);
        g.stroke();
        double ang = Math.atan2(y2 - cy, x2 - cx);
        double len = 10;
        g.fillPolygon(new double[] {x2, x2 - len * Math.cos(ang - 0.4), x2 - len * Math.cos(ang + 0.4)},
                new double[] {y2, y2 - len * Math.sin(ang - 0.4), y2 - len * Math.sin(ang + 0.4)}, 3);
    }
}
