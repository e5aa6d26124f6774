package interleave.app.picker;

import interleave.app.I18n;
import interleave.app.editor.PythonSyntax;
import interleave.app.files.ProgramLoader;
import interleave.program.PythonProgram;
import interleave.scenario.Scenario;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "Program input" box of a Python program that reads input(): one answer per line, given to its input()
 * calls in order (then EOFError, as at the end of a file). The answers are part of the loaded program, so every
 * run and every replay of it gets the same ones; applying new answers loads the program again and resets the run.
 */
public final class ProgramInputViewModel {
    private static final Pattern CALL = Pattern.compile("\\b(?:raw_)?input\\s*\\(");

    private final I18n i18n;
    private final ProgramLoader loader;
    private final StringProperty message;
    private final BooleanProperty visible = new SimpleBooleanProperty(false);
    private final StringProperty text = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper changed = new ReadOnlyBooleanWrapper(false);
    private final StringProperty error = new SimpleStringProperty("");
    private PythonProgram program;

    public ProgramInputViewModel(I18n i18n, ProgramLoader loader, StringProperty message) {
        this.i18n = i18n;
        this.loader = loader;
        this.message = message;
        text.addListener((o, a, b) -> changed.set(program != null && !answers(b).equals(program.answers())));
    }

    /** Shown only for a Python program that calls input() (or Python 2's raw_input()). */
    public BooleanProperty visibleProperty() {
        return visible;
    }

    /** The answers as typed, one per line. */
    public StringProperty textProperty() {
        return text;
    }

    /** True while the box says something the loaded program does not use yet (Apply is then worth pressing). */
    public ReadOnlyBooleanProperty changedProperty() {
        return changed.getReadOnlyProperty();
    }

    /** Why the answers could not be applied ("" otherwise). */
    public StringProperty errorProperty() {
        return error;
    }

    /** The picker chose a scenario: the box shows that program's answers, or goes away. */
    public void show(Scenario s) {
        program = s instanceof PythonProgram p ? p : null;
        error.set("");
        visible.set(program != null && asksForInput(program.python()));
        text.set(program == null ? "" : String.join("\n", program.answers()));
        changed.set(false);
    }

    /**
     * The program loaded again with the box's answers (the caller makes it the selected one, which resets the run),
     * or null with the reason in the box's error.
     */
    public Scenario apply() {
        if (program == null) {
            return null;
        }
        try {
            Scenario reloaded = loader.load(program.file(), answers(text.get()));
            error.set("");
            return reloaded;
        } catch (IllegalArgumentException e) { // the file changed on disk and no longer runs, or Python went away
            error.set(i18n.fmt("files.error.program", e.getMessage()));
            message.set(error.get());
            return null;
        }
    }

    /** The answers the program would get now: the box's, for the program it shows; else the program's own. */
    public List<String> answersFor(Scenario s) {
        if (s != null && s == program) {
            return answers(text.get());
        }
        return s instanceof PythonProgram p ? p.answers() : List.of();
    }

    /**
     * One answer per line, in order. An empty line is an answer (the empty string, as pressing Enter gives); a
     * final line end does not start another one.
     */
    public static List<String> answers(String typed) {
        if (typed == null || typed.isEmpty()) {
            return List.of();
        }
        String t = typed.replace("\r\n", "\n").replace('\r', '\n');
        if (t.endsWith("\n")) {
            t = t.substring(0, t.length() - 1);
        }
        return List.of(t.split("\n", -1));
    }

    /** True if the program calls input() or raw_input() in its code (a mention in a comment or string is not a call). */
    public static boolean asksForInput(String source) {
        if (source == null) {
            return false;
        }
        List<int[]> quiet = new ArrayList<>();
        for (PythonSyntax.Token t : PythonSyntax.tokens(source)) {
            if (t.style().equals(PythonSyntax.COMMENT) || t.style().equals(PythonSyntax.STRING)) {
                quiet.add(new int[] {t.start(), t.end()});
            }
        }
        Matcher m = CALL.matcher(source);
        while (m.find()) {
            int at = m.start();
            boolean inside = quiet.stream().anyMatch(r -> at >= r[0] && at < r[1]);
            boolean attribute = at > 0 && source.charAt(at - 1) == '.'; // obj.input(...) is someone else's method
            if (!inside && !attribute) {
                return true;
            }
        }
        return false;
    }
}
