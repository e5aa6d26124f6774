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

/*
 * The GIL and CPU-bound threads (tutorials 001, 002).
 *
 * Teaches: CPython lets one thread execute bytecode at a time (the GIL). CPU-bound threads take turns, each
 * for a time slice (sys.setswitchinterval), and together finish no sooner than one thread doing all the work,
 * on any number of cores: Cores 1 is what python3 does. Cores N shows what the GIL takes away: N cores that
 * really run in parallel (processes, a free-threaded build) finish the same work about N times sooner.
 * Watch: the clock at Cores 1, then at Cores 4. The Time slice setting is the switch interval: small slices
 * mean many context switches, large ones long turns.
 * What goes wrong: expecting threads to speed up CPU-bound work in CPython; they do not (use processes).
 */
public final class GilScenario extends Scenario {
    private static final List<ParamSpec> PARAMS = List.of(
            new ParamSpec.IntParam("threads", 4, 1, 64, false),
            new ParamSpec.IntParam("work", 20_000, 1, 10_000_000, false));

    public GilScenario() {
        super("gil", Topic.PERFORMANCE, PARAMS);
    }

    @Override
    public void main(ScenarioContext ctx) {
        int work = ctx.intParam("work");
        double t0 = ctx.seconds();
        List<Worker> ws = new ArrayList<>();
        for (int i = 0; i < ctx.intParam("threads"); i++) {
            ws.add(ctx.thread("worker-" + i, () -> {
                for (int s = 0; s < work; s++) {
                    ctx.line("count");
                    ctx.step(); // one chunk of pure computation: a bytecode the GIL may switch after
                }
            }));
        }
        ctx.line("start");
        ws.forEach(Worker::start);
        ws.forEach(Worker::join);
        double total = ctx.seconds() - t0;
        ctx.keep("seconds", total);
        ctx.print(String.format(java.util.Locale.ROOT, "%d threads x %d steps, cores: %d, %.3f s", // as the
                ws.size(), work, ctx.threading().settings().cores(), total));                    // program prints it
    }

    @Override
    public Map<String, Object> result(ScenarioContext ctx) {
        Double s = ctx.kept("seconds");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("seconds", s == null ? 0.0 : Math.round(s * 1e6) / 1e6);
        out.put("cores", ctx.threading().settings().cores());
        return out;
    }
}
