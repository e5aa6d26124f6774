package interleave.program;

/**
 * Why a Python program cannot run, in one line for the user, and the program line it is about (0 if none), so
 * that an editor can mark it.
 */
public final class ProgramLoadException extends IllegalArgumentException {
    private final int line;

    public ProgramLoadException(String message, int line) {
        super(message);
        this.line = line;
    }

    public ProgramLoadException(String message) {
        this(message, 0);
    }

    /** The 1-based line of the program the message is about, or 0. */
    public int line() {
        return line;
    }
}
