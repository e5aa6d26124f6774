package interleave.engine;

import interleave.trace.Deadlock;

import java.util.List;

/** How a run ended. */
public record RunOutcome(Status status, Deadlock deadlock, List<String> errors) {
    public enum Status { FINISHED, DEADLOCK, STOPPED }

    public RunOutcome {
        errors = List.copyOf(errors);
    }
}
