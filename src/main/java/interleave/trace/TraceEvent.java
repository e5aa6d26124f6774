package interleave.trace;

/**
 * One decoded trace event. The recorder stores events in primitive arrays; this record is the
 * readable view handed to analysers, exporters and the UI.
 *
 * @param seq    position in the trace, from 0
 * @param time   virtual ticks (sim, cooperative) or nanoseconds since the run started (os)
 * @param thread thread id
 * @param kind   what happened
 * @param object object id, or -1 when the event names none (for SWITCH: the outgoing thread; for JOIN: the joined thread)
 * @param value  kind-specific value (a read or written value, a depth, a switch reason ordinal, a string id)
 * @param line   line of the scenario's Python equivalent the thread was on, 0 when unknown
 */
public record TraceEvent(long seq, long time, int thread, EventKind kind, int object, int value, int line) {
}
