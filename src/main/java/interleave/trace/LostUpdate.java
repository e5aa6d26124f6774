package interleave.trace;

/**
 * A write computed from a stale read: {@code thread} read {@code readValue} at event {@code readSeq};
 * then {@code victim} wrote {@code lostValue} at {@code lostSeq}; then {@code thread} wrote
 * {@code writtenValue} at {@code writeSeq}, computed from the old value, and the victim's update vanished.
 */
public record LostUpdate(int variable, int thread, long readSeq, int readValue, int victim, long lostSeq,
                         int lostValue, long writeSeq, int writtenValue, long time) {
    /**
     * Whether the overwritten write had put back the very value the stale read saw (a +n then -n): the overwrite
     * lost nothing, and the total is right this time.
     */
    public boolean lostNothing() {
        return lostValue == readValue;
    }
}
