package interleave.app.files;

import interleave.app.I18n;
import interleave.app.InterleaveApp;
import interleave.app.session.EventSentences;
import interleave.app.theme.CanvasTheme;
import interleave.app.timeline.TimelineCanvas;
import interleave.app.timeline.TimelineViewModel;
import interleave.scenario.Scenarios;
import interleave.trace.Trace;
import interleave.trace.TraceAnalyzer;
import interleave.trace.TraceHeader;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * The whole run's timeline as a PNG for slides: the timeline canvas as the app draws it, with presentation-mode
 * sizes (large text and lanes), the whole run in view, and a title line naming the demo, its parameters and the
 * counts. It renders offscreen, so it works from the File menu and, on the headless Monocle platform, from
 * the command line ({@link #writeHeadless}).
 */
public final class TimelinePng {
    /** Width of the image in pixels: a full-HD slide. */
    public static final int WIDTH = 1920;
    private static final double LANE = 47; // presentation lane height (44) plus the gap the canvas leaves

    private TimelinePng() {
    }

    /** Renders the image; FX thread only. */
    public static WritableImage render(TraceAnalyzer analyzer, I18n i18n, boolean highContrast) {
        Trace trace = analyzer.trace();
        EventSentences sentences = new EventSentences(i18n);
        sentences.setScenario(Scenarios.byId(trace.header().scenario()).orElse(null));
        TimelineViewModel vm = new TimelineViewModel();
        vm.setAnalyzer(analyzer);
        CanvasTheme theme = new CanvasTheme();
        TimelineCanvas canvas = new TimelineCanvas(vm, theme);
        canvas.setTexts(sentences, i18n::get);
        Label title = new Label(title(analyzer, i18n));
        title.getStyleClass().add("png-title");
        title.setMaxWidth(WIDTH);
        title.setWrapText(true);
        VBox root = new VBox(theme, title, canvas);
        root.getStyleClass().addAll("main-view", "presenting", "png-export");
        int canvasHeight = (int) Math.max(300, 120 + vm.lanes().size() * LANE);
        canvas.setPrefSize(WIDTH, canvasHeight);
        canvas.setMinSize(WIDTH, canvasHeight);
        Scene scene = new Scene(root);
        scene.getStylesheets().add(InterleaveApp.class.getResource(InterleaveApp.BASE_CSS).toExternalForm());
        if (highContrast) {
            scene.getStylesheets().add(InterleaveApp.class.getResource(InterleaveApp.CONTRAST_CSS).toExternalForm());
        }
        root.applyCss();
        // the height for this width: a long title wraps onto a second line and the lanes move down, uncut
        root.resize(WIDTH, Math.ceil(root.prefHeight(WIDTH)));
        root.layout();
        canvas.canvas().setWidth(WIDTH); // a shown window's layout pass would size it
        canvas.canvas().setHeight(canvasHeight);
        vm.fit();
        canvas.markDirty();
        canvas.redrawIfDirty();
        return root.snapshot(null, null);
    }

    /** "Bank balance race (iterations=…, lock=off) · sim, seed 0 · 5 lost updates · 120 context switches". */
    static String title(TraceAnalyzer a, I18n i18n) {
        TraceHeader h = a.trace().header();
        String name = Scenarios.byId(h.scenario()).map(s -> s.title(i18n.locale())).orElse(h.scenario());
        String params = new java.util.TreeMap<>(h.params()).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
        return i18n.fmt("png.title", name, params.isEmpty() ? "" : " (" + params + ")", h.mode(),
                String.valueOf(h.seed()), String.valueOf(a.lostUpdates().size()),
                String.valueOf(a.switches().size()));
    }

    /** Writes the image as PNG (through a temporary sibling, so a failed write leaves no half file). */
    public static void write(WritableImage image, Path file) throws IOException {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        PixelReader pixels = image.getPixelReader();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            pixels.getPixels(0, y, w, 1, javafx.scene.image.PixelFormat.getIntArgbInstance(), row, 0, w);
            out.setRGB(0, y, w, 1, row, 0, w);
        }
        Path tmp = file.toAbsolutePath().resolveSibling(file.getFileName() + ".part");
        try {
            try (java.io.OutputStream o = new java.io.BufferedOutputStream(Files.newOutputStream(tmp))) {
                if (!ImageIO.write(out, "png", o)) {
                    throw new IOException("no PNG writer available");
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /**
     * For the command line: renders the analysed run without a display (JavaFX on Monocle's headless platform
     * with the software pipeline) and writes the PNG. Safe to call when the toolkit already runs.
     */
    public static void writeHeadless(TraceAnalyzer analyzer, Path file, Locale locale) throws IOException {
        startHeadlessToolkit();
        CompletableFuture<WritableImage> image = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                image.complete(render(analyzer, new I18n(locale), false));
            } catch (Throwable e) {
                image.completeExceptionally(e);
            }
        });
        try {
            write(image.get(2, TimeUnit.MINUTES), file);
        } catch (ExecutionException e) {
            throw new IOException("the timeline could not be drawn (" + e.getCause() + ")", e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("drawing the timeline took too long");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    private static void startHeadlessToolkit() throws IOException {
        String[][] headless = {{"glass.platform", "Monocle"}, {"monocle.platform", "Headless"},
                {"prism.order", "sw"}, {"java.awt.headless", "true"}};
        CompletableFuture<Void> started = new CompletableFuture<>();
        try {
            for (String[] p : headless) {
                System.setProperty(p[0], p[1]); // read only when the toolkit starts
            }
            Platform.startup(() -> started.complete(null));
            Platform.setImplicitExit(false);
            started.get(60, TimeUnit.SECONDS);
        } catch (IllegalStateException alreadyRunning) {
            // the toolkit is up (the app, or a test): render on it as it is
        } catch (Exception | LinkageError e) {
            throw new IOException("the headless renderer could not start (" + e + ")", e);
        }
    }
}
