package interleave.engine;

/**
 * Something from outside a run (the app, a test) that the run applies at its next scheduling point, on the
 * worker that holds the core, so that it lands at a well-defined place in the trace.
 *
 * @param kind   PARAM (a parameter changed), ACTION (a scenario action fired) or INPUT (a line typed at the
 *               keyboard: the effect records it)
 * @param index  the parameter's or action's index in the scenario's declaration
 * @param value  the new parameter value as an int (booleans as 0/1); 0 for actions
 * @param effect what to do; for actions it may call non-blocking primitives (set an event, release a lock)
 */
public record Command(Kind kind, int index, int value, Runnable effect) {
    public enum Kind { PARAM, ACTION, INPUT }
}
