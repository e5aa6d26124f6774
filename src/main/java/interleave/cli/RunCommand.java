package interleave.cli;

import interleave.app.files.TimelinePng;
import interleave.engine.Mode;
import interleave.engine.Policy;
import interleave.engine.RunControl;
import interleave.engine.RunOutcome;
import interleave.engine.RunSettings;
import interleave.program.PythonProgram;
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

    @CommandLine.Parameters(index = "0", paramLabel = "SCENARIO", description = "A scenario id (see 'list'), or a Python program to run under the scheduler (a .py file, or any text file whose first line of code reads as Python).")
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
        java.nio.file.Path asFile = java.nio.file.Path.of(scenarioId);
        // a demo's id, else a file: a Python program (.py, or text that reads as Python), else refused
        boolean demo = Scenarios.byId(scenarioId).isPresent();
        if (!demo && java.nio.file.Files.isDirectory(asFile)) {
            err.println("interleave: " + scenarioId + " is a folder; give a Python program in it (a .py file) or a"
                    + " demo's id (see 'list')");
            return Cli.BAD_INPUT;
        }
        if (timeoutSeconds < 1) {
            err.println("interleave: --timeout must be at least 1 (seconds), not " + timeoutSeconds);
            return Cli.BAD_INPUT;
        }
        boolean isProgram = !demo && PythonProgram.isProgramFile(asFile);
        if (!demo && !isProgram && java.nio.file.Files.isRegularFile(asFile)) {
            err.println("interleave: " + scenarioId + (TraceFiles.looksLikeTrace(asFile)
                    ? " is a saved trace, not a program: show it with 'inspect " + scenarioId + "' or 'app --open "
                    + scenarioId + "'" : " is neither a Python program (its first line of code does not read as "
                    + "Python) nor a saved trace; to run it as Python anyway, save it as .py"));
            return Cli.BAD_INPUT;
        }
        if (isProgram) { // (a .py is one even where it is not there: the load says so)
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
        if (cores != null && settings.mode() == interleave.engine.Mode.OS) { // (a note: the run goes on)
            err.println("interleave: --cores is for sim and cooperative mode; os mode runs on the machine's own cores");
        }

        if (json) {
            RunSummary.prepareJsonMeanwhile();
        }
        long t0 = System.nanoTime();
        ScenarioRun run = ScenarioRun.start(scenario, values, settings, RunControl.headless());
        Trace trace = run.trace();
        TraceAnalyzer analysis = new TraceAnalyzer(trace);
        RunOutcome outcome = analyseUntilTheEnd(run, analysis, timeoutSeconds, err);
        boolean timedOut = outcome == null;
        int unanswered = interleave.program.PythonProgram.unansweredInputLine(run.context());
        if (unanswered > 0) { // python3's EOFError is the program's due, but the teacher needs the way to answer
            err.println("interleave: input() on line " + unanswered + " had no answer left"
                    + (inputs == null || inputs.isEmpty() ? "" : " (" + inputs.size() + " given)")
                    + ": give one --input TEXT per answer, in order");
        }
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
            RunSummary.print(out, report, RunSummary.Notes.of(trace));
        }
        if (timedOut) {
            err.println("interleave: the run did not end within " + timeoutSeconds + " s and was stopped");
            return Cli.TIMED_OUT;
        }
        if (run.kernel().stoppedForMemory()) {
            err.println("interleave: the run was stopped after "
                    + String.format(java.util.Locale.ENGLISH, "%,d", trace.size()) + " events: that is the most this"
                    + " Java heap holds (" + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB);"
                    + " what was recorded is kept. A program that never ends stops here; for a longer run that does"
                    + " end, use fewer iterations or give Java more memory (java -Xmx"
                    + interleave.trace.EventBudget.moreMemoryGigabytes() + "g -jar ...)");
            return Cli.BAD_INPUT;
        }
        if (outcome.status() == RunOutcome.Status.DEADLOCK) {
            return Cli.DEADLOCK;
        }
        return run.result().get(PythonProgram.EXIT_STATUS) != null ? Cli.PROGRAM_FAILED : Cli.OK;
    }

    /**
     * Waits for the run to end, analysing what it has recorded so far in the meantime (this thread would only
     * wait otherwise), so that little is left to analyse at the end; null if it has not ended within the time.
     * A long run says on stderr now and then that it is still going, and how to end it: a program that never
     * ends would otherwise leave the terminal silent until the timeout.
     */
    private static RunOutcome analyseUntilTheEnd(ScenarioRun run, TraceAnalyzer analysis, long seconds,
                                                 PrintWriter err) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + seconds * 1_000_000_000L;
        // (half way to a short timeout, so that the word comes before the end)
        long nextWord = start + Math.min(STILL_RUNNING_FIRST_NANOS, seconds * 500_000_000L);
        RunOutcome outcome;
        while ((outcome = run.kernel().awaitOutcome(10)) == null) {
            long now = System.nanoTime();
            if (now - deadline > 0) {
                return null;
            }
            if (now - nextWord > 0) {
                err.printf("interleave: still running after %d s, %,d events recorded; a program that never ends "
                                + "is stopped after --timeout (%d s); Ctrl+C stops it now%n",
                        (now - start) / 1_000_000_000L, run.trace().size(), seconds);
                err.flush();
                nextWord = now + STILL_RUNNING_EVERY_NANOS;
            }
            analysis.update();
        }
        return outcome;
    }

    private static final long STILL_RUNNING_FIRST_NANOS = 10_000_000_000L;
    private static final long STILL_RUNNING_EVERY_NANOS = 30_000_000_000L;

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
