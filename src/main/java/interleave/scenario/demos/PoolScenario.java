package interleave.scenario.demos;

import interleave.engine.Queue;
import interleave.engine.Worker;
import interleave.scenario.ParamSpec;
import interleave.scenario.Scenario;
import interleave.scenario.ScenarioContext;
import interleave.scenario.Topic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/*
 * A worker pool with callbacks (tutorials 001, 004).
 *
 * Teaches: Pool(5) keeps five workers and a queue of tasks. apply_async(task, callback=...) only queues a
 * task; a free worker takes it, runs it, and the callback receives its result. close() says no more tasks
 * will come; join() waits until the queue is drained and the workers have stopped.
 * Watch: the queue "tasks" (named as in the program) empties while at most five run at a time; the tasks
 * sleep a random time, so they finish out of order, and the callbacks arrive in finishing order.
 * (Python's Pool uses processes; here the workers are threads, which is what ThreadPool does.)
 */
public final class PoolScenario extends Scenario {
    private static final List<ParamSpec> PARAMS = List.of(
            new ParamSpec.IntParam("workers", 5, 1, 50, false),
            new ParamSpec.IntParam("tasks", 10, 1, 1000, false));

    public PoolScenario() {
        super("pool", Topic.COORDINATION, PARAMS);
    }

    @Override
    public void main(ScenarioContext ctx) {
        int nWorkers = ctx.intParam("workers");
        int nTasks = ctx.intParam("tasks");
        Queue<Integer> tasks = ctx.queue("tasks", 0); // as the program names it; -1 stands for its None
        double[] durations = new double[nTasks];
        for (int i = 0; i < nTasks; i++) {
            durations[i] = 0.5 + ctx.random().nextInt(25) / 10.0; // drawn on MainThread: deterministic
        }
        AtomicInteger callbacks = ctx.keep("callbacks", new AtomicInteger());
        // counted beside the run, not shared values of the program: the program has no such counter
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = ctx.keep("maxRunning", new AtomicInteger());
        Set<String> workersUsed = ctx.keep("workersUsed", ConcurrentHashMap.newKeySet());
        List<Worker> pool = new ArrayList<>();
        for (int w = 0; w < nWorkers; w++) {
            pool.add(ctx.thread("PoolWorker-" + w, () -> {
                while (true) {
                    ctx.line("get");
                    int task = tasks.get();
                    if (task < 0) {
                        return; // close() put one stop marker per worker
                    }
                    maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                    workersUsed.add(ctx.currentThreadName());
                    ctx.line("task");
                    ctx.sleep(durations[task]);
                    running.decrementAndGet();
                    ctx.line("callback");
                    ctx.print("callback: task " + task + " done"); // as the program prints it
                    callbacks.incrementAndGet();
                }
            }));
        }
        pool.forEach(Worker::start);
        for (int i = 0; i < nTasks; i++) {
            ctx.line("submit");
            tasks.put(i);
        }
        ctx.line("close");
        for (int w = 0; w < nWorkers; w++) { // close(): no more tasks
            tasks.put(-1);
        }
        ctx.line("join");
        pool.forEach(Worker::join);
        ctx.print("all tasks done");
    }

    @Override
    public Map<String, Object> result(ScenarioContext ctx) {
        AtomicInteger callbacks = ctx.kept("callbacks");
        AtomicInteger max = ctx.kept("maxRunning");
        Set<String> used = ctx.kept("workersUsed");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("callbacks", callbacks == null ? 0 : callbacks.get());
        out.put("tasks", ctx.intParam("tasks"));
        out.put("maxRunningAtOnce", max == null ? 0 : max.get());
        out.put("workersUsed", used == null ? 0 : used.size());
        return out;
    }
}
