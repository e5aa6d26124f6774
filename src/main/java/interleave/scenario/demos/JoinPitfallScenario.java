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
 * The join pitfall (tutorial 004).
 *
 * Teaches: t.join() makes the caller wait until t has finished. Calling it inside the loop that starts the
 * threads ("inside") waits for each thread before the next one is even started, so the threads run one after
 * another: the total time is the sum of their times. Starting them all first and joining afterwards
 * ("after") lets them overlap: the total is the longest one.
 * Watch: the timeline lanes: a staircase for "inside", three lanes side by side for "after"; and the clock.
 */
public final class JoinPitfallScenario extends Scenario {
    private static final List<ParamSpec> PARAMS = List.of(
            new ParamSpec.ChoiceParam("join", "inside", List.of("inside", "after"), false),
            new ParamSpec.IntParam("threads", 3, 1, 50, false),
            new ParamSpec.IntParam("seconds", 2, 1, 3600, false));

    public JoinPitfallScenario() {
        super("join-pitfall", Topic.THREADS, PARAMS);
    }

    @Override
    public void main(ScenarioContext ctx) {
        int seconds = ctx.intParam("seconds");
        boolean inside = ctx.choiceParam("join").equals("inside");
        double start = ctx.seconds();
        List<Worker> ws = new ArrayList<>();
        for (int i = 0; i < ctx.intParam("threads"); i++) {
            Worker w = ctx.thread("Thread-" + i, () -> {
                for (int s = 0; s < seconds; s++) {
                    ctx.line("work");
                    ctx.sleep(1);
                }
            });
            ws.add(w);
            ctx.line("start");
            w.start();
            if (inside) {
                ctx.line("join-inside");
                w.join(); // the pitfall: wait here before starting the next one
            }
        }
        if (!inside) {
            ctx.line("join-after");
            ws.forEach(Worker::join);
        }
        double total = ctx.seconds() - start;
        ctx.keep("total", total);
        ctx.line("done");
        ctx.print(String.format(java.util.Locale.ROOT, "all done after %.1f s", total));
    }

    @Override
    public Map<String, Object> result(ScenarioContext ctx) {
        Double total = ctx.kept("total");
        Map<String, Object> out = new LinkedHashMap<>();
        if (total != null) { // only once it is measured: a 0.000 mid-run read as a result
            out.put("totalSeconds", Math.round(total * 1000) / 1000.0);
        }
        out.put("sumOfThreads", (double) ctx.intParam("threads") * ctx.intParam("seconds"));
        return out;
    }
}
