package interleave.app;

import interleave.app.session.EventSentences;
import interleave.app.session.RunSession;
import interleave.app.theme.CanvasTheme;
import interleave.app.timeline.TimelineViewModel;
import javafx.animation.AnimationTimer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Everything the views share and that outlives them (a language switch rebuilds the views): the run
 * session, the UI language, the canvas theme, the timeline's viewport, presentation settings, and the one
 * AnimationTimer that pulls the trace and then lets every view redraw what is dirty, once per frame.
 */
public final class AppModel {
    public interface FrameListener {
        /** Called once per frame; {@code dataChanged} is true when the trace or the status changed. */
        void onFrame(boolean dataChanged);
    }

    private final I18n i18n;
    private final RunSession session = new RunSession();
    private final CanvasTheme theme = new CanvasTheme();
    private final EventSentences sentences;
    private final interleave.app.session.StoryModel story = new interleave.app.session.StoryModel(session);
    private final TimelineViewModel timeline = new TimelineViewModel();
    private final List<FrameListener> listeners = new CopyOnWriteArrayList<>();
    private final BooleanProperty presenting = new SimpleBooleanProperty(false);
    private final BooleanProperty highContrast = new SimpleBooleanProperty(false);
    private final DoubleProperty textScale = new SimpleDoubleProperty(1.0);
    private final StringProperty message = new SimpleStringProperty("");
    private final interleave.app.picker.PickerViewModel picker;
    private final interleave.app.editor.EditorViewModel editor;
    private final interleave.app.picker.ProgramInputViewModel programInput;
    private final interleave.app.files.RecentFilesViewModel recent;
    private final AnimationTimer timer;
    private Object lastAnalyzer;
    private boolean memoryNoticeGiven;
    private boolean viewsRebuilt;
    private long lastFrame = -1;

    public AppModel(Locale locale) {
        this(locale, interleave.app.files.RecentFilesStore.forThisUser(), interleave.app.files.ProgramLoader.PYTHON);
    }

