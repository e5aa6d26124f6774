package interleave.app.session;

import interleave.engine.RunControl;
import interleave.engine.RunOutcome;
import interleave.engine.RunSettings;
import interleave.scenario.ParamException;
import interleave.scenario.Scenario;
import interleave.scenario.ScenarioRun;
import interleave.trace.LoadedTrace;
import interleave.trace.Trace;
import interleave.trace.TraceAnalyzer;
import interleave.trace.TraceOutcome;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The app's handle on one run. The run itself happens on engine threads; the session only sends them
 * commands (none of which waits) and, once per frame from {@link #pulse}, pulls what the trace gained into an
 * incremental analyzer. Below full speed it paces the run by handing out single steps.
 */
public final class RunSession {
    /** Where the session stands, as the transport shows it. */
    public enum Status {
        IDLE, PAUSED, PLAYING, WAITING, FINISHED, DEADLOCK, STOPPED, REPLAYING;

        /** The run has ended, one way or another. */
        public boolean over() {
            return this == FINISHED || this == DEADLOCK || this == STOPPED;
        }
    }

    /** Speeds the slider offers, in steps per second; the last one means full speed. */
    public static final double[] SPEEDS = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 5000, Double.POSITIVE_INFINITY};
    /** The most events the analyzer digests per frame, so a frame stays short at full speed. */
    static final long EVENTS_PER_FRAME = 400_000;

    private final ReadOnlyObjectWrapper<Status> status = new ReadOnlyObjectWrapper<>(Status.IDLE);
    private final ObjectProperty<Double> speed = new SimpleObjectProperty<>(10.0);
    private final LongProperty frame = new SimpleLongProperty();
    private ScenarioRun run;
    private LoadedTrace loaded;
    private Status recordedStatus = Status.STOPPED;
    private TraceAnalyzer analyzer;
    private TimeCursor cursor;
    private Branch branch;
    private Scenario scenario;
    private Map<String, Object> params = new LinkedHashMap<>();
    private RunSettings settings = RunSettings.DEFAULT;
    private boolean playing;
    private double owedSteps;
    private double speedBeforeRunToEnd = Double.NaN;
    private long lastPulse;
    /** When the live run began to run at full speed without a pause (0: it is not doing so now). */
    private long fullSpeedSince;

    public ReadOnlyObjectProperty<Status> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public Status status() {
        return status.get();
    }

    public ObjectProperty<Double> speedProperty() {
        return speed;
    }

    /** Increments whenever a pulse brought new data: views redraw when it changes. */
    public LongProperty frameProperty() {
        return frame;
    }

    public ScenarioRun run() {
        return run;
    }

    public TraceAnalyzer analyzer() {
        return analyzer;
    }

    /**
     * The analyzer of the moment the views show: the live one, or, when the user has stepped back or dragged the
     * time cursor, one that has read the trace up to that moment. The timeline draws the whole run from
     * {@link #analyzer()} and marks this moment.
     */
    public TraceAnalyzer shown() {
        return cursor == null ? analyzer : cursor.shown();
    }

    /** The time cursor, or null before the first run starts. */
    public TimeCursor cursor() {
        return cursor;
    }

    /** True when the views show a moment before the live end. */
    public boolean inPast() {
        return cursor != null && !cursor.isLive();
    }

    public Trace trace() {
        return run != null ? run.trace() : loaded != null ? loaded.trace() : null;
    }

    public Scenario scenario() {
        return scenario;
    }

    /** Chooses what the next run runs; stops the current one. */
    public void prepare(Scenario scenario, Map<String, Object> params, RunSettings settings) {
        stop();
        this.scenario = scenario;
        this.params = new LinkedHashMap<>(params);
        this.settings = settings;
        run = null;
        loaded = null;
        analyzer = null;
        cursor = null;
        branch = null;
        if (!Double.isNaN(speedBeforeRunToEnd)) {
            speed.set(speedBeforeRunToEnd);
            speedBeforeRunToEnd = Double.NaN;
        }
        status.set(Status.IDLE);
        frame.set(frame.get() + 1);
    }

    private void ensureRun() {
        if (run == null && loaded == null && scenario != null) {
            run = ScenarioRun.start(scenario, params, settings, controlFor(scenario));
            analyzer = new TraceAnalyzer(run.trace());
            cursor = new TimeCursor(analyzer);
            owedSteps = 0;
        }
    }

    /** True once the run has ended (finished, deadlock or stopped), or for a saved run: Play then plays it back. */
    public boolean ended() {
        return loaded != null || run != null && run.done();
    }

    // ---- a saved run, opened from a file ----

    /** Shows a saved run instead of a live one; see {@link #open(LoadedTrace, TraceAnalyzer)}. */
    public void open(LoadedTrace file) throws interleave.trace.TraceFormatException {
        open(file, file.analyzed());
    }

    /**
     * A user is present, paused at the start. Where the scenario has actions (a button that sets an event) a run
     * whose threads all wait is waiting for the user; where it has none (a teacher's program) nothing can free
     * it, and the run says so instead of showing "running" for ever, unless a thread waits for a line typed
     * at the keyboard (input()).
     */
    private static RunControl controlFor(Scenario scenario) {
        return new RunControl(!scenario.actions().isEmpty(), true, true);
    }

    /**
     * Shows a saved run (already {@link LoadedTrace#analyzed}) instead of a live one: trace() and analyzer() are the file's,
     * the status is the recorded one (FINISHED, DEADLOCK, or STOPPED for a run saved before its end), scenario()
     * is the demo the header names if this build has it (so the code view and sentences work), and there is no
     * ScenarioRun: Play and Step do nothing until the next prepare (Reset).
     */
    public void open(LoadedTrace file, TraceAnalyzer analyzed) {
        stop();
        Scenario named = interleave.scenario.Scenarios.byId(file.trace().header().scenario()).orElse(null);
        if (named == null && file.trace().programSource() != null) { // a teacher's program: the code it ran
            named = new interleave.program.RecordedProgram(file.trace().programFile(), file.trace().programSource());
        }
        Map<String, Object> values = new LinkedHashMap<>();
        if (named != null) {
            try {
                values = interleave.scenario.Params.resolve(named, file.trace().header().params());
            } catch (ParamException e) {
                values = new LinkedHashMap<>(); // parameters from another version: the code view shows the default
            }
        }
        scenario = named;
        params = values;
        run = null;
        loaded = file;
        analyzer = analyzed;
        cursor = new TimeCursor(analyzed); // a saved run can be stepped back and scrubbed like a live one
        branch = null;
        settings = settingsOf(file.trace().header(), settings);
        playing = false;
        TraceOutcome o = file.outcome();
        String recorded = o != null ? o.status() : analyzed.deadlock() != null ? TraceOutcome.DEADLOCK : "";
        recordedStatus = switch (recorded) {
            case TraceOutcome.FINISHED -> Status.FINISHED;
            case TraceOutcome.DEADLOCK -> Status.DEADLOCK;
            default -> Status.STOPPED;
        };
        status.set(recordedStatus);
        frame.set(frame.get() + 1);
    }

    /** The schedule a saved run was made with (so a change in its past can replay it), or the fallback. */
    private static RunSettings settingsOf(interleave.trace.TraceHeader h, RunSettings fallback) {
        try {
            return new RunSettings(interleave.engine.Mode.valueOf(h.mode().toUpperCase(java.util.Locale.ROOT)),
                    h.cores(), h.quantum(),
                    interleave.engine.Policy.valueOf(h.policy().toUpperCase(java.util.Locale.ROOT)), h.seed());
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    /** The opened file's run, or null while the session shows a live run. */
    public LoadedTrace loaded() {
        return loaded;
    }

    /** The scenario's result: the live run's so far, or the one an opened file recorded (null if none). */
    public Map<String, Object> result() {
        if (run != null) {
            return run.result();
        }
        return loaded != null && loaded.outcome() != null ? loaded.outcome().result() : null;
    }

    /** What a saved file records of the run shown now: its status, result and errors, or null with no run. */
    public TraceOutcome record() {
        return run != null ? run.record() : loaded != null ? loaded.outcome() : null;
    }

    public void play() {
        if (branch != null) {
            return;
        }
        if (ended() && !inPast()) {
            return;
        }
        ensureRun();
        if (run == null && loaded == null) {
            return;
        }
        playing = true;
        if (fullSpeed() && !inPast() && run != null) {
            run.control().resume();
        }
        status.set(Status.PLAYING);
    }

    public void pause() {
        playing = false;
        if (loaded != null) {
            status.set(recordedStatus);
        }
        if (run != null && !ended()) {
            run.control().pause();
            status.set(Status.PAUSED);
        }
    }

    public void togglePlay() {
        if (playing) {
            pause();
        } else {
            play();
        }
    }

    public boolean playing() {
        return playing;
    }

    /** Exactly one scheduling point, then paused. In the past, the next recorded point is shown instead. */
    public void step() {
        if (branch != null) {
            return;
        }
        if (inPast()) {
            pause();
            cursor.forward();
            frame.set(frame.get() + 1);
            return;
        }
        if (ended()) {
            return;
        }
        ensureRun();
        if (run == null) {
            return;
        }
        playing = false;
        run.control().step();
        status.set(Status.PAUSED);
    }

    /** Runs until exactly {@code points} scheduling points are recorded, then pauses (a fixed moment to show). */
    public void runToPoint(long points) {
        if (branch != null || ended()) {
            return;
        }
        ensureRun();
        if (run != null) {
            playing = false;
            run.control().runUntilPoints(points);
            status.set(Status.PAUSED);
        }
    }

    /** Back one scheduling point from the moment shown: the run pauses and every view shows the moment before. */
    public boolean stepBack() {
        return moveCursor(TimeCursor::back);
    }

    /** Shows the run as it was at the given time (the time cursor dragged over the timeline). */
    public void seekTime(long time) {
        moveCursor(c -> {
            c.seekTime(time);
            return true;
        });
    }

    /** Pauses and moves the time cursor (not while a branch replays); false if it could not move. */
    private boolean moveCursor(java.util.function.Predicate<TimeCursor> move) {
        if (cursor == null || branch != null) {
            return false;
        }
        pause();
        boolean moved = move.test(cursor);
        frame.set(frame.get() + 1);
        return moved;
    }

    /** Back to the newest moment of the run. */
    public void goLive() {
        if (cursor != null) {
            cursor.goLive();
            frame.set(frame.get() + 1);
        }
    }

    /**
     * A change made while the views show the past starts a branch (deterministic modes): a new run replays this
     * one to the moment shown, then makes the change there. In os mode, which cannot replay, the change applies
     * to the live run. Returns true if the change was taken care of here.
     */
    private boolean branchIfInPast(java.util.function.Consumer<ScenarioRun> change) {
        return branchIfInPast(change, false);
    }

    /**
     * {@code retyping}: the change is a line typed at the keyboard, which replaces a line typed at the same moment
     * before (the moment a thread asked shows the question still open until the thread reads the answer).
     */
    private boolean branchIfInPast(java.util.function.Consumer<ScenarioRun> change, boolean retyping) {
        if (!inPast()) {
            return false;
        }
        if (!settings.mode().virtualTime()) {
            cursor.goLive();
            return false;
        }
        if (scenario == null) {
            return true; // a saved run of a demo this build does not have: nothing to replay it with
        }
        Trace past = trace();
        java.util.List<Branch.Intervention> todo = new java.util.ArrayList<>(
                Branch.recorded(past, cursor.shownEvents(), scenario, retyping ? cursor.pointsShown() : -1));
        todo.add(new Branch.Intervention(cursor.pointsShown(), change));
        Map<String, Object> startParams;
        try {
            startParams = interleave.scenario.Params.resolve(scenario, past.header().params());
        } catch (ParamException e) {
            startParams = params;
        }
        if (run != null) {
            run.stop();
        }
        loaded = null;
        playing = false;
        run = ScenarioRun.start(scenario, startParams, settings, controlFor(scenario));
        analyzer = new TraceAnalyzer(run.trace());
        cursor = new TimeCursor(analyzer);
        branch = new Branch(run, todo);
        status.set(Status.REPLAYING);
        frame.set(frame.get() + 1);
        return true;
    }

    /** Full speed for this run only: the next run plays at the speed chosen before. */
    public void runToEnd() {
        if (!fullSpeed()) {
            speedBeforeRunToEnd = speed.get();
        }
        setSpeed(Double.POSITIVE_INFINITY);
        play();
    }

    /** Plays the recorded run again from its first point (an ended run, or a saved one), at the chosen speed. */
    public void playFromStart() {
        if (cursor == null || branch != null) {
            return;
        }
        cursor.seekEvent(-1);
        frame.set(frame.get() + 1);
        play();
    }

    /** Stops the run and prepares a fresh one with the same choices. */
    public void reset() {
        prepare(scenario, params, settings);
    }

    public void stop() {
        playing = false;
        if (run != null && !ended()) {
            run.stop();
        }
    }

    public Map<String, Object> params() {
        return params;
    }

    public RunSettings settings() {
        return settings;
    }

    /** A live parameter (the balance lock): applies to the running run at its next point, and to later runs. */
    public void setParam(String name, Object value) throws ParamException {
        params.put(name, value);
        if (branchIfInPast(r -> Branch.setParam(r, name, value))) {
            return;
        }
        if (run != null && !ended()) {
            run.setParam(name, value);
        }
    }

    public void fire(String action) {
        ensureRun();
        if (branchIfInPast(r -> r.fire(action))) {
            return;
        }
        if (run != null && !ended()) {
            run.fire(action);
        }
    }

    /**
     * A line typed for input(): the first thread waiting at the keyboard reads it (or the next to ask); null ends
     * the input instead (Ctrl+D: that input() raises EOFError). Typed while the views show the past, it starts a
     * branch from there.
     */
    public void typeLine(String line) {
        ensureRun();
        if (branchIfInPast(r -> r.type(line), true)) {
            return;
        }
        if (run != null && !ended()) {
            run.type(line);
        }
    }

    /** Sim mode: the teacher picks the thread that runs next. */
    public void pick(int threadId) {
        if (branchIfInPast(r -> r.control().pick(threadId))) {
            return;
        }
        if (run != null && !ended()) {
            run.control().pick(threadId);
        }
    }

    private boolean fullSpeed() {
        return Double.isInfinite(speed.get());
    }

    public void setSpeed(double stepsPerSecond) {
        speed.set(stepsPerSecond);
        if (playing && run != null && !ended()) {
            if (fullSpeed()) {
                run.control().resume();
            } else {
                run.control().pause();
                owedSteps = 0;
            }
        }
    }

    private boolean nobodyCanRun() {
        Trace t = run.trace();
        boolean any = false;
        for (int id = 0; id < analyzer.threadLaneCount(); id++) {
            if (t.thread(id).external()) {
                continue;
            }
            interleave.trace.ThreadState s = analyzer.stateOf(id);
            if (s == interleave.trace.ThreadState.RUNNING || s == interleave.trace.ThreadState.READY
                    || s == interleave.trace.ThreadState.SLEEPING) {
                return false;
            }
            any |= s != interleave.trace.ThreadState.NEW && s != interleave.trace.ThreadState.FINISHED;
        }
        return any && (!run.scenario().actions().isEmpty() || analyzer.keyboardAwaited());
    }

    /** Moves the cursor through the recorded past at the chosen speed; true while it is still in the past. */
    private boolean playBack(double dt) {
        owedSteps = fullSpeed() ? 10_000 : owedSteps + speed.get() * dt;
        for (int n = (int) Math.min(owedSteps, 10_000); n > 0 && inPast(); n--) {
            cursor.forward();
            owedSteps--;
        }
        frame.set(frame.get() + 1);
        if (inPast()) {
            return true;
        }
        owedSteps = 0;
        return false;
    }

    /** A saved run plays back to its end, and then it is over again. */
    private boolean playBackLoaded(double dt) {
        if (!playing || !inPast()) {
            return false;
        }
        if (!playBack(dt)) {
            playing = false;
            status.set(recordedStatus);
        }
        return true;
    }

    /**
     * How long the live run has been running at full speed without a pause, in seconds (0 when it is not): a
     * program that never ends runs on until memory is full, and the window says so after a while.
     */
    public long secondsAtFullSpeed() {
        return fullSpeedSince == 0 ? 0 : (lastPulse - fullSpeedSince) / 1_000_000_000L;
    }

    /** Once per frame: pace the run, pull new events, update the status. Returns true if anything changed. */
    public boolean pulse(long nowNanos) {
        double dt = lastPulse == 0 ? 0 : Math.min(0.25, (nowNanos - lastPulse) / 1e9);
        lastPulse = nowNanos;
        boolean atFullSpeed = run != null && playing && fullSpeed() && !inPast() && !ended() && branch == null;
        fullSpeedSince = !atFullSpeed ? 0 : fullSpeedSince == 0 ? nowNanos : fullSpeedSince;
        if (run == null) {
            return loaded != null && playBackLoaded(dt);
        }
        if (branch != null) {
            analyzer.update(EVENTS_PER_FRAME);
            if (branch.advance()) {
                branch = null;
                status.set(run.done() ? status.get() : Status.PAUSED);
            }
            frame.set(frame.get() + 1);
            if (branch != null) {
                return true;
            }
        }
        if (playing && inPast()) {
            // playing from the past shows the recorded points at the chosen speed, then carries on live
            if (playBack(dt)) {
                return true;
            }
            if (ended()) {
                playing = false;
            } else if (fullSpeed()) {
                run.control().resume();
            }
        }
        if (playing && !fullSpeed() && !ended()) {
            owedSteps += speed.get() * dt;
            int n = (int) Math.min(owedSteps, 10_000);
            // Hand out more only when the engine has taken what it was given; steps it has not taken yet are
            // counted by the control itself (a step need not record a point, e.g. a thread waking from a sleep)
            if (n > 0 && run.control().pendingSteps() < Math.max(2, n)) {
                for (int i = 0; i < n; i++) {
                    run.control().step();
                }
            }
            owedSteps -= n;
        }
        long fresh = analyzer.update(EVENTS_PER_FRAME);
        RunOutcome outcome = run.outcome();
        Status next = status.get();
        if (outcome != null && analyzer.processed() == run.trace().size()) {
            playing = false;
            next = switch (outcome.status()) {
                case FINISHED -> Status.FINISHED;
                case DEADLOCK -> Status.DEADLOCK;
                case STOPPED -> Status.STOPPED;
            };
        }
        if (outcome == null && playing && analyzer.processed() == run.trace().size() && nobodyCanRun()) {
            next = Status.WAITING; // every thread waits for something only the user can do (an action)
        } else if (outcome == null && playing && next == Status.WAITING) {
            next = Status.PLAYING;
        }
        boolean changed = fresh > 0 || next != status.get();
        status.set(next);
        if (changed) {
            frame.set(frame.get() + 1);
        }
        return changed;
    }
}
