package interleave.cli;

import interleave.app.files.TimelinePng;
import interleave.engine.Mode;
import interleave.engine.Policy;
import interleave.engine.RunControl;
import interleave.engine.RunOutcome;
import interleave.engine.RunSettings;
import interleave.scenario.ParamException;
import interleave.scenario.Params;
import interleave.scenario.Scenario;
import interleave.scenario.ScenarioRun;
import interleave.scenario.Scenarios;
import interleave.trace.PerfettoExporter;
import interleave.trace.Trace;
import interleave.trace.TraceAnalyzer;
import interleave.trace.TraceFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code run <scenario>}: runs a scenario headless and reports, prints JSON, or saves its trace. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs a scenario without a window.")
final class RunCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Parameters(index = "0", paramLabel = "SCENARIO", description = "A scenario id (see 'list'), or a Python program (a .py file) to run under the scheduler.")
    String scenarioId;

    @CommandLine.Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE",
            description = "A scenario parameter; repeat for more.")
    Map<String, String> params = new LinkedHashMap<>();

    @CommandLine.Option(names = "--mode", paramLabel = "sim|cooperative|os", converter = ModeConverter.class,
            description = "Scheduling mode (default: the scenario's, usually sim).")
    Mode mode;

    /** The modes by the names the docs and the app use. */
    static final class ModeConverter implements CommandLine.ITypeConverter<Mode> {
        @Override
        public Mode convert(String value) {
            for (Mode m : Mode.values()) {
                if (m.id().equalsIgnoreCase(value)) {
                    return m;
                }
            }
            throw new CommandLine.TypeConversionException("expected sim, cooperative or os, got '" + value + "'");
        }
    }

    @CommandLine.Option(names = "--cores", paramLabel = "N", description = "Virtual cores in sim mode, 1 to 16.")
    Integer cores;

    @CommandLine.Option(names = "--quantum", paramLabel = "Q", description = "Time slice in scheduling points.")
    Integer quantum;

    @CommandLine.Option(names = "--policy", paramLabel = "rr|random", description = "Who runs next when a slice ends.")
    Policy policy;

    @CommandLine.Option(names = "--seed", paramLabel = "S", description = "Seed of the random policy.")
    Long seed;

    @CommandLine.Option(names = "--python", paramLabel = "PATH",
            description = "The Python 3.8+ that runs a .py program (default: python3 on the PATH).")
    String python;

    @CommandLine.Option(names = "--input", paramLabel = "TEXT",
            description = "An answer to the Python program's input(), one per call, in order (repeatable).")
    java.util.List<String> inputs = new java.util.ArrayList<>();

    @CommandLine.Option(names = "--json", description = "Print one JSON object instead of a report.")
    boolean json;

    @CommandLine.Option(names = "--trace", paramLabel = "FILE", description = "Save the trace (JSON Lines).")
    Path traceFile;

    @CommandLine.Option(names = "--perfetto", paramLabel = "FILE",
            description = "Save Chrome Trace Event JSON for the Perfetto UI.")
    Path perfettoFile;

    @CommandLine.Option(names = "--png", paramLabel = "FILE",
            description = "Save the whole run's timeline as a PNG for slides (drawn without a display).")
    Path pngFile;

    @CommandLine.Option(names = "--lang", paramLabel = "en|zh", defaultValue = "en",
            description = "Language of the PNG's labels (default ${DEFAULT-VALUE}).")
    String lang;

    @CommandLine.Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "Stop a run that has not ended after this many real seconds (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<Scenario> found;
        if (scenarioId.endsWith(".py")) {
            try {
                interleave.program.PythonProgram program = interleave.program.PythonProgram.load(
                        java.nio.file.Path.of(scenarioId), python, inputs);
                String note = program.conversionNote(java.util.Locale.ENGLISH);
                if (!note.isEmpty()) {
                    err.println("interleave: " + note);
                }
                found = Optional.of(program);
            } catch (IllegalArgumentException e) {
                err.println("interleave: " + e.getMessage());
                if (json) { // a script gets an answer it can read, too
                    com.fasterxml.jackson.databind.node.ObjectNode o = new com.fasterxml.jackson.databind.ObjectMapper()
                            .createObjectNode().put("status", "error").put("message", e.getMessage());
                    if (e instanceof interleave.program.ProgramLoadException p && p.line() > 0) {
                        o.put("line", p.line());
                    }
                    out.println(o.toPrettyString());
                }
                return Cli.BAD_INPUT;
            }
        } else {
            found = Scenarios.byId(scenarioId);
        }
        if (found.isEmpty()) {
            err.println("interleave: unknown scenario '" + scenarioId + "'; accepted: " + Scenarios.ids());
            return Cli.BAD_INPUT;
        }
        Scenario scenario = found.get();
        Map<String, Object> values;
        RunSettings settings;
        try {
            values = Params.resolve(scenario, params);
            settings = settings(scenario.defaultSettings());
        } catch (ParamException | IllegalArgumentException e) {
            err.println("interleave: " + e.getMessage());
            return Cli.BAD_INPUT;
        }
        if (!lang.equals("en") && !lang.equals("zh")) {
            err.println("interleave: --lang must be en or zh, not '" + lang + "'");
            return Cli.BAD_INPUT;
        }
        String unwritable = checkWritable(traceFile, perfettoFile, pngFile);
        if (unwritable != null) {
            err.println("interleave: " + unwritable);
            return Cli.BAD_INPUT;
        }

        if (json) {
            RunSummary.prepareJsonMeanwhile();
        }
        long t0 = System.nanoTime();
        ScenarioRun run = ScenarioRun.start(scenario, values, settings, RunControl.headless());
        Trace trace = run.trace();
        TraceAnalyzer analysis = new TraceAnalyzer(trace);
        RunOutcome outcome = analyseUntilTheEnd(run, analysis, timeoutSeconds * 1_000_000_000L);
        boolean timedOut = outcome == null;
        if (timedOut) {
            run.stop();
            outcome = run.kernel().awaitOutcome();
        }
        run.kernel().awaitTermination(10_000);
        long elapsed = (System.nanoTime() - t0) / 1_000_000;
        analysis.update();
        interleave.trace.TraceOutcome record = run.record();
        try {
            if (traceFile != null) {
                TraceFiles.write(trace, traceFile, record);
            }
            if (perfettoFile != null) {
                PerfettoExporter.write(analysis, perfettoFile);
            }
        } catch (IOException e) {
            err.println("interleave: cannot write " + e.getMessage());
            return Cli.BAD_INPUT;
        }
        if (pngFile != null) {
            try {
                TimelinePng.writeHeadless(analysis, pngFile, java.util.Locale.forLanguageTag(lang));
            } catch (IOException e) {
                err.println("interleave: cannot write " + pngFile + ": " + e.getMessage());
                return Cli.BAD_INPUT;
            }
        }

        Map<String, Object> report = RunSummary.of(trace, analysis, record, outcome.deadlock());
        report.put("elapsedMillis", elapsed);
        if (json) {
            out.println(RunSummary.JSON.writeValueAsString(report));
        } else {
            RunSummary.print(out, report);
        }
        if (timedOut) {
            err.println("interleave: the run did not end within " + timeoutSeconds + " s and was stopped");
            return Cli.TIMED_OUT;
        }
        if (run.kernel().stoppedForMemory()) {
            err.println("interleave: the run was stopped after " + trace.size() + " events: that is the most this "
                    + "Java heap holds (" + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB); what was "
                    + "recorded is kept. Use fewer iterations, or give Java more memory (java -Xmx2g -jar ...)");
            return Cli.BAD_INPUT;
        }
        return outcome.status() == RunOutcome.Status.DEADLOCK ? Cli.DEADLOCK : Cli.OK;
    }

    /**
     * Waits for the run to end, analysing what it has recorded so far in the meantime (this thread would only
     * wait otherwise), so that little is left to analyse at the end; null if it has not ended within the time.
     */
    private static RunOutcome analyseUntilTheEnd(ScenarioRun run, TraceAnalyzer analysis, long nanos)
            throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        RunOutcome outcome;
        while ((outcome = run.kernel().awaitOutcome(10)) == null) {
            if (System.nanoTime() - deadline > 0) {
                return null;
            }
            analysis.update();
        }
        return outcome;
    }

    private RunSettings settings(RunSettings base) {
        return new RunSettings(mode != null ? mode : base.mode(), cores != null ? cores : base.cores(),
                quantum != null ? quantum : base.quantum(), policy != null ? policy : base.policy(),
                seed != null ? seed : base.seed());
    }

    private static String checkWritable(Path... files) {
        for (Path f : files) {
            if (f == null) {
                continue;
            }
            Path dir = f.toAbsolutePath().getParent();
            if (dir == null || !java.nio.file.Files.isDirectory(dir)) {
                return "cannot write " + f + ": the folder " + dir + " does not exist";
            }
            if (java.nio.file.Files.isDirectory(f)) {
                return "cannot write " + f + ": it is a folder; give a file name";
            }
            if (!java.nio.file.Files.isWritable(dir)) {
                return "cannot write " + f + ": the folder is not writable";
            }
        }
        return null;
    }
}
