package interleave.engine;

/** {@code threading.Event}: a flag; wait blocks while it is false; set wakes every waiter. */
public interface Event {
    void set();

    void clear();

    boolean isSet();

    /** Waits until the flag is true; returns the flag (always true). */
    boolean await();

    /** Waits at most {@code timeoutSeconds}; returns the flag. */
    boolean await(double timeoutSeconds);

    String name();
}
