package interleave.engine;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * How far plans reach: the caller's full length at first; where a lock cuts every plan short after a slice, it
 * shrinks step by step to a few slices; once plans are gone through to their end again, it grows back as fast.
 */
class PlanReachTest {
    @Test
    void shrinksWherePlansAreCutShortAndGrowsBackWhereTheyAreNot() {
        PlanReach reach = new PlanReach();
        assertEquals(128, reach.next(128), "at first as far as the caller allows");
        int[] cutShort = new int[6];
        for (int i = 0; i < cutShort.length; i++) {
            int slices = reach.next(128);
            reach.drawn(slices);
            reach.ended(slices - 1); // one slice gone through, then a thread blocked or asked
            cutShort[i] = reach.next(128);
        }
        assertEquals("[64, 32, 16, 8, 4, 4]", java.util.Arrays.toString(cutShort));
        int[] goneThrough = new int[6];
        for (int i = 0; i < goneThrough.length; i++) {
            int slices = reach.next(128);
            reach.drawn(slices);
            reach.ended(0);
            goneThrough[i] = reach.next(128);
        }
        assertEquals("[10, 22, 46, 94, 128, 128]", java.util.Arrays.toString(goneThrough));
        assertEquals(2, reach.next(2), "never beyond the caller's limit (a teacher present)");
    }

    @Test
    void aPlanIsAccountedForOnce() {
        PlanReach reach = new PlanReach();
        reach.drawn(64);
        reach.ended(0); // gone through: the reach grows to 130, the caller's limit 128
        assertEquals(128, reach.next(128));
        reach.ended(0); // asked again with no plan since: nothing to account for (else it would shrink to 4)
        assertEquals(128, reach.next(128));
    }
}
