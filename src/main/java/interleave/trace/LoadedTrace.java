package interleave.trace;

import java.nio.file.Path;

/** A trace read from a file, with the run's recorded outcome (null for files that predate it). */
public record LoadedTrace(Trace trace, TraceOutcome outcome, Path source) {
    /** Replays the events into a fresh analyzer; events that do not make a consistent run are a damaged file. */
    public TraceAnalyzer analyzed() throws TraceFormatException {
        TraceAnalyzer a = new TraceAnalyzer(trace);
        try {
            a.update();
        } catch (RuntimeException e) {
            throw new TraceFormatException(TraceFormatException.Problem.DAMAGED, 0,
                    source + ": the events do not make a consistent run (" + e.getMessage() + ")");
        }
        return a;
    }
}