    /** With the recent-files store and the program loader given (tests: a store in a temporary folder). */
    public AppModel(Locale locale, interleave.app.files.RecentFilesStore recentStore,
                    interleave.app.files.ProgramLoader loader) {
        this.i18n = new I18n(locale);
        this.sentences = new EventSentences(i18n);
        this.picker = new interleave.app.picker.PickerViewModel(session, i18n, message);
        this.editor = new interleave.app.editor.EditorViewModel(i18n, loader);
        this.programInput = new interleave.app.picker.ProgramInputViewModel(i18n, loader, message);
        this.recent = new interleave.app.files.RecentFilesViewModel(recentStore, i18n);
        picker.selectedProperty().addListener((o, a, s) -> {
            programInput.show(s);
            editor.selectionChanged(s instanceof interleave.program.PythonProgram p ? p.file() : null);
        });
        this.timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulse(now);
            }
        };
    }

    public void startPulses() {
        timer.start();
    }

    public void stopPulses() {
        timer.stop();
    }

    /** One frame: the session pulls new events, then each view redraws if it needs to. */
    void pulse(long now) {
        boolean changed = session.pulse(now);
        long frame = session.frameProperty().get();
        if (frame != lastFrame) { // a command moved the session (a step back, the time cursor, a reset)
            lastFrame = frame;
            changed = true;
        }
        if (session.analyzer() != lastAnalyzer) { // a new run, or a saved one opened (no ScenarioRun)
            lastAnalyzer = session.analyzer();
            timeline.setAnalyzer(session.analyzer());
            if (session.loaded() != null) {
                timeline.fit(); // a saved run is shown whole
            }
            sentences.setScenario(session.scenario());
            changed = true;
        }
        if (viewsRebuilt) { // new views (a language switch) must show the current state at once, paused or not
            viewsRebuilt = false;
            changed = true;
        }
        if (changed && session.run() != null && session.run().kernel().stoppedForMemory() && !memoryNoticeGiven) {
            memoryNoticeGiven = true;
            message.set(i18n.fmt("message.memoryFull", i18n.count(session.trace().size()),
                    String.valueOf(Runtime.getRuntime().maxMemory() / (1024 * 1024)),
                    String.valueOf(interleave.trace.EventBudget.moreMemoryGigabytes())));
        } else if (session.run() == null) {
            memoryNoticeGiven = false;
        }
        if (changed) {
            timeline.tick();
        }
        for (FrameListener l : listeners) {
            try {
                l.onFrame(changed);
            } catch (RuntimeException e) {
                // one view's failure must not freeze the others (or the next frames): report it, keep going
                reportViewFailure(e);
            }
        }
    }

    private final java.util.Set<String> reportedFailures = new java.util.HashSet<>();

    private void reportViewFailure(RuntimeException e) {
        StackTraceElement where = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
        if (reportedFailures.add(e.getClass().getName() + where)) {
            System.err.println("interleave: a view failed to draw (" + e + " at " + where + "); the others go on");
        }
    }

    public void addFrameListener(FrameListener l) {
        listeners.add(l);
    }

    public void clearFrameListeners() {
        listeners.clear();
        viewsRebuilt = true;
    }

    public I18n i18n() {
        return i18n;
    }

    public RunSession session() {
        return session;
    }

    public CanvasTheme theme() {
        return theme;
    }

    /** Held reads, thread-local values and mid-run parameter changes of the current run. */
    public interleave.app.session.StoryModel story() {
        return story;
    }

    public EventSentences sentences() {
        return sentences;
    }

    public TimelineViewModel timeline() {
        return timeline;
    }

    public BooleanProperty presentingProperty() {
        return presenting;
    }

    public BooleanProperty highContrastProperty() {
        return highContrast;
    }

    public DoubleProperty textScaleProperty() {
        return textScale;
    }

    /** A one-line message for the user (e.g. why a run did not start). */
    public StringProperty messageProperty() {
        return message;
    }

    public interleave.app.picker.PickerViewModel picker() {
        return picker;
    }

    /** The editor of the selected Python program (its text outlives the views). */
    public interleave.app.editor.EditorViewModel editor() {
        return editor;
    }

    /** The "Program input" box: the answers a Python program's input() calls get. */
    public interleave.app.picker.ProgramInputViewModel programInput() {
        return programInput;
    }

    /** File > Open Recent. */
    public interleave.app.files.RecentFilesViewModel recent() {
        return recent;
    }

    /**
     * A Python program loaded again (after an edit, or with new input() answers) replaces the one selected: the
     * run is reset to it, with the scheduler settings as they are.
     */
    public void runReloaded(interleave.scenario.Scenario program) {
        picker.replaceProgram(program);
        if (program instanceof interleave.program.PythonProgram p) {
            recent.add(p.file());
        }
    }

    /**
     * Makes sure a run is prepared from the form; false (and a message) if the form has errors, or if the program
     * in the editor cannot run: the run would be of other code than the one on screen.
     */
    public boolean ensurePrepared() {
        if (editorShowsAnError()) {
            messageProperty().set(i18n.get("editor.fixFirst"));
            return false;
        }
        if (session.run() != null || session.loaded() != null) {
            return true; // a live run, or an opened file (Reset leaves it)
        }
        return picker.apply();
    }

    /** The editor is open on a program that cannot run: no run may start from the code behind it. */
    private boolean editorShowsAnError() {
        return editor.editing() && !editor.errorText().isEmpty();
    }

    /** Play; on a run that has ended (or a saved one), plays the recording again from its start. */
    public void play() {
        if (session.ended() && !session.inPast() && !editorShowsAnError()) {
            session.playFromStart();
            return;
        }
        if (ensurePrepared()) {
            session.play();
        }
    }

    public void togglePlay() {
        if (session.playing()) {
            session.pause();
        } else {
            play();
        }
    }

    public void step() {
        if (ensurePrepared()) {
            session.step();
        }
    }

    /** Back one scheduling point: every panel but the timeline shows the moment before. */
    public void stepBack() {
        session.stepBack();
    }

    /** From a moment in the past back to the newest one. */
    public void goLive() {
        session.goLive();
    }

    public void runToEnd() {
        if (ensurePrepared()) {
            session.runToEnd();
        }
    }

    /** Stops the run and prepares a fresh one from the form as it is now. */
    public void reset() {
        session.stop();
        picker.apply();
    }
}
