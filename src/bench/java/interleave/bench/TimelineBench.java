package interleave.bench;

import interleave.app.InterleaveApp;
import interleave.app.theme.CanvasTheme;
import interleave.app.timeline.TimelineCanvas;
import interleave.app.timeline.TimelineViewModel;
import interleave.trace.EventKind;
import interleave.trace.ObjectType;
import interleave.trace.SwitchReason;
import interleave.trace.Trace;
import interleave.trace.TraceAnalyzer;
import interleave.trace.TraceHeader;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Draws the timeline offscreen (headless Monocle, software pipeline) for synthetic traces of 1M and 10M events
 * and prints frame times: the time to issue the drawing commands on the FX thread, and the time to render them
 * into an image (a snapshot), for the whole run in view and for a zoomed-in window.
 */
final class TimelineBench {
    private static final int FRAMES = 31;
    private static final int WARMUP = 10;

    private TimelineBench() {
    }

    static void runIfAvailable(boolean quick) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("headless.geometry", "1600x1000-32");
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        for (int n : quick ? new int[] {1_000_000} : new int[] {1_000_000, 10_000_000}) {
            bench(n);
        }
        Platform.exit();
    }

    /** Four threads racing on a variable under a lock, switching every 20 events or so. */
    static Trace synthetic(int events) {
        Trace t = new Trace(new TraceHeader("synthetic", "sim", 1, 20, "rr", 0, Map.of(), "tick"));
        int threads = 4;
        for (int i = 0; i < threads; i++) {
            t.addThread("T" + i, false);
        }
        int var = t.addObject("balance", ObjectType.VARIABLE, 0);
        int lock = t.addObject("lock", ObjectType.LOCK, 0);
        int cur = 0;
        int value = 0;
        long time = 0;
        t.append(time, 0, EventKind.SWITCH, -1, SwitchReason.IDLE.ordinal(), 0);
        for (int i = 1; i < events; i++) {
            int k = i % 23;
            if (k == 0) {
                int next = (cur + 1) % threads;
                t.append(time, next, EventKind.SWITCH, cur, SwitchReason.SLICE_OVER.ordinal(), 0);
                cur = next;
            } else if (k == 5) {
                t.append(time++, cur, EventKind.ACQUIRE, lock, 1, 14);
            } else if (k == 11) {
                t.append(time++, cur, EventKind.RELEASE, lock, 0, 14);
            } else if (k % 2 == 0) {
                t.append(time++, cur, EventKind.READ, var, value, 8);
            } else {
                value += (i % 7) - 3;
                t.append(time++, cur, EventKind.WRITE, var, value, 8);
            }
        }
        return t;
    }

    private static void bench(int events) throws Exception {
        long g0 = System.nanoTime();
        Trace trace = synthetic(events);
        long g1 = System.nanoTime();
        TraceAnalyzer analyzer = new TraceAnalyzer(trace);
        analyzer.update();
        long g2 = System.nanoTime();
        System.out.printf("timeline: %,d synthetic events built in %d ms; analysed in %d ms (%.1f ns/event)%n",
                trace.size(), (g1 - g0) / 1_000_000, (g2 - g1) / 1_000_000, (g2 - g1) / (double) trace.size());
        CompletableFuture<String> out = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                TimelineViewModel vm = new TimelineViewModel();
                vm.setAnalyzer(analyzer);
                CanvasTheme theme = new CanvasTheme();
                TimelineCanvas canvas = new TimelineCanvas(vm, theme);
                Pane root = new Pane(theme, canvas);
                canvas.resize(1500, 600);
                Scene scene = new Scene(root, 1500, 600);
                scene.getStylesheets().add(InterleaveApp.class.getResource(InterleaveApp.BASE_CSS).toExternalForm());
                root.applyCss();
                root.layout();
                canvas.resize(1500, 600);
                canvas.requestLayout();
                canvas.layout();
                canvas.canvas().setWidth(1500); // the layout pass of a shown window would size it
                canvas.canvas().setHeight(600);
                StringBuilder sb = new StringBuilder();
                sb.append(blank(canvas));
                vm.fit();
                sb.append(frames(canvas, "whole run in view", vm));
                vm.centerOn(analyzer.lastTime() / 2.0, analyzer.lastTime() / 100.0);
                sb.append(frames(canvas, "a hundredth in view", vm));
                vm.centerOn(analyzer.lastTime() / 2.0, 300);
                sb.append(frames(canvas, "300 ticks in view", vm));
                out.complete(sb.toString());
            } catch (Throwable e) {
                out.completeExceptionally(e);
            }
        });
        System.out.print(out.get(10, TimeUnit.MINUTES));
    }

    /** The fixed cost of the measurement itself: one fill of the whole canvas, rendered and read back. */
    private static String blank(TimelineCanvas canvas) {
        javafx.scene.canvas.Canvas c = canvas.canvas();
        javafx.scene.image.WritableImage into = new javafx.scene.image.WritableImage((int) c.getWidth(),
                (int) c.getHeight());
        double[] render = new double[FRAMES];
        for (int i = -WARMUP; i < FRAMES; i++) {
            c.getGraphicsContext2D().clearRect(0, 0, c.getWidth(), c.getHeight());
            c.getGraphicsContext2D().fillRect(0, 0, c.getWidth(), c.getHeight());
            long t0 = System.nanoTime();
            c.snapshot(null, into);
            if (i >= 0) {
                render[i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        Arrays.sort(render);
        return String.format("  %-24s rendered (snapshot): median %6.2f ms (the snapshot's own fixed cost)%n",
                "one filled rectangle", render[FRAMES / 2]);
    }

    private static String frames(TimelineCanvas canvas, String what, TimelineViewModel vm) {
        canvas.markDirty();
        canvas.redrawIfDirty(); // sizes the canvas to its control
        javafx.scene.image.WritableImage into = new javafx.scene.image.WritableImage(
                (int) Math.max(1, canvas.canvas().getWidth()), (int) Math.max(1, canvas.canvas().getHeight()));
        double[] issue = new double[FRAMES];
        double[] render = new double[FRAMES];
        for (int i = -WARMUP; i < FRAMES; i++) { // warm-up frames let the JIT settle
            canvas.markDirty();
            long t0 = System.nanoTime();
            canvas.redrawIfDirty();
            long t1 = System.nanoTime();
            canvas.canvas().snapshot(null, into); // one image reused: no allocation in the measurement
            long t2 = System.nanoTime();
            if (i >= 0) {
                issue[i] = (t1 - t0) / 1e6;
                render[i] = (t2 - t1) / 1e6;
            }
        }
        Arrays.sort(issue);
        Arrays.sort(render);
        return String.format("  %-24s draw commands: median %6.2f ms, worst %6.2f ms | rendered (snapshot): median %6.2f ms,"
                        + " worst %6.2f ms | total median %6.2f ms%n", what, issue[FRAMES / 2], issue[FRAMES - 1],
                render[FRAMES / 2], render[FRAMES - 1], issue[FRAMES / 2] + render[FRAMES / 2]);
    }
}
