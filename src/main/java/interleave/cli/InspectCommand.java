package interleave.cli;

import interleave.trace.LoadedTrace;
import interleave.trace.TraceAnalyzer;
import interleave.trace.TraceFiles;
import interleave.trace.TraceFormatException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code inspect <file>}: the summary of a saved trace, the same one {@code run} prints. */
@Command(name = "inspect", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Summarises a saved trace file (from 'run --trace' or the app's File > Save trace).",
                "Prints the same summary as 'run', computed from the file (no elapsed time: files hold none)."})
final class InspectCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Parameters(index = "0", paramLabel = "FILE", description = "An Interleave trace file.")
    Path file;

    @CommandLine.Option(names = "--json", description = "Print one JSON object instead of a report.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, Object> summary;
        RunSummary.Notes notes;
        try {
            LoadedTrace loaded = TraceFiles.load(file);
            summary = summarise(loaded);
            notes = RunSummary.Notes.of(loaded.trace());
        } catch (TraceFormatException e) {
            err.println("interleave: " + e.getMessage());
            return Cli.BAD_INPUT;
        }
        if (json) {
            out.println(RunSummary.JSON.writeValueAsString(summary));
        } else {
            RunSummary.print(out, summary, notes);
        }
        return Cli.OK;
    }

    /** The file's summary; a file whose events cannot be replayed counts as damaged. */
    private static Map<String, Object> summarise(LoadedTrace loaded) throws TraceFormatException {
        TraceAnalyzer analysis = loaded.analyzed();
        return RunSummary.of(loaded.trace(), analysis, loaded.outcome(), analysis.deadlock());
    }
}
