package interleave.engine;

/**
 * The numbers {@link java.util.SplittableRandom} draws from a seed (SplitMix64: the same seed gives the same
 * numbers, bit for bit), in a generator that can be copied: a copy draws what the original will, so a forecast
 * of the scheduler's next decisions leaves the run's own draws untouched.
 */
final class SeedSequence {
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private long seed;

    SeedSequence(long seed) {
        this.seed = seed;
    }

    private SeedSequence(SeedSequence from) {
        this.seed = from.seed;
    }

    /** A generator at the same place in the same sequence. */
    SeedSequence copy() {
        return new SeedSequence(this);
    }

    /** Where it is in the sequence: two generators at the same place draw the same numbers. */
    long place() {
        return seed;
    }

    int nextInt() {
        long z = seed += GOLDEN_GAMMA;
        z = (z ^ (z >>> 33)) * 0x62a9d9ed799705f5L;
        return (int) (((z ^ (z >>> 28)) * 0xcb24d0a5c88c35b3L) >>> 32);
    }

    /** A number in [0, bound), as SplittableRandom.nextInt(bound) picks it. */
    int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        int r = nextInt();
        int m = bound - 1;
        if ((bound & m) == 0) {
            return r & m;
        }
        for (int u = r >>> 1; u + m - (r = u % bound) < 0; u = nextInt() >>> 1) {
            // rejected: a draw from the uneven top of the range
        }
        return r;
    }
}
