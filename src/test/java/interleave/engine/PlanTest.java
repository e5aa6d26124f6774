package interleave.engine;

import interleave.trace.Trace;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayDeque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kernel.plan: the slices it foresees are the ones the engine then gives, whatever the policy, the slice length,
 * and a sleeper waking in between. The workers here behave as a Python program's do: they go through each grant
 * without asking, and a thread the plan names goes on with the plan's grant, not an answer of its own.
 */
class PlanTest {
    private static final int POINTS = 400;

    /** What the threads share: the plan's slices not yet begun, and who waits at a slice's end. */
    private static final class Plans {
        final ArrayDeque<int[]> slices = new ArrayDeque<>();
        final Set<Integer> atSliceEnd = ConcurrentHashMap.newKeySet();
        final AtomicInteger followed = new AtomicInteger();
    }

    @ParameterizedTest
    @CsvSource({"RANDOM, 1", "RANDOM, 2", "RANDOM, 20", "RR, 1", "RR, 7"})
    void theSlicesAPlanForesawAreTheOnesThatCome(Policy policy, int quantum) throws Exception {
        for (long seed = 0; seed < 4; seed++) {
            RunSettings s = RunSettings.DEFAULT.withPolicy(policy).withQuantum(quantum).withSeed(seed);
            Plans planned = new Plans();
            Kernel withPlans = Harness.run(s, k -> program(k, planned, true));
            Kernel decided = Harness.run(s, k -> program(k, new Plans(), false));
            assertEquals(RunOutcome.Status.FINISHED, withPlans.outcomeNow().status(), "" + withPlans.errors());
            assertEquals(events(decided.trace()), events(withPlans.trace()), "seed " + seed);
            assertTrue(planned.followed.get() > 0, "some slices began as a plan said");
        }
    }

    private static void program(Kernel k, Plans plans, boolean follow) {
        Worker[] workers = new Worker[3];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = k.thread("w" + i, () -> follower(k, plans, follow));
            workers[i].start();
            k.grantReturned();
        }
        Worker sleeper = k.thread("sleeper", () -> {
            for (int i = 0; i < 6; i++) {
                k.step();
                k.grantReturned(); // a call that may block asks the engine, so the plan is over
                k.sleep(0.00003);
            }
        });
        sleeper.start();
        for (Worker w : workers) {
            k.grantReturned();
            w.join();
        }
        k.grantReturned();
        sleeper.join();
    }

    /** Goes through its points as a Python thread does: its grant without asking, then the slice's last point. */
    private static void follower(Kernel k, Plans plans, boolean follow) {
        int me = k.currentThread().id();
        int left = POINTS;
        int budget = grantAndPlan(k, plans, follow);
        while (left > 0) {
            for (int n = Math.min(budget, left); n > 0; n--, left--) {
                k.step();
            }
            if (left == 0) {
                break;
            }
            plans.atSliceEnd.add(me);
            k.step(); // the engine may switch here
            plans.atSliceEnd.remove(me);
            left--;
            if (k.resumedByPlan()) {
                int[] slice = plans.slices.poll();
                assertEquals(me, slice[0], "the thread the plan named");
                budget = slice[1];
                plans.followed.incrementAndGet();
            } else {
                budget = grantAndPlan(k, plans, follow);
            }
        }
        k.grantReturned(); // ending is a request: whatever the plan foresaw is decided when it comes
    }

    private static int grantAndPlan(Kernel k, Plans plans, boolean follow) {
        int budget = k.grant();
        plans.slices.clear();
        if (follow) {
            int[] plan = k.plan(plans.atSliceEnd::contains, 6);
            for (int i = 0; i < plan.length; i += 2) {
                plans.slices.add(new int[] {plan[i], plan[i + 1]});
            }
        }
        return budget;
    }

    private static String events(Trace t) throws java.io.IOException {
        java.io.StringWriter out = new java.io.StringWriter();
        interleave.trace.TraceFiles.write(t, out);
        return out.toString();
    }
}
