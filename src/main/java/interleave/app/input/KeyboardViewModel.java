package interleave.app.input;

import interleave.app.I18n;
import interleave.trace.Trace;
import interleave.trace.TraceAnalyzer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;

import java.util.function.Consumer;

/**
 * The keyboard bar: while a thread of the moment shown waits in input() for a line, it says who asks and with
 * which prompt, and sends what the user types to the run (Enter or Send; Ctrl+D ends the input). A line typed at a moment in the past
 * starts a branch from there, as every other change does.
 */
public final class KeyboardViewModel {
    private final I18n i18n;
    private final Consumer<String> typeLine;
    private final ReadOnlyBooleanWrapper visible = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper question = new ReadOnlyStringWrapper("");
    private final StringProperty text = new SimpleStringProperty("");
    /** The request answered last, so that the bar does not ask again while the run takes the line in. */
    private long answered = -1;
    private long asking = -1;

    public KeyboardViewModel(I18n i18n, Consumer<String> typeLine) {
        this.i18n = i18n;
        this.typeLine = typeLine;
    }

    public ReadOnlyBooleanProperty visibleProperty() {
        return visible.getReadOnlyProperty();
    }

    /** "MainThread asks: Press Enter to set the event" */
    public ReadOnlyStringProperty questionProperty() {
        return question.getReadOnlyProperty();
    }

    /** What the user is typing. */
    public StringProperty textProperty() {
        return text;
    }

    /**
     * Once per changed frame: the moment shown, or null with nothing to show; {@code accepting}: a line typed now
     * can reach a run (not one that has ended, a saved one, or one replaying to a change); {@code past}: the moment
     * shown is in the past, where a line typed replaces those typed at that moment before (a branch), so the
     * question they answered shows again.
     */
    public void show(TraceAnalyzer shown, boolean accepting, boolean past) {
        long request = shown == null || !accepting ? -1
                : past ? shown.keyboardRequestToRetype() : shown.keyboardRequest();
        if (request != asking) {
            answered = -1; // a new question (or a branch asking the same one again)
        }
        asking = request;
        boolean asks = request >= 0 && request != answered;
        if (asks) {
            Trace t = shown.trace();
            String who = t.thread(t.thread(request)).name();
            String prompt = t.string(t.value(request)).strip();
            question.set(prompt.isEmpty() ? i18n.fmt("keyboard.asks", who)
                    : i18n.fmt("keyboard.asksWithPrompt", who, prompt));
        }
        visible.set(asks);
    }

    /** Enter or Send: the line goes to the run, and the bar hides until a thread asks again. */
    public void send() {
        String line = text.get() == null ? "" : text.get();
        answer(line.replace("\r", "").replace("\n", " "));
    }

    /**
     * Ctrl+D in an empty field, as at a terminal: the input ends, and the input() that asked raises EOFError.
     * With something typed it does nothing (Enter sends that).
     */
    public void endInput() {
        if (text.get() == null || text.get().isEmpty()) {
            answer(null);
        }
    }

    private void answer(String lineOrEnd) {
        if (!visible.get()) {
            return;
        }
        answered = asking;
        visible.set(false);
        text.set("");
        typeLine.accept(lineOrEnd);
    }
}
