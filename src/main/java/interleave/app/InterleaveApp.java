package interleave.app;

import interleave.app.main.MainController;
import interleave.app.main.WindowFit;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

/** The desktop app: one window, built from FXML, styled by CSS, in English or Simplified Chinese. */
public final class InterleaveApp extends Application {
    public static final String BASE_CSS = "/interleave/app/css/interleave.css";
    public static final String CONTRAST_CSS = "/interleave/app/css/high-contrast.css";

    private AppModel model;
    private Scene scene;

    public static void main(String[] args) {
        if (java.util.Arrays.asList(args).contains("--help") || java.util.Arrays.asList(args).contains("-h")) {
            System.out.println(LaunchOptions.USAGE); // no window, no display needed
            return;
        }
        try {
            launch(args);
        } catch (RuntimeException | LinkageError e) {
            System.err.println("interleave: " + StartFailure.explain(e, System.getenv("DISPLAY")));
            System.exit(2);
        }
    }

    @Override
    public void start(Stage stage) {
        LaunchOptions options = LaunchOptions.parse(getParameters() == null ? java.util.List.of()
                : getParameters().getRaw());
        options.problems().forEach(p -> System.err.println("interleave: " + p));
        String lang = options.lang() != null ? options.lang()
                : System.getProperty("interleave.lang", Locale.getDefault().getLanguage());
        interleave.trace.EventBudget.use(interleave.trace.EventBudget.WINDOW); // room to look back, and for the scene
        model = new AppModel(Locale.forLanguageTag(lang));
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double[] size = WindowFit.windowSize(screen.getWidth(), screen.getHeight());
        double[] min = WindowFit.minimumSize(screen.getWidth(), screen.getHeight());
        scene = new Scene(load(), size[0], size[1]);
        stage.setMinWidth(min[0]);
        stage.setMinHeight(min[1]);
        scene.getStylesheets().add(css(BASE_CSS));
        model.highContrastProperty().addListener((o, a, on) -> {
            if (on) {
                scene.getStylesheets().add(css(CONTRAST_CSS));
            } else {
                scene.getStylesheets().remove(css(CONTRAST_CSS));
            }
        });
        model.i18n().localeProperty().addListener((o, a, b) -> {
            model.clearFrameListeners();
            scene.setRoot(load());
            stage.setTitle(model.i18n().get("app.title"));
        });
        stage.setTitle(model.i18n().get("app.title"));
        stage.getIcons().add(new Image(InterleaveApp.class.getResourceAsStream("/interleave/app/icon.png")));
        stage.setScene(scene);
        // unsaved edits in the program editor: Save / Discard / Cancel before the window goes
        stage.setOnCloseRequest(e -> {
            if (!model.editor().mayLeave()) {
                e.consume();
            }
        });
        stage.setWidth(size[0]); // also when the stage had a size before (a window reused for a new scene)
        stage.setHeight(size[1]);
        stage.setX(screen.getMinX() + (screen.getWidth() - size[0]) / 2);
        stage.setY(screen.getMinY() + (screen.getHeight() - size[1]) / 2);
        stage.show();
        // the decorations come on top of the scene size: shrink the window back onto the screen if needed
        if (stage.getHeight() > screen.getHeight() + 1 || stage.getWidth() > screen.getWidth() + 1) {
            stage.setWidth(Math.min(stage.getWidth(), screen.getWidth()));
            stage.setHeight(Math.min(stage.getHeight(), screen.getHeight()));
            stage.setX(screen.getMinX());
            stage.setY(screen.getMinY());
        }
        model.startPulses();
        apply(options);
        String ignored = options.ignored(model.i18n());
        if (ignored != null && model.messageProperty().get() == null) {
            model.messageProperty().set(ignored); // a typo in a launcher or shortcut: said in the window too
        }
        if (options.startupProbe()) {
            probeStartup();
        }
    }

