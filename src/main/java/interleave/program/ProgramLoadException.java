package interleave.program;

/**
 * Why a Python program cannot run, in one line for the user, and the program line it is about (0 if none), so
 * that an editor can mark it.
 */
public final class ProgramLoadException extends IllegalArgumentException {
    private final int line;
    private final transient LoadCause problem; // (an exception is Serializable; its cause in fields is not kept so)

    public ProgramLoadException(String message, int line) {
        super(message);
        this.line = line;
        this.problem = null;
    }

    private ProgramLoadException(String message, LoadCause problem) {
        super(message);
        this.line = problem.line();
        this.problem = problem;
    }

    /** The cause the load found in the file {@code fileName}, its message the cause's English after the name. */
    public static ProgramLoadException of(String fileName, LoadCause problem) {
        return new ProgramLoadException(fileName + ": " + problem.english(), problem);
    }

    public ProgramLoadException(String message) {
        this(message, 0);
    }

    /** The 1-based line of the program the message is about, or 0. */
    public int line() {
        return line;
    }

    /** The cause in fields, for a window to word in its language; empty where there is only the message. */
    public java.util.Optional<LoadCause> problem() {
        return java.util.Optional.ofNullable(problem);
    }
}
