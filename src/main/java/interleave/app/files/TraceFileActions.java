package interleave.app.files;

import interleave.app.AppModel;
import interleave.app.I18n;
import interleave.app.picker.LoadProblem;
import interleave.app.picker.PickerViewModel;
import interleave.app.session.RunSession;
import interleave.engine.Mode;
import interleave.engine.Policy;
import interleave.scenario.ParamSpec;
import interleave.scenario.Scenario;
import interleave.scenario.Scenarios;
import interleave.trace.LoadedTrace;
import interleave.trace.Trace;
import interleave.trace.TraceAnalyzer;
import interleave.trace.TraceFiles;
import interleave.trace.TraceFormatException;
import interleave.trace.TraceHeader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What the File menu and drag and drop do, without the dialogs: open a saved run (or say in one message why
 * not, leaving the current run alone), save the run shown now, export its timeline as PNG.
 */
public final class TraceFileActions {
    private final AppModel model;

    public TraceFileActions(AppModel model) {
        this.model = model;
    }

    /** A file read and replayed, or why it could not be. */
    private record Read(LoadedTrace loaded, TraceAnalyzer analyzed, TraceFormatException problem) {
    }

    /** Reads and replays a file; touches nothing in the app, so it may run on any thread. */
    private static Read read(Path file) {
        try {
            LoadedTrace loaded = TraceFiles.load(file);
            return new Read(loaded, loaded.analyzed(), null);
        } catch (TraceFormatException e) {
            return new Read(null, null, e);
        }
    }

    /** Opens a saved run now (FX thread); true if it is shown. A bad file only sets the message banner. */
    public boolean open(Path file) {
        if (isProgram(file)) {
            return showProgram(loadProgram(file), file);
        }
        return show(read(file), file);
    }

    /** A Python program is run under the scheduler; a saved trace is read (see PythonProgram.isProgramFile). */
    static boolean isProgram(Path file) {
        return interleave.program.PythonProgram.isProgramFile(file);
    }

    /** A program that cannot run: why (for the picker), and the exception (its line and CPython's message). */
    private record Failed(LoadProblem problem, IllegalArgumentException cause) {
    }

    /** The program, or why it cannot run (a syntax error, not UTF-8, no Python); not on the FX thread. */
    private Object loadProgram(Path file) {
        try {
            return interleave.program.PythonProgram.load(file, null);
        } catch (IllegalArgumentException e) {
            return new Failed(LoadProblem.of(file, e), e);
        }
    }

    private boolean showProgram(Object loaded, Path file) {
        if (loaded instanceof Failed failed) {
            // the picker shows the problem, not the demo selected before (whose run goes)
            model.picker().showLoadProblem(failed.problem());
            model.messageProperty().set(failed.problem().oneLine(model.i18n()));
            if (failed.cause() instanceof interleave.program.ProgramLoadException p && p.line() > 0) {
                // a program that does not parse opens in the editor, its line marked, to be fixed there
                model.editor().openWithError(file, p);
                model.recent().add(file);
            }
            return false;
        }
        model.picker().selectedProperty().set((Scenario) loaded);
        model.picker().apply();
        model.messageProperty().set("");
        model.recent().add(file);
        return true;
    }

    /**
     * The File menu and drops: reads the file on a worker thread (a big trace takes seconds), then shows it on
     * the FX thread; {@code done} gets whether it is shown.
     */
    public void openInBackground(Path file, java.util.function.Consumer<Boolean> done) {
        Thread reader = new Thread(() -> {
            if (isProgram(file)) {
                Object loaded = loadProgram(file);
                javafx.application.Platform.runLater(() -> done.accept(showProgram(loaded, file)));
                return;
            }
            Read r = read(file);
            javafx.application.Platform.runLater(() -> done.accept(show(r, file)));
        }, "open-trace");
        reader.setDaemon(true);
        reader.start();
    }

    private boolean show(Read r, Path file) {
        if (r.problem() != null) {
            model.messageProperty().set(problem(r.problem(), file));
            return false;
        }
        showInForm(r.loaded().trace().header());
        model.session().open(r.loaded(), r.analyzed());
        model.messageProperty().set("");
        model.recent().add(file);
        return true;
    }

    /** The message for a file that cannot be opened, in the UI language. */
    String problem(TraceFormatException e, Path file) {
        I18n i18n = model.i18n();
        String name = String.valueOf(file.getFileName());
        String line = String.valueOf(e.line());
        String text = switch (e.problem()) {
            case MISSING -> i18n.fmt("files.error.missing", name);
            case UNREADABLE -> i18n.fmt("files.error.unreadable", name);
            // a text file was most likely meant as a program (a tutorial saved as .txt) that does not read as one
            case FOREIGN -> i18n.fmt(namedAsText(file) ? "files.error.neither" : "files.error.foreign", name);
            case VERSION -> i18n.fmt("files.error.version", name);
            case TRUNCATED -> i18n.fmt("files.error.truncated", name, line);
            case DAMAGED -> e.line() > 0 ? i18n.fmt("files.error.damaged", name, line)
                    : i18n.fmt("files.error.damaged", name, "–");
        };
        // (only where something is shown that stays: a run, or a saved one)
        boolean shown = model.session().run() != null || model.session().loaded() != null;
        return shown ? text + " " + i18n.get("files.kept") : text;
    }

