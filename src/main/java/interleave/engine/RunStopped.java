package interleave.engine;

/**
 * Unwinds a worker thread when its run is stopped, ends in a deadlock or kills daemon threads.
 * An Error, so scenario code that catches exceptions does not swallow it.
 */
public final class RunStopped extends Error {
    public RunStopped() {
        super("run stopped", null, false, false);
    }
}
