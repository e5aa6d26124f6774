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

import java.util.ArrayList;
import java.util.Comparator;
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
    /** The least scale outside presentation mode: smaller text cannot be read from the back of a classroom. */
    public static final double MIN_SCALE = 0.8;
    /** The drawing's scale: below 1 when everything would not fit the canvas at full size. */
    private double scale = 1;

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

    /** Where each thread's chip is drawn, in canvas pixels (for tests: chips must never cover each other). */
    public Map<Integer, Rectangle2D> chipBounds() {
        Map<Integer, Rectangle2D> out = new HashMap<>();
        chipBounds.forEach((id, r) -> out.put(id, new Rectangle2D(r.getMinX() * scale, r.getMinY() * scale,
                r.getWidth() * scale, r.getHeight() * scale)));
        return out;
    }

    private List<Placed> lastPlaced = List.of();

    /** Where each box was drawn, in canvas pixels, by its area ("CORE", "READY", "RESOURCE", ...), in order. */
    public List<Map.Entry<String, Rectangle2D>> boxBounds() {
        List<Map.Entry<String, Rectangle2D>> out = new ArrayList<>();
        for (Placed p : lastPlaced) {
            String area = CpuViewModel.Area.values()[(p.box().key() - 2000) / 100_000].name();
            out.add(Map.entry(area, new Rectangle2D(p.x() * scale, p.y() * scale, p.w() * scale, p.h() * scale)));
        }
        return out;
    }

    /** The ready thread under a point, or -1 (for picking the next thread by hand). */
    public int readyThreadAt(double canvasX, double canvasY) {
        double x = canvasX / scale;
        double y = canvasY / scale;
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



    /** A box on the stage: a core, a queue, a shared object or a join; chips flow in rows inside it. */
    private record Box(int key, String title, String state, Ink ink, boolean strong, ObjectInfo object,
                       List<Integer> chips, List<String> shorterTitles) {
        Box(int key, String title, String state, Ink ink, boolean strong, ObjectInfo object, List<Integer> chips) {
            this(key, title, state, ink, strong, object, chips, List.of());
        }

        /** The longest of its titles that fits {@code room} (the title, then the shorter ones), else the last cut. */
        String titleFor(Font font, double room) {
            if (TextMeasure.width(title, font) <= room || shorterTitles.isEmpty()) {
                return TextMeasure.clip(title, font, room);
            }
            for (String t : shorterTitles) {
                if (TextMeasure.width(t, font) <= room) {
                    return t;
                }
            }
            return TextMeasure.clip(shorterTitles.get(shorterTitles.size() - 1), font, room);
        }
    }

    /**
     * Where a box landed: its rectangle, where its chips start, whether its state sits under the title, and the
     * story notes it keeps rows for (measured once, when placed).
     */
    private record Placed(Box box, double x, double y, double w, double h, double chipsX, double chipsY,
                          boolean stateBelow, List<String> notes) {
    }

    private double viewportHeight;

    /** How much the last frame was drawn shrunk (1 = at full size). */
    public double drawScale() {
        return scale;
    }

    /** The height the view shows (its scroll pane's viewport): the layout fits into this. */
    public void setViewportHeight(double h) {
        if (h != viewportHeight) {
            viewportHeight = h;
            markDirty();
        }
    }

    private void draw() {
        double w = canvas.getWidth();
        double h = viewportHeight > 0 ? Math.min(canvas.getHeight(), viewportHeight) : canvas.getHeight();
        if (w < 1 || h < 1) {
            return; // not laid out yet (a view just rebuilt)
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(theme.ink(Ink.BACKGROUND));
        g.fillRect(0, 0, w, canvas.getHeight());
        target.clear();
        chipBounds.clear();
        // before the first step the empty core(s) and queues are already drawn: the stage before the actors
        boolean started = analyzer != null && analyzer.processed() > 0;
        Trace t = started ? analyzer.trace() : null;
        List<Box> left = new ArrayList<>();
        List<Box> right = new ArrayList<>();
        collectBoxes(t, left, right);
        // try the arrangements (objects beside or under the queues; titles beside or above the chips) and keep
        // the one that needs the least shrinking: a small view is drawn smaller, never with overlapping chips
        List<Placed> placed = null;
        scale = 0;
        for (int arrangement = 0; arrangement < 4; arrangement++) {
            boolean beside = arrangement < 2;
            boolean inline = arrangement % 2 == 0;
            List<Placed> p = layout(w, left, right, t, beside, inline);
            double s = h <= 0 ? 1 : Math.min(1, h / bottom(p));
            if (s < 1) { // drawn smaller it has more room across: lay it out again at that width
                p = layout(w / s, left, right, t, beside, inline);
                s = Math.min(s, h / bottom(p));
            }
            if (s > scale + 0.02) {
                scale = s;
                placed = p;
            }
        }
        // text must stay legible on a projector: presenting, never drawn smaller than the minimum text size
        // allows; otherwise never below MIN_SCALE. What does not fit then scrolls (the view asks for the height)
        double floor = theme.size(Size.MIN_TEXT) > 0 ? 1 : MIN_SCALE;
        if (scale < floor) {
            scale = floor;
            placed = layout(w / floor, left, right, t, true, true);
            for (int arrangement = 1; arrangement < 4; arrangement++) {
                List<Placed> p = layout(w / floor, left, right, t, arrangement < 2, arrangement % 2 == 0);
                if (bottom(p) < bottom(placed)) {
                    placed = p;
                }
            }
        }
        double needed = Math.ceil(bottom(placed) * scale) + 4;
        double wanted = needed > h + 1 ? needed : 0;
        if (Math.abs(getMinHeight() - wanted) > 1) {
            setMinHeight(wanted); // taller than the view: its scroll pane scrolls; 0: fit the view again
        }
        lastPlaced = placed;
        g.save();
        g.scale(scale, scale);
        Map<Integer, double[]> boxAt = new HashMap<>();
        for (Placed pl : placed) {
            drawBox(g, pl);
            if (pl.box().object() != null) {
                boxAt.put(pl.box().object().id(), new double[] {pl.x(), pl.y(), pl.w(), pl.h()});
            }
        }
        if (t != null) {
            double hintY = bottomOf(placed, left) + 4;
            double leftRight = 0;
            for (Placed p : placed) {
                if (left.contains(p.box())) {
                    leftRight = Math.max(leftRight, p.x() + p.w());
                }
            }
            boolean hintFits = TextMeasure.width(i18n.get("cpu.hint"), theme.font(0.8, false)) <= leftRight - MARGIN
                    || bottomOf(placed, right) < hintY;
            if (hintFits && hintY + theme.fontSize(0.8) * 1.3 < h / scale && !t.header().systemScheduled()) {
                g.setFill(theme.ink(Ink.MUTED));
                g.setFont(theme.font(0.8, false));
                g.setTextAlign(TextAlignment.LEFT);
                g.setTextBaseline(VPos.TOP);
                g.fillText(i18n.get("cpu.hint"), MARGIN, hintY);
            }
            drawChips(g, t, placed);
            drawDeadlock(g, t, boxAt);
        }
        g.restore();
    }

    private static final double MARGIN = 10;
    private static final double GAP = 8;

    private void collectBoxes(Trace t, List<Box> left, List<Box> right) {
        Map<Integer, List<Integer>> chips = new HashMap<>();
        List<Map.Entry<Integer, CpuViewModel.Place>> queue = new ArrayList<>(places.entrySet());
        queue.sort(Comparator.comparingInt((Map.Entry<Integer, CpuViewModel.Place> e) -> e.getValue().order())
                .thenComparingInt(Map.Entry::getKey));
        for (Map.Entry<Integer, CpuViewModel.Place> e : queue) {
            chips.computeIfAbsent(key(e.getValue().area(), e.getValue().slot()), k -> new ArrayList<>()).add(e.getKey());
        }
        // os mode has no cores of ours: the system runs the threads, as many at once as it likes
        boolean os = t != null && t.header().systemScheduled();
        for (int c = 0; c < Math.max(1, cores); c++) {
            int k = key(CpuViewModel.Area.CORE, c);
            left.add(new Box(k, os ? i18n.get("cpu.running") : i18n.fmt("cpu.core", String.valueOf(c)), "", Ink.CORE,
                    true, null, chips.getOrDefault(k, List.of())));
        }
        for (CpuViewModel.Area a : List.of(CpuViewModel.Area.READY, CpuViewModel.Area.SLEEPING,
                CpuViewModel.Area.FINISHED)) {
            int k = key(a, 0);
            left.add(new Box(k, i18n.get("cpu." + a.name().toLowerCase(java.util.Locale.ROOT)), "", Ink.QUEUE, false,
                    null, chips.getOrDefault(k, List.of())));
        }
        if (t == null) {
            return;
        }
        for (ObjectInfo o : CpuViewModel.resources(t)) {
            int k = key(CpuViewModel.Area.RESOURCE, o.id());
            int holder = analyzer.holderOf(o.id());
            String title = o.name() + "  ·  " + i18n.get("cpu.kind." + o.type().id()); // balance · 变量
            right.add(new Box(k, title, resourceState(t, o), Ink.RESOURCE, holder >= 0 && o.type().holdable(), o,
                    chips.getOrDefault(k, List.of()), List.of(o.name()))); // a narrow box: the name alone
        }
        for (int joined : CpuViewModel.joinTargets(places)) {
            int k = key(CpuViewModel.Area.JOIN, joined);
            List<String> forms = ChipNames.forms(t.thread(joined).name()); // "Thread-1 (run_thread)", "Thread-1", "T1"
            right.add(new Box(k, i18n.fmt("deadlock.join", "…", forms.get(0)), "", Ink.RESOURCE, false, null,
                    chips.getOrDefault(k, List.of()), forms.subList(1, forms.size()).stream()
                            .map(name -> i18n.fmt("deadlock.join", "…", name)).toList()));
        }
    }

    /**
     * Places the boxes in a canvas this wide: the cores and queues on the left and the shared objects on the
     * right, or, when that is too narrow, everything in one column. Heights follow the chips each box holds.
     */
    private List<Placed> layout(double w, List<Box> left, List<Box> right, Trace t, boolean beside,
                                boolean allowInline) {
        double fs = theme.size(Size.TEXT_SIZE);
        double minCol = fs * 10;
        // the cores and queues put their title beside their chips, one aligned column: a row each, not two
        double titleCol = 0;
        for (Box b : left) {
            titleCol = Math.max(titleCol, TextMeasure.width(b.title(), theme.font(0.85, true)));
        }
        double leftNeed = titleCol + 30 + chipHeight() * 1.6;
        double resourceMin = fs * 8;
        double across = w - 2 * MARGIN - GAP;
        boolean twoSides = beside && !right.isEmpty() && across - leftNeed >= resourceMin;
        double leftW = twoSides ? Math.min(Math.max(leftNeed, across * 0.45), across - resourceMin) : w - 2 * MARGIN;
        List<Placed> out = new ArrayList<>();
        double y = MARGIN;
        double inline = allowInline && leftW >= leftNeed ? titleCol + 20 : 0;
        // in one column what tells the story comes first: the cores and the ready queue, then the shared objects
        // (who holds what, who waits); sleeping and finished threads last, where scrolling finds them. The order
        // does not change during a run, so no box jumps.
        int readyBox = Math.max(1, cores) + 1;
        List<Box> first = twoSides ? left : left.subList(0, Math.min(readyBox, left.size()));
        List<Box> last = twoSides ? List.of() : left.subList(Math.min(readyBox, left.size()), left.size());
        for (Box b : first) {
            Placed p = place(b, MARGIN, y, leftW, inline, t);
            out.add(p);
            y += p.h() + GAP;
        }
        double rx = twoSides ? MARGIN + leftW + GAP : MARGIN;
        double rw = twoSides ? w - rx - MARGIN : w - 2 * MARGIN;
        // (in one column the hint goes under the last box, not here: no line is kept for it between the sections)
        double ry = twoSides ? MARGIN : y + GAP;
        int cols = Math.max(1, Math.min(right.size(), (int) ((rw + GAP) / (minCol * 0.8 + GAP))));
        cols = Math.min(cols, 3);
        double bw = (rw - (cols - 1) * GAP) / cols;
        for (int i = 0; i < right.size(); i += cols) {
            double rowH = 0;
            List<Placed> row = new ArrayList<>();
            for (int c = 0; c < cols && i + c < right.size(); c++) {
                Placed p = place(right.get(i + c), rx + c * (bw + GAP), ry, bw, 0, t);
                row.add(p);
                rowH = Math.max(rowH, p.h());
            }
            for (Placed p : row) { // one height per row, so the grid stays a grid
                out.add(new Placed(p.box(), p.x(), p.y(), p.w(), rowH, p.chipsX(), p.chipsY(), p.stateBelow(),
                        p.notes()));
            }
            ry += rowH + GAP;
        }
        for (Box b : last) {
            Placed p = place(b, MARGIN, ry, leftW, inline, t);
            out.add(p);
            ry += p.h() + GAP;
        }
        return out;
    }

    /** A box's size; {@code inline} > 0 puts the title beside the chips, in a column that wide. */
    private Placed place(Box b, double x, double y, double w, double inline, Trace t) {
        Font title = theme.font(0.85, true);
        double line = theme.fontSize(0.85) * 1.35;
        if (inline > 0) {
            double inner = w - inline - 20;
            int rows = Math.max(1, chipRows(b.chips(), inner, t));
            double h = 8 + rows * (chipHeight() + 6) + 2;
            return new Placed(b, x, y, w, h, x + 10 + inline, y + 8, false, List.of());
        }
        double inner = w - 20;
        boolean below = !b.state().isEmpty()
                && TextMeasure.width(b.title(), title) + TextMeasure.width(b.state(), title) + 30 > w;
        double chipsY = y + 6 + line * (below ? 2 : 1) + 4;
        List<String> notes = b.object() == null ? List.of() : storyNotes(t, b.object(), inner);
        int reserved = b.object() == null ? 1 : storyRows(b.object(), notes);
        int rows = Math.max(reserved, chipRows(b.chips(), inner, t));
        double chipH = chipHeight();
        double h = chipsY - y + rows * (chipH + 6) + (rows == 0 ? 2 : 4);
        return new Placed(b, x, y, w, h, x + 10, chipsY, below, notes);
    }

    private double chipHeight() {
        return theme.size(Size.CHIP) * 0.62;
    }

    private double chipWidth(Trace t, int id, double inner) {
        double chipH = chipHeight();
        return Math.min(inner, Math.max(chipH * 1.4, TextMeasure.width(t.thread(id).name(), theme.font(0.9, true)) + 18));
    }

    /** How many rows the chips need when they wrap at this width. */
    private int chipRows(List<Integer> ids, double inner, Trace t) {
        if (ids.isEmpty() || t == null) {
            return 0;
        }
        int rows = 1;
        double x = 0;
        for (int id : ids) {
            double cw = chipWidth(t, id, inner);
            if (x > 0 && x + cw > inner) {
                rows++;
                x = 0;
            }
            x += cw + 6;
        }
        return rows;
    }

    private static double bottom(List<Placed> placed) {
        double b = 0;
        for (Placed p : placed) {
            b = Math.max(b, p.y() + p.h());
        }
        return b + MARGIN;
    }

    private static double bottomOf(List<Placed> placed, List<Box> boxes) {
        double b = 0;
        for (Placed p : placed) {
            if (boxes.contains(p.box())) {
                b = Math.max(b, p.y() + p.h());
            }
        }
        return b;
    }

    private void drawChips(GraphicsContext g, Trace t, List<Placed> placed) {
        Font chipFont = theme.font(0.9, true);
        double chipH = chipHeight();
        for (Placed pl : placed) {
            double inner = pl.x() + pl.w() - 10 - pl.chipsX();
            double x = 0;
            double y = pl.chipsY();
            for (int id : pl.box().chips()) {
                double cw = chipWidth(t, id, inner);
                if (x > 0 && x + cw > inner) {
                    x = 0;
                    y += chipH + 6;
                }
                double tx = pl.chipsX() + x;
                double ty = y;
                x += cw + 6;
                target.put(id, new double[] {tx, ty});
                double[] cur = pos.computeIfAbsent(id, kk -> new double[] {tx, ty});
                CpuViewModel.Place p = places.get(id);
                String name = TextMeasure.clip(ChipNames.fit(t.thread(id).name(), cw - 10,
                        n -> TextMeasure.width(n, chipFont)), chipFont, cw - 10);
                drawChip(g, id, name, p.area(), cur[0], cur[1], cw, chipH, chipFont);
                chipBounds.put(id, new Rectangle2D(cur[0], cur[1], Math.max(0, cw), chipH));
            }
        }
    }

    private static int key(CpuViewModel.Area area, int slot) {
        return area.ordinal() * 100_000 + slot + 2000;
    }

    private void drawBox(GraphicsContext g, Placed p) {
        Box b = p.box();
        double x = p.x();
        double y = p.y();
        double w = p.w();
        double h = p.h();
        g.setFill(theme.color(b.ink()).deriveColor(0, 1, 1, b.strong() ? 0.22 : 0.12));
        g.fillRoundRect(x, y, w, h, 12, 12);
        g.setStroke(theme.ink(b.ink()));
        g.setLineWidth(b.strong() ? 2.5 : 1.2);
        g.strokeRoundRect(x + 0.5, y + 0.5, w - 1, h - 1, 12, 12);
        Font title = theme.font(0.85, true);
        g.setFill(theme.ink(Ink.TEXT));
        g.setFont(title);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        String state = b.state();
        double room = w - 20 - (p.stateBelow() || state.isEmpty() ? 0 : TextMeasure.width(state, title) + 22);
        boolean inline = p.chipsX() > x + 10;
        if (inline) {
            g.setTextBaseline(VPos.CENTER);
            room = p.chipsX() - x - 14;
        }
        g.fillText(b.titleFor(title, room), x + 10, inline ? y + 8 + chipHeight() / 2 : y + 5);
        g.setTextBaseline(VPos.TOP);
        if (b.object() != null && b.chips().isEmpty()) {
            drawStoryNotes(g, analyzer.trace(), b.object(), p.notes(), x, p.chipsY(), w, y + h - p.chipsY());
        }
        if (state.isEmpty() || b.object() == null) {
            return;
        }
        double line = theme.fontSize(0.85) * 1.35;
        double sy = p.stateBelow() ? y + 5 + line : y + 5;
        state = TextMeasure.clip(state, title, w - 32);
        double sw = TextMeasure.width(state, title);
        double sx = p.stateBelow() ? x + 10 : x + w - sw - 16;
        int holder = analyzer.holderOf(b.object().id());
        boolean held = holder >= 0 && b.object().type().holdable();
        if (held) {
            g.setFill(theme.thread(holder));
            g.fillRoundRect(sx - 6, sy - 2, sw + 12, theme.fontSize(0.85) * 1.4, 8, 8);
            g.setFill(theme.ink(Ink.BACKGROUND));
            g.setFont(title);
        } else {
            g.setFill(theme.ink(Ink.MUTED));
            g.setFont(theme.font(0.85, false));
        }
        g.fillText(state, sx, sy);
    }

    private String resourceState(Trace t, ObjectInfo o) {
        int holder = analyzer.holderOf(o.id());
        int level = analyzer.levelOf(o.id());
        return switch (o.type()) {
            case LOCK, RLOCK -> holder >= 0 ? i18n.fmt("cpu.holder", t.thread(holder).name())
                    + (o.type() == ObjectType.RLOCK && level > 1 ? ", " + i18n.fmt("cpu.depth", String.valueOf(level)) : "")
                    : i18n.get("cpu.free");
            case SEMAPHORE, BOUNDED_SEMAPHORE -> i18n.fmt("cpu.permits", String.valueOf(level));
            case EVENT -> i18n.get(level == 1 ? "cpu.flag.set" : "cpu.flag.clear");
            case VARIABLE -> i18n.fmt("cpu.value", String.valueOf(level));
            default -> "";
        };
    }

    /** A shared object's story notes as its box shows them, this wide inside (a variable's held reads fitted). */
    private List<String> storyNotes(Trace t, ObjectInfo o, double inner) {
        List<String> notes = story == null ? List.of() : CpuStoryNotes.lines(i18n, t, story, o);
        return o.type() == ObjectType.VARIABLE && !notes.isEmpty() ? heldReadRows(t, o, notes, inner) : notes;
    }

    /** Rows a shared object's box keeps free for its story notes, or one row. */
    private static int storyRows(ObjectInfo o, List<String> notes) {
        if (o.type() == ObjectType.VARIABLE) {
            return Math.min(notes.size(), 4);
        }
        return o.type() == ObjectType.LOCAL ? Math.max(1, Math.min(notes.size(), 6)) : 1;
    }

    /**
     * What a variable's box says of the reads threads hold, this wide: one line naming them all where it fits ("T1
     * read 0, T2 read 0: not yet written"), else a row each, so that a narrow box on a projector still names every
     * thread that holds a read.
     */
    private List<String> heldReadRows(Trace t, ObjectInfo o, List<String> notes, double inner) {
        Font font = theme.font(0.85, true);
        if (notes.size() > 1) {
            String oneLine = CpuStoryNotes.oneLine(i18n, t, story, o, notes);
            if (TextMeasure.width(oneLine, font) <= inner) {
                return List.of(oneLine);
            }
        }
        return CpuStoryNotes.rows(i18n, t, story, o, inner, s -> TextMeasure.width(s, font));
    }

    /**
     * The story inside a box: under a variable, each read a thread holds and has not written back ("T2 read 0,
     * not yet written", the race before it happens); under a thread-local, one row per thread with its own value.
     */
    private void drawStoryNotes(GraphicsContext g, Trace t, ObjectInfo o, List<String> notes, double x, double top,
                                double w, double h) {
        if (notes.isEmpty()) {
            return;
        }
        double lineH = chipHeight() + 6; // the rows the box kept free for them
        int fit = Math.max(1, (int) ((h + 2) / lineH));
        List<String> shown = notes;
        if (shown.size() > fit) { // too many rows for the box: one line
            shown = List.of(CpuStoryNotes.oneLine(i18n, t, story, o, CpuStoryNotes.lines(i18n, t, story, o)));
        }
        Font font = theme.font(0.85, true);
        g.setFont(font);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFill(theme.ink(o.type() == ObjectType.LOCAL ? Ink.TEXT : Ink.LOST));
        for (int i = 0; i < shown.size(); i++) {
            g.fillText(TextMeasure.clip(shown.get(i), font, w - 20), x + 10,
                    top + i * lineH + (chipHeight() - theme.fontSize(0.85)) / 2);
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
            int holder = d.waitsFor().get(i); // the next in the cycle: it holds what this one waits for
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
