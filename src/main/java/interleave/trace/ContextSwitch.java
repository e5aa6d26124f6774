package interleave.trace;

/** The scheduler gave a core to {@code to}; {@code from} had it before (-1: the core was idle). */
public record ContextSwitch(long seq, long time, int from, int to, SwitchReason reason) {
}