    /** A plain text file by its name (.txt, .md, .text, .rst, or no extension), as a program copied out of a page is. */
    private static boolean namedAsText(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(java.util.Locale.ROOT);
        return !name.contains(".") || name.matches(".*\\.(txt|text|md|rst)");
    }

    /**
     * The picker shows the saved run's demo, parameters and settings, so that Reset runs it again. Selecting a
     * demo prepares a run of it; the opened file replaces that right after.
     */
    private void showInForm(TraceHeader h) {
        Scenario s = Scenarios.byId(h.scenario()).orElse(null);
        if (s == null) {
            return;
        }
        PickerViewModel p = model.picker();
        p.selectedProperty().set(s);
        h.params().forEach((name, value) -> {
            PickerViewModel.Field f = p.field(name);
            if (f == null) {
                return;
            }
            if (f.spec() instanceof ParamSpec.BoolParam) {
                f.onProperty().set(value.equals("on"));
            } else {
                f.textProperty().set(value);
            }
        });
        for (Mode m : Mode.values()) {
            if (m.id().equals(h.mode())) {
                p.modeProperty().set(m);
            }
        }
        for (Policy pol : Policy.values()) {
            if (pol.id().equals(h.policy())) {
                p.policyProperty().set(pol);
            }
        }
        p.coresProperty().set(h.cores());
        p.quantumProperty().set(String.valueOf(h.quantum()));
        p.seedProperty().set(String.valueOf(h.seed()));
    }

    /** Saves the run shown now (live or opened) with its status and result; false and a message if it cannot. */
    public boolean save(Path file) {
        Trace trace = model.session().trace();
        if (trace == null) {
            model.messageProperty().set(model.i18n().get("files.nothingToSave"));
            return false;
        }
        try {
            TraceFiles.write(trace, file, model.session().record());
            model.recent().add(file);
            return true;
        } catch (IOException | RuntimeException e) {
            model.messageProperty().set(model.i18n().fmt("files.saveFailed", String.valueOf(file.getFileName()),
                    reason(e)));
            return false;
        }
    }

    /** Writes the whole run's timeline as a PNG (FX thread); false and a message if it cannot. */
    public boolean exportPng(Path file) {
        TraceAnalyzer a = model.session().analyzer();
        if (a == null || a.processed() == 0) {
            model.messageProperty().set(model.i18n().get("files.nothingToSave"));
            return false;
        }
        try {
            TimelinePng.write(TimelinePng.render(a, model.i18n(), model.highContrastProperty().get()), file);
            return true;
        } catch (IOException | RuntimeException e) {
            model.messageProperty().set(model.i18n().fmt("files.pngFailed", String.valueOf(file.getFileName()),
                    reason(e)));
            return false;
        }
    }

    /** Why a write failed, in the UI language where the cause is a common one. */
    private String reason(Exception e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return model.i18n().get("files.reason.denied");
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return model.i18n().get("files.reason.noFolder");
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /**
     * Writes the demo's program as the code pane shows it (its parameters' values filled in) to {@code file} and
     * opens that file as the user's own program, to edit and run; false and a message if there is no demo to save
     * or the file cannot be written. The demo itself is unchanged.
     */
    public boolean saveDemoProgram(Path file) {
        String why = whyNoDemoProgram();
        if (why != null) {
            model.messageProperty().set(why);
            return false;
        }
        interleave.scenario.Scenario demo = model.session().scenario();
        try {
            // (as the pane shows it: its comments in the window's language)
            java.nio.file.Files.writeString(file, demo.python(model.session().params(), model.i18n().locale()) + "\n");
        } catch (IOException | RuntimeException e) {
            model.messageProperty().set(model.i18n().fmt("files.saveFailed", String.valueOf(file.getFileName()),
                    reason(e)));
            return false;
        }
        return open(file);
    }

    /** Why the shown program cannot be saved as the user's own (no demo, or a program already), or null. */
    public String whyNoDemoProgram() {
        interleave.scenario.Scenario demo = model.session().scenario();
        return demo == null || demo.topic() == interleave.scenario.Topic.YOUR_PROGRAMS
                ? model.i18n().get("files.noDemoProgram") : null;
    }

    /** The name to offer for a demo's program: "balance.py". */
    public String suggestedProgramName() {
        interleave.scenario.Scenario demo = model.session().scenario();
        return (demo == null ? "program" : demo.id()) + ".py";
    }

    /** A file name to offer: "balance-seed0.trace" or ".png". */
    public String suggestedName(String extension) {
        Trace t = model.session().trace();
        String base = t == null ? "interleave" : t.header().scenario() + "-seed" + t.header().seed();
        return base.toLowerCase(Locale.ROOT) + extension;
    }
}
