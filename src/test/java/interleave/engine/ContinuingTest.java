package interleave.engine;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The chain of a continuation: each level leads only to later ones, so it ends within its length whatever the
 * policy (round-robin and a quantum of 1 draw nothing, so every level is at the same place), and a teacher's pick
 * or command waits no longer than that; a seeded policy's levels reached two ways are one.
 */
class ContinuingTest {
    @ParameterizedTest
    @CsvSource({"RR, 1", "RR, 5", "RANDOM, 1", "RANDOM, 20"})
    void aLevelLeadsOnlyToLaterOnes(Policy policy, int quantum) {
        RunSettings settings = RunSettings.DEFAULT.withPolicy(policy).withQuantum(quantum).withSeed(3);
        Kernel k = Harness.kernel(settings, new RunControl(false, false));
        Strand holder = (Strand) k.thread("holder", () -> { });
        Strand waiter = (Strand) k.thread("waiter", () -> { });
        Mutex lock = (Mutex) k.lock("lock");
        for (int max : new int[] {2, 16}) {
            Continuing.Chain chain = Continuing.chain(SchedulingPolicy.of(settings), holder, lock, waiter, true, max);
            assertTrue(chain.levels().size() <= max, chain.levels().size() + " levels");
            for (int i = 0; i < chain.levels().size(); i++) {
                for (boolean untouched : new boolean[] {true, false}) {
                    int next = chain.after(i, untouched);
                    assertTrue(next == -1 || next > i, "level " + i + " leads to " + next);
                }
            }
            if (policy == Policy.RANDOM && quantum > 1 && max == 16) {
                // untouched moves the policy on by one slice, retaken by two: level 1's retaken is level 2's...
                assertEquals(chain.after(0, false), chain.after(chain.after(0, true), true),
                        "two ways to the same place are one level");
            }
        }
    }
}
