package interleave.scenario.demos;

import interleave.engine.Lock;
import interleave.engine.Worker;
import interleave.scenario.ParamSpec;
import interleave.scenario.Scenario;
import interleave.scenario.ScenarioContext;
import interleave.scenario.Topic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/*
 * Deadlock (tutorial 002's concept list).
 *
 * Teaches: two threads that each hold one lock and wait for the other's will wait forever. "two-locks": T1
 * takes lockA then lockB, T2 takes lockB then lockA. "philosophers": five philosophers, five forks; each takes
 * the left fork, then the right one.
 * Watch: every thread ends up blocked; the deadlock view draws the wait-for cycle (thread -> lock it waits
 * for -> thread holding it -> ...) and the run ends with it.
 * The fix (`ordered` on): every thread takes the locks in one global order (lower number first). A cycle needs
 * someone to wait "backwards" in that order, which nobody does now, so every thread finishes.
 */
public final class DeadlockScenario extends Scenario {
    private static final List<ParamSpec> PARAMS = List.of(
            new ParamSpec.ChoiceParam("variant", "two-locks", List.of("two-locks", "philosophers"), false),
            new ParamSpec.BoolParam("ordered", false, false),
            new ParamSpec.IntParam("meals", 3, 1, 1000, false));

    public DeadlockScenario() {
        super("deadlock", Topic.LOCKS_AND_RACES, PARAMS);
    }

    @Override
    public void main(ScenarioContext ctx) {
        AtomicInteger meals = ctx.keep("meals", new AtomicInteger());
        boolean ordered = ctx.boolParam("ordered");
        List<Worker> threads = new ArrayList<>();
        ctx.line("locks");
        if (ctx.choiceParam("variant").equals("two-locks")) {
            Lock a = ctx.lock("lock_a"); // named as the program names them
            Lock b = ctx.lock("lock_b");
            threads.add(ctx.thread("T1", () -> twoLocks(ctx, a, b, meals)));
            threads.add(ctx.thread("T2", () -> twoLocks(ctx, ordered ? a : b, ordered ? b : a, meals)));
        } else {
            int n = 5;
            Lock[] forks = new Lock[n];
            for (int i = 0; i < n; i++) {
                forks[i] = ctx.lock("forks[" + i + "]"); // as the program names them
            }
            int rounds = ctx.intParam("meals");
            for (int i = 0; i < n; i++) {
                Lock left = forks[i];
                Lock right = forks[(i + 1) % n];
                boolean swap = ordered && i == n - 1; // the last one takes fork0 first: the global order
                Lock first = swap ? right : left;
                Lock second = swap ? left : right;
                threads.add(ctx.thread("P" + i, () -> philosopher(ctx, first, second, rounds, meals)));
            }
        }
        ctx.line("create");
        threads.forEach(Worker::start);
        threads.forEach(Worker::join);
        ctx.line("start");
        ctx.print("every thread finished");
    }

    private static void twoLocks(ScenarioContext ctx, Lock first, Lock second, AtomicInteger meals) {
        ctx.line("first");
        first.acquire();
        ctx.line("think");
        ctx.sleep(0.01); // long enough for the other thread to take its first lock
        ctx.line("second");
        second.acquire();
        ctx.line("both");
        meals.incrementAndGet();
        second.release();
        first.release();
    }

    private static void philosopher(ScenarioContext ctx, Lock first, Lock second, int rounds, AtomicInteger meals) {
        for (int r = 0; r < rounds; r++) {
            ctx.line("first");
            first.acquire();
            ctx.line("think");
            ctx.sleep(0.01);
            ctx.line("second");
            second.acquire();
            ctx.line("both");
            meals.incrementAndGet();
            ctx.sleep(0.005);
            second.release();
            first.release();
        }
    }

    @Override
    public Map<String, Object> result(ScenarioContext ctx) {
        AtomicInteger meals = ctx.kept("meals");
        Map<String, Object> out = new LinkedHashMap<>();
        // the philosophers eat; T1 and T2 only take both locks ("meals eaten" named nothing of theirs)
        boolean philosophers = ctx.choiceParam("variant").equals("philosophers");
        out.put(philosophers ? "completed" : "bothLocksTaken", meals == null ? 0 : meals.get());
        return out;
    }
}
