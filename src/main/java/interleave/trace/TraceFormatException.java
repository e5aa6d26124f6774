package interleave.trace;

/**
 * A trace file that cannot be read; the message names the file, the line and what was expected. The
 * {@link Problem} and the line let a user interface say the same in its own language.
 */
public final class TraceFormatException extends Exception {
    /** What is wrong with the file, coarsely. */
    public enum Problem {
        /** No such file, or a folder. */
        MISSING,
        /** The file exists but could not be read. */
        UNREADABLE,
        /** Empty, not JSON on line 1, or JSON that is not an Interleave header: some other kind of file. */
        FOREIGN,
        /** An Interleave trace of a format version this build does not read. */
        VERSION,
        /** An Interleave trace with a bad line. */
        DAMAGED,
        /** An Interleave trace that ends early (fewer events than its header announces, or a cut last line). */
        TRUNCATED
    }

    private final Problem problem;
    private final long line;

    public TraceFormatException(Problem problem, long line, String message) {
        this(problem, line, message, null);
    }

    public TraceFormatException(Problem problem, long line, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
        this.line = line;
    }

    public Problem problem() {
        return problem;
    }

    /** The 1-based line the problem is on, or 0 when it is about the whole file. */
    public long line() {
        return line;
    }
}
