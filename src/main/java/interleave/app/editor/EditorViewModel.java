package interleave.app.editor;

import interleave.app.I18n;
import interleave.app.files.ProgramLoader;
import interleave.program.LoadCause;
import interleave.program.ProgramLoadException;
import interleave.scenario.Scenario;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.io.IOException;
import interleave.program.PythonSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The editor of the user's own Python program: the text being edited, whether it differs from the file on disk,
 * saving it (UTF-8, only when asked), "Save and run" (a reload of the program from the saved file) and the line
 * and message of a program that cannot run. It outlives the views (a language switch rebuilds them), so unsaved
 * edits survive that too; leaving it with unsaved edits asks {@link Confirm} first.
 */
public final class EditorViewModel {
    /** The user's answer to "save your changes?". */
    public enum Choice { SAVE, DISCARD, CANCEL }

    /** Asks the user what to do with unsaved changes to the named file (a dialog in the app, a stub in tests). */
    @FunctionalInterface
    public interface Confirm {
        Choice ask(String fileName);
    }

    private final I18n i18n;
    private final ProgramLoader loader;
    private final BooleanProperty editing = new SimpleBooleanProperty(false);
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    private final StringProperty text = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(false);
    private final IntegerProperty errorLine = new SimpleIntegerProperty(0);
    private final StringProperty errorMessage = new SimpleStringProperty("");
    private LoadCause errorCause; // the error message's cause in fields, worded in the UI language; or null
    private final StringProperty notice = new SimpleStringProperty("");
    private String savedText = "";
    private String lineSeparator = "\n";
    /** The file as it was read or last saved: its byte order mark, which a save keeps. */
    private PythonSource encoding = new PythonSource("", StandardCharsets.UTF_8, null, false);
    private boolean savedSinceRun; // saved, not yet run: the run still uses the code as it was loaded
    private Confirm confirm = name -> Choice.CANCEL; // until a view gives a real one: never lose anything

    public EditorViewModel(I18n i18n, ProgramLoader loader) {
        this.i18n = i18n;
        this.loader = loader;
        text.addListener((o, a, b) -> updateDirty());
    }

    private void updateDirty() {
        dirty.set(editing.get() && !savedText.equals(text.get()));
    }

    public BooleanProperty editingProperty() {
        return editing;
    }

    public boolean editing() {
        return editing.get();
    }

    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    /** The text in the editor, with "\n" line ends whatever the file uses. */
    public StringProperty textProperty() {
        return text;
    }

    /** True while the editor holds changes the file on disk does not have. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public boolean dirty() {
        return dirty.get();
    }

    /** The 1-based line the last failed run is about (0: none): the editor marks it. */
    public IntegerProperty errorLineProperty() {
        return errorLine;
    }

    /** Why the program could not run or be saved, one line ("" when all is well). */
    public StringProperty errorMessageProperty() {
        return errorMessage;
    }

    /**
     * The message as the editor shows it beside the marked line: it names the line ("Line 4: ...") unless it
     * already does (CPython's "SyntaxError at line 4: ..."); "" when all is well.
     */
    public String errorText() {
        String message = errorMessage.get();
        int line = errorLine.get();
        if (!message.isEmpty() && errorCause != null && file.get() != null) { // as the load said it: "prog.py: ..."
            return name(file.get()) + ": " + interleave.app.picker.LoadProblem.inUiLanguage(i18n, errorCause);
        }
        if (message.isEmpty() || line <= 0
                || message.toLowerCase(java.util.Locale.ROOT).contains("line " + line)) {
            return message;
        }
        return i18n.fmt("editor.errorAt", String.valueOf(line), message);
    }

    /** A short note after an action ("Saved."), "" otherwise. */
    public StringProperty noticeProperty() {
        return notice;
    }

    public void setConfirm(Confirm confirm) {
        this.confirm = confirm;
    }

    /**
     * Starts editing a file, read from disk as it is now. The same file already open keeps its unsaved edits.
     * False (and the error message) if it cannot be read.
     */
    public boolean open(Path path) {
        Path abs = path.toAbsolutePath();
        if (editing.get() && abs.equals(file.get())) {
            return true;
        }
        PythonSource source;
        try {
            source = PythonSource.read(abs); // in its own encoding, as CPython reads it; saved back in it
        } catch (PythonSource.NotText e) {
            setError(notText(abs, e), null);
            return false;
        } catch (java.nio.file.NoSuchFileException e) {
            setError(i18n.fmt("editor.error.missing", name(abs)), null);
            return false;
        } catch (IOException e) {
            setError(i18n.fmt("editor.error.read", name(abs), reason(e)), null);
            return false;
        }
        String read = source.text();
        encoding = source;
        lineSeparator = read.contains("\r\n") ? "\r\n" : "\n";
        savedText = read.replace("\r\n", "\n");
        file.set(abs);
        savedSinceRun = false;
        errorLine.set(0);
        setError("", null);
        notice.set("");
        editing.set(true);
        text.set(savedText);
        updateDirty();
        return true;
    }

    /** Why a file cannot be edited: a line that is not text in its encoding, or an encoding we do not know. */
    private String notText(Path file, PythonSource.NotText e) {
        if (e.problem() == PythonSource.NotText.Problem.UNKNOWN_ENCODING) {
            return i18n.fmt("editor.error.unknownEncoding", name(file), e.encoding());
        }
        return e.declared() ? i18n.fmt("editor.error.notDeclaredText", name(file), String.valueOf(e.line()), e.encoding())
                : i18n.fmt("editor.error.notUtf8", name(file), String.valueOf(e.line()));
    }

