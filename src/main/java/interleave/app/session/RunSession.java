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
    public enum Status { IDLE, PAUSED, PLAYING, WAITING, FINISHED, DEADLOCK, STOPPED }

    /** Speeds the slider offers, in steps per second; the last one means full speed. */
    public static final double[] SPEEDS = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 5000, Double.POSITIVE_INFINITY};
    /** The most events the analyzer digests per frame, so a frame stays short at full speed. */
    static final long EVENTS_PER_FRAME = 400_000;

    private final ReadOnlyObjectWrapper<Status> status = new ReadOnlyObjectWrapper<>(Status.IDLE);
    private final ObjectProperty<Double> speed = new SimpleObjectProperty<>(10.0);
    private final LongProperty frame = new SimpleLongProperty();
    private ScenarioRun run;
    private LoadedTrace loaded;
    private TraceAnalyzer analyzer;
    private Scenario scenario;
    private Map<String, Object> params = new LinkedHashMap<>();
    private RunSettings settings = RunSettings.DEFAULT;
    private boolean playing;
    private double owedSteps;
    private long stepsIssued;
    private long lastPulse;

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
        status.set(Status.IDLE);
        frame.set(frame.get() + 1);
    }

    private void ensureRun() {
        if (run == null && loaded == null && scenario != null) {
            run = ScenarioRun.start(scenario, params, settings, new RunControl(true, true));
            analyzer = new TraceAnalyzer(run.trace());
            stepsIssued = 0;
            owedSteps = 0;
        }
    }

    private boolean over() {
        return loaded != null || run != null && run.done();
    }

    // ---- a saved run, opened from a file ----

    /**
     * Reads a saved run's events into a fresh analyzer. Throws IllegalArgumentException when they do not make
     * a consistent run (a damaged file); nothing in the session changes.
     */
    public static TraceAnalyzer analyzed(LoadedTrace file) {
        TraceAnalyzer a = new TraceAnalyzer(file.trace());
        try {
            a.update();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the events do not make a consistent run (" + e + ")", e);
        }
        return a;
    }

    /** Shows a saved run instead of a live one; see {@link #open(LoadedTrace, TraceAnalyzer)}. */
    public void open(LoadedTrace file) {
        open(file, analyzed(file));
    }

    /**
     * Shows a saved run (already {@link #analyzed}) instead of a live one: trace() and analyzer() are the file's,
     * the status is the recorded one (FINISHED, DEADLOCK, or STOPPED for a run saved before its end), scenario()
     * is the demo the header names if this build has it (so the code view and sentences work), and there is no
     * ScenarioRun: Play and Step do nothing until the next prepare (Reset).
     */
    public void open(LoadedTrace file, TraceAnalyzer analyzed) {
        stop();
        Scenario named = interleave.scenario.Scenarios.byId(file.trace().header().scenario()).orElse(null);
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
        playing = false;
        TraceOutcome o = file.outcome();
        String recorded = o != null ? o.status() : analyzed.deadlock() != null ? TraceOutcome.DEADLOCK : "";
        status.set(switch (recorded) {
            case TraceOutcome.FINISHED -> Status.FINISHED;
            case TraceOutcome.DEADLOCK -> Status.DEADLOCK;
            default -> Status.STOPPED;
        });
        frame.set(frame.get() + 1);
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
        if (over()) {
            return;
        }
        ensureRun();
        if (run == null) {
            return;
        }
        playing = true;
        if (fullSpeed()) {
            run.control().resume();
        }
        status.set(Status.PLAYING);
    }

    public void pause() {
        playing = false;
        if (run != null && !over()) {
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

    /** Exactly one scheduling point, then paused. */
    public void step() {
        if (over()) {
            return;
        }
        ensureRun();
        if (run == null) {
            return;
        }
        playing = false;
        run.control().step();
        stepsIssued++;
        status.set(Status.PAUSED);
    }

    public void runToEnd() {
        speed.set(Double.POSITIVE_INFINITY);
        play();
    }

    /** Stops the run and prepares a fresh one with the same choices. */
    public void reset() {
        prepare(scenario, params, settings);
    }

    public void stop() {
        playing = false;
        if (run != null && !over()) {
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
        if (run != null && !over()) {
            run.setParam(name, value);
        }
    }

    public void fire(String action) {
        ensureRun();
        if (run != null && !over()) {
            run.fire(action);
        }
    }

    /** Sim mode: the teacher picks the thread that runs next. */
    public void pick(int threadId) {
        if (run != null && !over()) {
            run.control().pick(threadId);
        }
    }

    private boolean fullSpeed() {
        return Double.isInfinite(speed.get());
    }

    public void setSpeed(double stepsPerSecond) {
        speed.set(stepsPerSecond);
        if (playing && run != null && !over()) {
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
        return any && !run.scenario().actions().isEmpty();
    }

    /** Once per frame: pace the run, pull new events, update the status. Returns true if anything changed. */
    public boolean pulse(long nowNanos) {
        double dt = lastPulse == 0 ? 0 : Math.min(0.25, (nowNanos - lastPulse) / 1e9);
        lastPulse = nowNanos;
        if (run == null) {
            return false;
        }
        if (playing && !fullSpeed() && !over()) {
            owedSteps += speed.get() * dt;
            long points = run.trace().pointCount();
            if (stepsIssued < points) {
                stepsIssued = points; // it ran freely before: count from here
            }
            long backlog = stepsIssued - points;
            int n = (int) Math.min(owedSteps, 10_000);
            if (n > 0 && backlog < Math.max(2, n)) {
                for (int i = 0; i < n; i++) {
                    run.control().step();
                }
                stepsIssued += n;
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
