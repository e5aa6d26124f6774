package interleave.trace;

/**
 * A thread as the trace knows it. {@code external} marks the pseudo-thread that stands for the user
 * (a parameter changed or an action fired from the app); it never runs scenario code.
 */
public record ThreadInfo(int id, String name, boolean daemon, boolean external) {
}
