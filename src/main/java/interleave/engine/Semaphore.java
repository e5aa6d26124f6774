package interleave.engine;

/** {@code threading.Semaphore} and {@code BoundedSemaphore}: a counter; acquire blocks at 0. */
public interface Semaphore extends Acquirable {
    /** The current counter value. */
    int value();
}
