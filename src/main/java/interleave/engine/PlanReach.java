package interleave.engine;

/**
 * How many slices the next {@link Kernel#plan} foresees: twice as many as the threads went through of the last
 * one, and at least half as many as it had, so that the reach shrinks step by step and grows back as fast while
 * plans are gone through to their end. Where a lock cuts every plan short after a slice or two, a plan of the
 * caller's full length was drawn, sent and read mostly for nothing, in the way of the thread waiting for it;
 * where nothing cuts plans short, they grow back to that length. The reach changes only how far ahead the Python
 * side is told, never what the engine decides.
 */
final class PlanReach {
    /** Enough for the plan's first slices, which come with their continuations (see RunAhead). */
    private static final int LEAST = 4;

    private int reach = Integer.MAX_VALUE; // at first, as far as the caller allows
    /** The slices of the last plan, 0 once it has been accounted for. */
    private int drawn;

    /** How many slices the next plan may foresee, at most {@code limit}. */
    int next(int limit) {
        return Math.min(limit, Math.max(LEAST, reach));
    }

    /** A plan of {@code slices} slices was drawn. */
    void drawn(int slices) {
        drawn = slices;
    }

    /** The last plan ends, {@code left} of its slices not gone through (the thread asked, or a new plan comes). */
    void ended(int left) {
        if (drawn == 0) {
            return;
        }
        reach = Math.max(2 * (drawn - left) + 2, drawn / 2);
        drawn = 0;
    }
}
