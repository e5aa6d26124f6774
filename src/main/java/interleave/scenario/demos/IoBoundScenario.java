package interleave.scenario.demos;

import interleave.engine.Worker;
import interleave.scenario.ParamSpec;
import interleave.scenario.Scenario;
import interleave.scenario.ScenarioContext;
import interleave.scenario.Topic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/*
 * I/O-bound threads (tutorial 001).
 *
 * Teaches: fib, fac and sum each compute a little and then sleep (standing in for waiting on a disk or a
 * network). Run one after the other, the program takes the sum of the three times. Run in three threads, it
 * takes about as long as the slowest one: while one thread sleeps, another uses the CPU. That is why threads
 * help with I/O even under the GIL.
 * Watch: the first half is a single busy lane at a time; the second half has three lanes taking turns, mostly
 * asleep. The result compares both clocks.
 */
public final class IoBoundScenario extends Scenario {
    private static final List<ParamSpec> PARAMS = List.of(
            new ParamSpec.IntParam("n", 10, 1, 25, false),
            new ParamSpec.IntParam("sleepMillis", 100, 1, 10_000, false));

    public IoBoundScenario() {
        super("io-bound", Topic.PERFORMANCE, PARAMS);
    }

    private record Job(String name, String line, IntUnaryOperator f) {
    }

    private static final List<Job> JOBS = List.of(
            new Job("fib", "fib", x -> x < 2 ? 1 : fib(x)),
            new Job("fac", "fac", x -> x < 2 ? 1 : fac(x)),
            new Job("sum", "total", x -> x * (x + 1) / 2));

    private static int fib(int x) {
        int a = 1;
        int b = 1;
        for (int i = 2; i <= x; i++) {
            int c = a + b;
            a = b;
            b = c;
        }
        return b;
    }

    private static int fac(int x) {
        int r = 1;
        for (int i = 2; i <= x; i++) {
            r *= i;
        }
        return r;
    }

    /** One job: n steps, each a sleep and a computation step, as the tutorial's functions do. */
    private static void run(ScenarioContext ctx, Job job, int n, double sleep) {
        for (int i = 1; i <= n; i++) {
            ctx.line(job.line());
            ctx.sleep(sleep);
            ctx.step();
        }
        ctx.print(job.name() + "(" + n + ") = " + job.f().applyAsInt(n));
    }

    @Override
    public void main(ScenarioContext ctx) {
        int n = ctx.intParam("n");
        double sleep = ctx.intParam("sleepMillis") / 1000.0;
        ctx.line("serial");
        double t0 = ctx.seconds();
        for (Job j : JOBS) {
            run(ctx, j, n, sleep);
        }
        double sequential = ctx.seconds() - t0;
        ctx.print(String.format(java.util.Locale.ROOT, "one after another: %.3f s", sequential));
        ctx.line("parallel");
        double t1 = ctx.seconds();
        List<Worker> ws = new ArrayList<>();
        for (Job j : JOBS) {
            ws.add(ctx.thread(j.name(), () -> run(ctx, j, n, sleep)));
        }
        ws.forEach(Worker::start);
        ws.forEach(Worker::join);
        double threaded = ctx.seconds() - t1;
        ctx.print(String.format(java.util.Locale.ROOT, "in three threads: %.3f s", threaded));
        ctx.keep("sequential", sequential);
        ctx.keep("threaded", threaded);
    }

    @Override
    public Map<String, Object> result(ScenarioContext ctx) {
        Double s = ctx.kept("sequential");
        Double t = ctx.kept("threaded");
        Map<String, Object> out = new LinkedHashMap<>();
        // each time only once it is measured: a 0.000 mid-run read as a result
        if (s != null) {
            out.put("sequentialSeconds", Math.round(s * 1000) / 1000.0);
        }
        if (t != null) {
            out.put("threadedSeconds", Math.round(t * 1000) / 1000.0);
        }
        return out;
    }
}
