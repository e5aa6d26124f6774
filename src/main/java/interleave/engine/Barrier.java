package interleave.engine;

/** {@code threading.Barrier}: {@code parties} threads wait for each other; BrokenBarrierError when it breaks. */
public interface Barrier {
    /** {@code wait()} with the barrier's own timeout; returns this thread's arrival index, 0 to parties-1. */
    int await();

    /** {@code wait(timeout)}: a timeout (0 or less: at once) breaks the barrier and raises BrokenBarrierError. */
    int await(double timeoutSeconds);

    void reset();

    void abort();

    int parties();

    /** {@code n_waiting}. */
    int waiting();

    boolean broken();
}
