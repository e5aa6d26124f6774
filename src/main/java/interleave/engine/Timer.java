package interleave.engine;

/** {@code threading.Timer(interval, function)}: a thread that calls the function after the interval unless cancelled. */
public interface Timer extends Worker {
    /** Stops the timer if it is still waiting. */
    void cancel();
}
