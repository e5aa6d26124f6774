package interleave.scenario.demos;

import interleave.engine.Semaphore;
import interleave.engine.SharedInt;
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
 * back; the "in use" counter never goes above k.
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
        Semaphore pool = ctx.boundedSemaphore("connections", permits);
        SharedInt inUse = ctx.shared("in use", 0);
        AtomicInteger max = ctx.keep("max", new AtomicInteger());
        List<Worker> ws = new ArrayList<>();
        for (int i = 0; i < ctx.intParam("workers"); i++) {
            int me = i;
            ws.add(ctx.thread("worker-" + i, () -> {
                ctx.line("acquire");
                pool.acquire();
                int now = inUse.read() + 1;
                inUse.write(now);
                max.accumulateAndGet(now, Math::max);
                ctx.line("use");
                ctx.sleep(0.5);
                inUse.write(inUse.read() - 1);
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
