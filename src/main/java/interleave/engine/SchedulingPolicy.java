package interleave.engine;

import java.util.List;

/**
 * Who runs next in the baton runtime, and for how long: round-robin, seeded random or cooperative. The
 * teacher's pick (a click on a ready thread) overrides any policy that {@link #acceptsPicks() accepts} it.
 */
interface SchedulingPolicy {
    /** How many threads run at once. */
    int cores();

    /** False if a thread keeps its core until it yields, sleeps, blocks or ends (greenlet, gevent). */
    boolean preemptive();

    /** True if the teacher may pick the next thread by hand. */
    default boolean acceptsPicks() {
        return preemptive();
    }

    /** Removes the next thread to run from a non-empty ready queue. */
    <T> T next(List<T> ready);

    /** The length of a new time slice, in scheduling points. */
    int sliceLength();

    /**
     * A policy that will decide what this one decides from here on, given the same ready queues, while this one
     * stays where it is: a forecast of the next slices (a stateless policy is its own forecast).
     */
    default SchedulingPolicy forecast() {
        return this;
    }

    /**
     * Where the policy is in its draws: two forecasts at the same place decide the same from the same ready queues
     * (a stateless policy is always at 0).
     */
    default long place() {
        return 0;
    }

    static SchedulingPolicy of(RunSettings s) {
        if (s.mode() == Mode.COOPERATIVE) {
            return new Cooperative();
        }
        return s.policy() == Policy.RANDOM ? new SeededRandom(s.cores(), s.quantum(), s.seed())
                : new RoundRobin(s.cores(), s.quantum());
    }

    /** First come, first served; every slice is exactly the quantum long. */
    record RoundRobin(int cores, int quantum) implements SchedulingPolicy {
        @Override
        public boolean preemptive() {
            return true;
        }

        @Override
        public <T> T next(List<T> ready) {
            return ready.remove(0);
        }

        @Override
        public int sliceLength() {
            return quantum;
        }
    }

    /** A seeded random ready thread; slice lengths vary around the quantum (1 to 2Q-1 points). */
    final class SeededRandom implements SchedulingPolicy {
        private final int cores;
        private final int quantum;
        private final SeedSequence rng;

        SeededRandom(int cores, int quantum, long seed) {
            this(cores, quantum, new SeedSequence(seed));
        }

        private SeededRandom(int cores, int quantum, SeedSequence rng) {
            this.cores = cores;
            this.quantum = quantum;
            this.rng = rng;
        }

        @Override
        public SchedulingPolicy forecast() {
            return new SeededRandom(cores, quantum, rng.copy());
        }

        @Override
        public long place() {
            return rng.place();
        }

        @Override
        public int cores() {
            return cores;
        }

        @Override
        public boolean preemptive() {
            return true;
        }

        @Override
        public <T> T next(List<T> ready) {
            return ready.remove(ready.size() > 1 ? rng.nextInt(ready.size()) : 0);
        }

        @Override
        public int sliceLength() {
            return quantum > 1 ? 1 + rng.nextInt(2 * quantum - 1) : quantum;
        }
    }

    /** One core; a thread runs until it gives the core up; the longest-waiting ready thread goes next. */
    record Cooperative() implements SchedulingPolicy {
        @Override
        public int cores() {
            return 1;
        }

        @Override
        public boolean preemptive() {
            return false;
        }

        @Override
        public <T> T next(List<T> ready) {
            return ready.remove(0);
        }

        @Override
        public int sliceLength() {
            return Integer.MAX_VALUE;
        }
    }
}
