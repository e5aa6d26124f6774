package interleave.trace;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The budgets against what a run really takes: the trace's own allocation is measured in TraceAnalyzerTest and a
 * whole 10-million-event command-line run in a 256 MB heap in EndingCleanlyTest; these are the sums they rest on.
 */
class EventBudgetTest {
    private static final long MB = 1024 * 1024;

    @Test
    void theCommandLineAllowsTenMillionEventsIn256Megabytes() {
        long events = EventBudget.COMMAND_LINE.events(256 * MB);
        assertTrue(events >= 10_000_000, "events " + events);
        // measured 19.5 bytes an event with the lock on: what is allowed still leaves a fifth of the heap free
        assertTrue(events * 19.5 <= 0.8 * 256 * MB, "events " + events);
    }

    @Test
    void theWindowKeepsRoomForASecondAnalysisAndItsScene() {
        long events = EventBudget.WINDOW.events(256 * MB);
        // the trace, the live analysis and the look-back's (9.3 more) in at most two thirds of the heap
        assertTrue(events * (19.5 + 9.3) <= 0.67 * 256 * MB, "events " + events);
        assertTrue(events < EventBudget.COMMAND_LINE.events(256 * MB));
    }
}
