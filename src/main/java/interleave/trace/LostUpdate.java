package interleave.trace;

/**
 * A write computed from a stale read: {@code thread} read {@code readValue} at event {@code readSeq};
 * then {@code victim} wrote {@code lostValue} at {@code lostSeq}; then {@code thread} wrote
 * {@code writtenValue} at {@code writeSeq}, computed from the old value, and the victim's update vanished.
 */
public record LostUpdate(int variable, int thread, long readSeq, int readValue, int victim, long lostSeq,
                         int lostValue, long writeSeq, int writtenValue, long time) {
}
