package interleave.program;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** os mode's order of record: each point waits for the ones numbered before it, with a patience for late ones. */
class SequencerTest {
    private static final long PATIENCE = TimeUnit.MILLISECONDS.toNanos(150);

    private static CompletableFuture<Long> awaitTurnOf(Sequencer s, long number, AtomicLong clock) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                s.awaitTurn(number);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return clock.get();
        });
    }

    @Test
    void aPointWaitsForTheOnesBeforeIt() throws Exception {
        Sequencer s = new Sequencer(() -> false);
        CompletableFuture<Long> second = awaitTurnOf(s, 2, new AtomicLong());
        Thread.sleep(50);
        assertFalse(second.isDone(), "number 2 waits for number 1");
        s.awaitTurn(1);
        s.done(1);
        second.get(2, TimeUnit.SECONDS);
    }

    /** A host so slow that every look comes late still lets the patience run out: twice as long at most. */
    @Test
    void standingStillForEverDoesNotHoldThePointsUpForEver() throws Exception {
        AtomicLong offset = new AtomicLong();
        Sequencer s = new Sequencer(() -> false, PATIENCE, () -> System.nanoTime() + offset.addAndGet(PATIENCE / 2));
        awaitTurnOf(s, 2, offset).get(5, TimeUnit.SECONDS);
    }

    @Test
    void aNumberThatNeverComesHoldsTheOthersUpForThePatienceOnly() throws Exception {
        Sequencer s = new Sequencer(() -> false, PATIENCE, System::nanoTime);
        long start = System.nanoTime();
        awaitTurnOf(s, 2, new AtomicLong()).get(5, TimeUnit.SECONDS);
        assertTrue(System.nanoTime() - start >= PATIENCE, "it waited the patience out");
    }

    /**
     * The process stood still (a collector's pause, a busy host: here the clock jumps ahead by one and a half
     * patiences) while a point waited: that time is not the late number's, so the point still waits for it instead
     * of going first.
     */
    @Test
    void timeTheProcessStoodStillDoesNotUseUpThePatience() throws Exception {
        AtomicLong offset = new AtomicLong();
        Sequencer s = new Sequencer(() -> false, PATIENCE, () -> System.nanoTime() + offset.get());
        CompletableFuture<Long> second = awaitTurnOf(s, 2, offset);
        Thread.sleep(30);
        offset.addAndGet(3 * PATIENCE / 2);
        Thread.sleep(PATIENCE / 1_000_000L / 2);
        assertFalse(second.isDone(), "still waiting for number 1");
        s.done(1);
        assertEquals(3 * PATIENCE / 2, second.get(2, TimeUnit.SECONDS));
    }
}
