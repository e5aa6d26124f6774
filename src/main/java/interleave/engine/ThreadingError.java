package interleave.engine;

/**
 * A misuse that Python's threading module reports with an exception: releasing an unlocked lock
 * ("RuntimeError: release unlocked lock"), releasing a bounded semaphore too often ("ValueError"), reading
 * a thread-local attribute the thread never bound ("AttributeError"). The run records it as an error
 * event of the thread that made it; like in Python, the thread dies and the others go on.
 */
public class ThreadingError extends RuntimeException {
    private final String pythonType;

    public ThreadingError(String pythonType, String message) {
        super(message);
        this.pythonType = pythonType;
    }

    public String pythonType() {
        return pythonType;
    }

    @Override
    public String toString() {
        return getMessage().isEmpty() ? pythonType : pythonType + ": " + getMessage();
    }
}
