package interleave.engine;

import java.util.List;

/** Something a thread can block on: it drops a waiter whose time ran out and names who could end the wait. */
interface Waitable {
    void removeWaiter(Strand t);

    /** The threads that hold it (a lock's owner, a semaphore's permit holders, a joined thread itself). */
    List<Strand> holders();

    /** The trace object id, -1 for a thread (join). */
    int traceId();

    /**
     * True if any thread may end the wait (release a Lock or a Semaphore, set an Event, notify a Condition),
     * false if only the holders can (an RLock's owner; a joined thread, by finishing).
     */
    default boolean anyoneMayRelease() {
        return true;
    }

    /** True if the user, from outside the run, ends the wait (a line typed at the keyboard): never stuck. */
    default boolean outsideMayEnd() {
        return false;
    }
}