    /**
     * {@code --startup-probe} (the start-up benchmark): once the window has been laid out and painted, prints the
     * wall-clock time in epoch milliseconds ("painted at ..."), and quits. The benchmark subtracts the moment it
     * started the process: the JVM's own idea of its start time is only precise to a second here.
     */
    private void probeStartup() {
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        scene.addPostLayoutPulseListener(() -> {
            if (done.compareAndSet(false, true)) {
                // the pulse after this one paints what this one laid out
                javafx.application.Platform.runLater(() -> {
                    System.out.println("painted at " + System.currentTimeMillis());
                    javafx.application.Platform.exit();
                });
            }
        });
    }

    private void apply(LaunchOptions o) {
        if (o.scenario() != null) {
            interleave.scenario.Scenarios.byId(o.scenario()).ifPresentOrElse(
                    s -> model.picker().selectedProperty().set(s),
                    () -> System.err.println("interleave: unknown scenario '" + o.scenario() + "'; accepted: "
                            + interleave.scenario.Scenarios.ids()));
        }
        o.params().forEach((k, v) -> {
            var f = model.picker().field(k);
            if (f == null) {
                System.err.println("interleave: unknown parameter '" + k + "'");
            } else if (f.spec() instanceof interleave.scenario.ParamSpec.BoolParam) {
                f.onProperty().set(java.util.List.of("on", "true", "yes", "1").contains(v.toLowerCase(Locale.ROOT)));
            } else {
                f.textProperty().set(v);
            }
        });
        model.picker().apply();
        if (o.speed() != null) {
            model.session().setSpeed(o.speed());
        }
        model.presentingProperty().set(o.present());
        model.highContrastProperty().set(o.contrast());
        if (o.open() != null && !new interleave.app.files.TraceFileActions(model).open(java.nio.file.Path.of(o.open()))) {
            System.err.println("interleave: " + model.messageProperty().get());
            return;
        }
        if (!o.inputs().isEmpty() && model.picker().selectedProperty().get() instanceof interleave.program.PythonProgram) {
            model.programInput().textProperty().set(String.join("\n", o.inputs()));
            interleave.scenario.Scenario answered = model.programInput().apply();
            if (answered != null) {
                model.runReloaded(answered);
            }
        }
        if (o.edit() && model.picker().selectedProperty().get() instanceof interleave.program.PythonProgram p
                && !model.editor().open(p.file())) {
            System.err.println("interleave: " + model.editor().errorMessageProperty().get());
        }
        if (o.mode() != null || o.cores() != null || o.quantum() != null || o.seed() != null) {
            // after the demo or file, which bring their own settings
            if (o.mode() != null) {
                model.picker().modeProperty().set(o.mode());
            }
            if (o.cores() != null) {
                model.picker().coresProperty().set(o.cores());
            }
            if (o.quantum() != null) {
                model.picker().quantumProperty().set(String.valueOf(o.quantum()));
            }
            if (o.seed() != null) {
                model.picker().seedProperty().set(String.valueOf(o.seed()));
            }
            model.picker().apply();
        }
        if (o.steps() > 0 && model.ensurePrepared()) {
            model.session().runToPoint(o.steps());
        }
        if (o.play()) {
            model.play();
        }
    }

    private static String css(String path) {
        return InterleaveApp.class.getResource(path).toExternalForm();
    }

    /** Builds the main view; every controller gets the shared model through the controller factory. */
    public Parent load() {
        FXMLLoader loader = new FXMLLoader(InterleaveApp.class.getResource("/interleave/app/main/MainView.fxml"),
                model.i18n().bundle());
        loader.setControllerFactory(type -> {
            try {
                return type.getConstructor(AppModel.class).newInstance(model);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("controller " + type.getName() + " needs a (AppModel) constructor", e);
            }
        });
        try {
            Parent root = loader.load();
            ((MainController) loader.getController()).attach();
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public AppModel model() {
        return model;
    }

    @Override
    public void stop() {
        if (model != null) {
            model.stopPulses();
            model.session().stop();
        }
    }
}