    /**
     * A file that was opened but cannot run (File > Open of a program with a syntax error): the editor opens on it
     * with the line marked and the message beside it, so it can be fixed and run from here. False if the file
     * cannot be read.
     */
    public boolean openWithError(Path path, ProgramLoadException e) {
        if (!open(path)) {
            return false;
        }
        showError(e);
        return true;
    }

    private void showError(ProgramLoadException e) {
        setError(e.getMessage(), e.problem().orElse(null));
        errorLine.set(e.line());
    }

    /** The error message, and its cause in fields where the load gave one (null: the message as it is). */
    private void setError(String message, LoadCause cause) {
        errorCause = cause;
        errorMessage.set(message);
    }

    /**
     * Writes the text to the file, in the encoding the text declares (UTF-8 unless its first lines declare another,
     * as python3 will read it) and with the file's own line ends; false and the message if it cannot (a character
     * the encoding cannot hold, an encoding we cannot write: the file is left as it was).
     */
    public boolean save() {
        Path f = file.get();
        if (!editing.get() || f == null) {
            return false;
        }
        String now = text.get();
        try {
            PythonSource saved = encoding.forText(now.replace("\n", lineSeparator), name(f));
            Files.write(f, saved.bytes(name(f)));
            encoding = saved;
        } catch (PythonSource.NotText e) {
            setError(switch (e.problem()) {
                case UNKNOWN_ENCODING -> i18n.fmt("editor.error.saveEncoding", name(f), e.encoding());
                case CANNOT_HOLD -> e.declared()
                        ? i18n.fmt("editor.error.cannotHold", name(f), String.valueOf(e.line()), e.encoding())
                        : i18n.fmt("editor.error.cannotHoldUtf8", name(f), String.valueOf(e.line()));
                default -> i18n.fmt("editor.error.save", name(f), e.getMessage());
            }, null);
            return false;
        } catch (IOException e) {
            setError(i18n.fmt("editor.error.save", name(f), reason(e)), null);
            return false;
        }
        savedText = now;
        savedSinceRun = true;
        updateDirty();
        notice.set(i18n.fmt("editor.saved", name(f)));
        if (errorLine.get() == 0) {
            setError("", null);
        }
        return true;
    }

    /**
     * Saves, then loads the saved program with these input() answers. The new program (which the caller makes the
     * selected one, resetting the run) and the editor closes; or null, with the file's line marked and the one-line
     * message set, and the editor stays open.
     */
    public Scenario saveAndRun(List<String> answers) {
        if (!save()) {
            return null;
        }
        try {
            Scenario program = loader.load(file.get(), answers);
            savedSinceRun = false;
            errorLine.set(0);
            setError("", null);
            close();
            return program;
        } catch (ProgramLoadException e) {
            showError(e);
            notice.set("");
            return null;
        } catch (IllegalArgumentException e) { // another reason the program cannot start (no Python)
            errorLine.set(0);
            setError(e.getMessage(), null);
            notice.set("");
            return null;
        }
    }

    /** Goes back to the "as it runs" view; unsaved edits are dropped (ask {@link #mayLeave()} first). */
    public void close() {
        editing.set(false);
        file.set(null);
        savedText = "";
        text.set("");
        errorLine.set(0);
        setError("", null);
        notice.set("");
        updateDirty();
    }

    /**
     * Before anything that would drop the editor's text (another demo or file, closing the editor or the window):
     * true if there is nothing to lose, or the user chose to save (and it worked) or to discard; false if the
     * user cancelled or the save failed, and the caller must not go on.
     */
    public boolean mayLeave() {
        if (!dirty()) {
            return true;
        }
        return switch (confirm.ask(name(file.get()))) {
            case SAVE -> save();
            case DISCARD -> {
                text.set(savedText);
                yield true;
            }
            case CANCEL -> false;
        };
    }

    /**
     * Closes the editor, asking first if it holds unsaved edits; false if the user cancelled. A file saved but not
     * yet run is run now (the code view must show the code that runs): the new program is handed to
     * {@code runIt}; if it cannot run, the editor stays open with its line marked (and false).
     */
    public boolean closeAsking(List<String> answers, java.util.function.Consumer<Scenario> runIt) {
        if (!mayLeave()) {
            return false;
        }
        if (savedSinceRun) {
            Scenario program = saveAndRun(answers);
            if (program == null) {
                return false;
            }
            runIt.accept(program);
            return true;
        }
        close();
        return true;
    }

    /** True when the file was saved since the program was last loaded: the run does not use those changes yet. */
    public boolean savedSinceRun() {
        return savedSinceRun;
    }

    /** The selected scenario changed: an editor open on another file closes (its edits were dealt with first). */
    public void selectionChanged(Path programFile) {
        if (editing.get() && (programFile == null || !programFile.toAbsolutePath().equals(file.get()))) {
            close();
        }
    }

    private static String name(Path p) {
        return p == null ? "" : String.valueOf(p.getFileName());
    }

    private String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return i18n.get("files.reason.denied");
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return i18n.get("files.reason.noFolder");
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
