package interleave.engine;

/**
 * Scheduler settings of one run.
 *
 * @param cores   virtual cores (sim); 1 is the GIL model
 * @param quantum time slice in scheduling points (sim)
 * @param seed    seed of the random policy
 */
public record RunSettings(Mode mode, int cores, int quantum, Policy policy, long seed) {
    public static final int MAX_CORES = 16;
    public static final int MAX_QUANTUM = 1_000_000;
    public static final RunSettings DEFAULT = new RunSettings(Mode.SIM, 1, 20, Policy.RANDOM, 0);

    public RunSettings {
        if (mode == null || policy == null) {
            throw new IllegalArgumentException("mode and policy are required");
        }
        if (cores < 1 || cores > MAX_CORES) {
            throw new IllegalArgumentException("cores must be between 1 and " + MAX_CORES + ", got " + cores);
        }
        if (quantum < 1 || quantum > MAX_QUANTUM) {
            throw new IllegalArgumentException("quantum must be between 1 and " + MAX_QUANTUM + ", got " + quantum);
        }
    }

    public RunSettings withMode(Mode m) {
        return new RunSettings(m, cores, quantum, policy, seed);
    }

    public RunSettings withCores(int c) {
        return new RunSettings(mode, c, quantum, policy, seed);
    }

    public RunSettings withQuantum(int q) {
        return new RunSettings(mode, cores, q, policy, seed);
    }

    public RunSettings withPolicy(Policy p) {
        return new RunSettings(mode, cores, quantum, p, seed);
    }

    public RunSettings withSeed(long s) {
        return new RunSettings(mode, cores, quantum, policy, s);
    }
}
