package interleave.app;

import java.util.Locale;

/**
 * Why the window could not open, in one line a teacher can act on (no stack trace): JavaFX reports a missing
 * display or a missing GTK only as an exception wrapped in others.
 */
public final class StartFailure {
    private StartFailure() {
    }

    /** The innermost cause: the one that says what went wrong. */
    public static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }

    /** One line for the user; {@code display} is the DISPLAY variable (null or empty when not set). */
    public static String explain(Throwable t, String display) {
        Throwable root = rootCause(t);
        String msg = root.getMessage() == null ? "" : root.getMessage();
        String lower = msg.toLowerCase(Locale.ROOT);
        String cli = " The command line works without a window: java -jar interleave.jar --help";
        if (lower.contains("display")) {
            String why = display == null || display.isBlank() ? "no display (DISPLAY is not set)"
                    : "the display DISPLAY=" + display + " could not be opened";
            return "Cannot open a window: " + why + ". Run it from a desktop session, or under xvfb-run." + cli;
        }
        if (lower.contains("gtk") || root instanceof UnsatisfiedLinkError) {
            return "Cannot open a window: GTK 3 is missing (on Debian or Ubuntu: sudo apt install libgtk-3-0; "
                    + "on Fedora: sudo dnf install gtk3)." + cli;
        }
        if (lower.contains("pipeline") || lower.contains("quantumrenderer")) {
            return "Cannot open a window: no graphics pipeline could start (" + msg + ")." + cli;
        }
        return "Cannot open a window: " + root.getClass().getSimpleName() + (msg.isEmpty() ? "" : ": " + msg) + "."
                + cli;
    }
}
