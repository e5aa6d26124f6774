package interleave.trace;

/**
 * A thread as the trace knows it. {@code external} marks the pseudo-thread that stands for the user
 * (a parameter changed or an action fired from the app); it never runs scenario code.
 */
public record ThreadInfo(int id, String name, boolean daemon, boolean external) {
    private static final java.util.regex.Pattern TARGET = java.util.regex.Pattern.compile("^(.+?) \\(.*\\)$");

    /** The name without CPython's "(target)" suffix: "Thread-3 (process_request_thread)" is "Thread-3". */
    public static String withoutTarget(String name) {
        java.util.regex.Matcher m = TARGET.matcher(name);
        return m.matches() ? m.group(1) : name;
    }
}
