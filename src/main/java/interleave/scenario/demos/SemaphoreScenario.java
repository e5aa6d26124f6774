package interleave.scenario.demos;

import interleave.engine.Semaphore;
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
 * A semaphore as a connection pool (tutorial 002).
 *
 * Teaches: Semaphore(k) hands out k permits. Each worker takes one before using a "connection" and gives it
 * back afterwards, so never more than k workers are inside at once, however many there are.
 * Watch: the permits line of the semaphore steps down to 0; later workers queue on it until a permit comes
 * back; the most workers ever inside at once (the result) is k.
 * Variant "overrelease": one buggy worker releases twice. A BoundedSemaphore catches it (ValueError: released
 * too many times) instead of silently creating a (k+1)-th connection.
 */
public final class SemaphoreScenario extends Scenario {
    private static final List<ParamSpec> PARAMS = List.of(
            new ParamSpec.IntParam("workers", 6, 1, 100, false),
            new ParamSpec.IntParam("permits", 2, 1, 50, false),
            new ParamSpec.BoolParam("overrelease", false, false));

    public SemaphoreScenario() {
        super("semaphore", Topic.COORDINATION, PARAMS);
    }

    @Override
    public void main(ScenarioContext ctx) {
        int permits = ctx.intParam("permits");
        boolean over = ctx.boolParam("overrelease");
        Semaphore pool = ctx.boundedSemaphore("pool", permits); // named as the program names it
        // who is inside, counted outside the run (no scheduling point): a shared counter of the workers' own
        // would race between the k workers inside and lose updates (a walkthrough saw "3 in use" of 2 permits);
        // the shown program has none either, and the semaphore's lane shows the permits left
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger max = ctx.keep("max", new AtomicInteger());
        List<Worker> ws = new ArrayList<>();
        for (int i = 0; i < ctx.intParam("workers"); i++) {
            int me = i;
            ws.add(ctx.thread("worker-" + i, () -> {
                ctx.line("acquire");
                pool.acquire();
                max.accumulateAndGet(inside.incrementAndGet(), Math::max);
                ctx.line("use");
                ctx.sleep(0.5);
                inside.decrementAndGet();
                ctx.line("release");
                pool.release();
                if (over && me == 0) {
                    ctx.line("overrelease");
                    pool.release(); // the bug: a second release
                }
            }));
        }
        ctx.line("start");
        ws.forEach(Worker::start);
        ws.forEach(Worker::join);
    }

    @Override
    public Map<String, Object> result(ScenarioContext ctx) {
        AtomicInteger max = ctx.kept("max");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("maxInUse", max == null ? 0 : max.get());
        out.put("permits", ctx.intParam("permits"));
        out.put("errors", ctx.threading().errors().size());
        return out;
    }
}
