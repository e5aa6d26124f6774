package interleave.engine;

/** A lock a Condition can sit on: it can be released completely and taken back at the same depth. */
interface Owned extends Acquirable {
    /** Python's {@code _is_owned}: an RLock's owner; for a Lock, whoever holds it (a Lock has no owner). */
    boolean ownedBy(Strand t);

    /** Releases it entirely, inside the caller's exclusive access; returns the depth to restore. */
    int releaseAll(Strand me);

    /** Takes it back (a scheduling point of its own) at the depth {@link #releaseAll} returned. */
    void reacquire(Strand me, int depth);
}
