package interleave.engine;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The scheduler's random draws are SplittableRandom's, so a seed gives the same run as it always did. */
class SeedSequenceTest {
    @Test
    void drawsWhatSplittableRandomDraws() {
        int[] bounds = {1, 2, 3, 7, 39, 64, 1000, Integer.MAX_VALUE, (1 << 30) + 1};
        for (long seed = -5; seed < 50; seed++) {
            SplittableRandom expected = new SplittableRandom(seed);
            SeedSequence actual = new SeedSequence(seed);
            for (int i = 0; i < 2_000; i++) {
                int bound = bounds[i % bounds.length];
                assertEquals(expected.nextInt(bound), actual.nextInt(bound), "seed " + seed + ", draw " + i);
            }
        }
    }

    @Test
    void aCopyDrawsWhatTheOriginalWillWithoutMovingIt() {
        SeedSequence original = new SeedSequence(42);
        original.nextInt(10);
        SeedSequence copy = original.copy();
        int[] forecast = new int[100];
        for (int i = 0; i < forecast.length; i++) {
            forecast[i] = copy.nextInt(39);
        }
        for (int i = 0; i < forecast.length; i++) {
            assertEquals(forecast[i], original.nextInt(39), "draw " + i);
        }
    }
}
