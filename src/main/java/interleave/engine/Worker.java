package interleave.engine;

/** {@code threading.Thread}: name, daemon, start, join, is_alive. */
public interface Worker {
    String name();

    boolean daemon();

    /** {@code thread.daemon = value}: only before {@link #start()} (RuntimeError after, as CPython). */
    void setDaemon(boolean value);

    int id();

    void start();

    /** Blocks until the thread has finished. */
    void join();

    /** Blocks at most {@code timeoutSeconds}; check {@link #isAlive()} afterwards, as in Python. */
    void join(double timeoutSeconds);

    boolean isAlive();
}
