package interleave.engine;

/** {@code threading.Event}: a flag; wait blocks while it is false; set wakes every waiter. */
public interface Event {
    void set();

    void clear();

    boolean isSet();

    /** Waits until the flag is true; returns true (also when a set() is followed at once by a clear()). */
    boolean await();

    /**
     * Waits at most {@code timeoutSeconds}; true if the flag was set or a set() woke this waiter, false on a
     * timeout. As in CPython, t &lt;= 0 and NaN do not wait.
     */
    boolean await(double timeoutSeconds);

    String name();
}
