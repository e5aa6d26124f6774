package interleave.scenario;

import interleave.engine.Command;
import interleave.engine.Kernel;
import interleave.engine.RunControl;
import interleave.engine.RunOutcome;
import interleave.engine.RunSettings;
import interleave.trace.Trace;
import interleave.trace.TraceHeader;
import interleave.trace.TraceOutcome;

import java.util.Map;

/** One run of a scenario: its kernel, trace and control, and its result once it is over. */
public final class ScenarioRun {
    private final Scenario scenario;
    private final RunSettings settings;
    private final Trace trace;
    private final Kernel kernel;
    private final ScenarioContext context;

    private ScenarioRun(Scenario scenario, Map<String, Object> params, RunSettings settings, RunControl control) {
        this.scenario = scenario;
        this.settings = settings;
        this.trace = new Trace(new TraceHeader(scenario.id(), settings.mode().id(), settings.cores(),
                settings.quantum(), settings.policy().id(), settings.seed(), Params.format(scenario, params),
                settings.mode().virtualTime() ? "tick" : "ns"));
        scenario.program().ifPresent(p -> trace.recordProgram(p.file(), p.source()));
        this.kernel = Kernel.create(trace, settings, control);
        this.context = new ScenarioContext(kernel, params, scenario.anchors(params));
    }

    /** Starts the scenario on its MainThread and returns at once. Params must come from {@link Params#resolve}. */
    public static ScenarioRun start(Scenario scenario, Map<String, Object> params, RunSettings settings,
                                    RunControl control) {
        ScenarioRun run = new ScenarioRun(scenario, params, settings, control);
        run.kernel.start(() -> scenario.main(run.context));
        return run;
    }

    /** Runs to the end without a user: headless, not paused. */
    public static ScenarioRun runToEnd(Scenario scenario, Map<String, Object> params, RunSettings settings)
            throws InterruptedException {
        ScenarioRun run = start(scenario, params, settings, RunControl.headless());
        run.kernel.awaitOutcome();
        run.kernel.awaitTermination(10_000);
        return run;
    }

    public Scenario scenario() {
        return scenario;
    }

    public RunSettings settings() {
        return settings;
    }

    public Trace trace() {
        return trace;
    }

    public Kernel kernel() {
        return kernel;
    }

    public RunControl control() {
        return kernel.control();
    }

    public ScenarioContext context() {
        return context;
    }

    public RunOutcome outcome() {
        return kernel.outcomeNow();
    }

    /** How the run stands, as a trace file records it: status ("running" if not over), result and errors. */
    public TraceOutcome record() {
        RunOutcome o = outcome();
        String status = o == null ? TraceOutcome.RUNNING : o.status().name().toLowerCase(java.util.Locale.ROOT);
        return new TraceOutcome(status, result(), o == null ? java.util.List.of() : o.errors());
    }

    public boolean done() {
        return kernel.done();
    }

    /** The result so far (final once the run is over). */
    public Map<String, Object> result() {
        return scenario.result(context);
    }

    /** Changes a live parameter; it takes effect at the run's next scheduling point. */
    public void setParam(String name, Object value) throws ParamException {
        ParamSpec spec = scenario.param(name);
        if (spec == null) {
            throw ParamException.unknown(scenario, name);
        }
        if (!spec.live()) {
            throw new ParamException(name + " cannot change while the scenario runs", "notLive", name);
        }
        int index = scenario.params().indexOf(spec);
        control().submit(new Command(Command.Kind.PARAM, index, spec.encode(value),
                () -> context.setParam(name, value)));
    }

    /** Fires a scenario action at the next scheduling point. */
    public void fire(String action) {
        int index = -1;
        for (int i = 0; i < scenario.actions().size(); i++) {
            if (scenario.actions().get(i).name().equals(action)) {
                index = i;
            }
        }
        if (index < 0) {
            throw new IllegalArgumentException("unknown action " + action);
        }
        control().submit(new Command(Command.Kind.ACTION, index, 0, () -> {
            Runnable handler = context.action(action);
            if (handler != null) {
                handler.run();
            }
        }));
    }

    /** A line typed at the run's keyboard, or (null) the end of its input; taken in at the next scheduling point. */
    public void type(String line) {
        if (line == null) {
            kernel.endInput();
        } else {
            kernel.typeLine(line);
        }
    }

    public void stop() {
        control().stop();
    }
}
