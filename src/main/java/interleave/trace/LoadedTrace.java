package interleave.trace;

import java.nio.file.Path;

/** A trace read from a file, with the run's recorded outcome (null for files that predate it). */
public record LoadedTrace(Trace trace, TraceOutcome outcome, Path source) {
}
