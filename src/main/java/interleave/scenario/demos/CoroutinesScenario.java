package interleave.scenario.demos;

import interleave.engine.Mode;
import interleave.engine.RunSettings;
import interleave.engine.SharedInt;
import interleave.engine.Worker;
import interleave.scenario.ParamSpec;
import interleave.scenario.Scenario;
import interleave.scenario.ScenarioContext;
import interleave.scenario.Topic;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/*
 * Coroutines: switching by hand (tutorial 004's greenlet and gevent examples).
 *
 * Runs in cooperative mode: a coroutine keeps the CPU until it gives it away itself (gr.switch(),
 * gevent.sleep(0)); nobody preempts it.
 * Part "switch": two coroutines print 12, 56, 34, 78: each switch() hands control to the other at exactly
 * the point written in the code, so the order is fixed.
 * Part "balance": the bank-balance program with no lock. Under cooperative scheduling it stays correct: no
 * switch can fall between a read and its write, because there is no switch unless the code asks for one.
 * With `yield_in_update` on, the code yields in the middle of an update (like an await between reading and
 * writing), and the race, with its lost updates, is back.
 */
public final class CoroutinesScenario extends Scenario {
    private static final List<ParamSpec> PARAMS = List.of(
            new ParamSpec.ChoiceParam("part", "switch", List.of("switch", "balance"), false),
            new ParamSpec.BoolParam("yield_in_update", false, false),
            new ParamSpec.IntParam("iterations", 1000, 1, 1_000_000, false));

    public CoroutinesScenario() {
        super("coroutines", Topic.PROCESSES_AND_COROUTINES, PARAMS);
    }

    @Override
    public RunSettings defaultSettings() {
        return RunSettings.DEFAULT.withMode(Mode.COOPERATIVE).withPolicy(interleave.engine.Policy.RR);
    }

    @Override
    public void main(ScenarioContext ctx) {
        if (ctx.choiceParam("part").equals("switch")) {
            switches(ctx);
        } else {
            balance(ctx);
        }
    }

    private static void switches(ScenarioContext ctx) {
        ConcurrentLinkedQueue<String> order = ctx.keep("order", new ConcurrentLinkedQueue<>());
        Worker gr1 = ctx.thread("gr1", () -> {
            ctx.line("p12");
            say(ctx, order, "12");
            ctx.line("to-gr2");
            ctx.yieldNow(); // gr2.switch()
            ctx.line("p34");
            say(ctx, order, "34");
            ctx.line("to-gr2-again");
            ctx.yieldNow();
        });
        Worker gr2 = ctx.thread("gr2", () -> {
            ctx.line("p56");
            say(ctx, order, "56");
            ctx.line("to-gr1");
            ctx.yieldNow(); // gr1.switch()
            ctx.line("p78");
            say(ctx, order, "78");
        });
        ctx.line("start");
        gr1.start();
        gr2.start();
        gr1.join();
        gr2.join();
    }

    private static void say(ScenarioContext ctx, ConcurrentLinkedQueue<String> order, String what) {
        order.add(what);
        ctx.print(what);
    }

    private static void balance(ScenarioContext ctx) {
        SharedInt balance = ctx.keep("balance", ctx.shared("balance", 0));
        boolean yieldInside = ctx.boolParam("yield_in_update");
        int iterations = ctx.intParam("iterations");
        Worker[] ws = new Worker[2];
        int[] ns = {5, 8};
        for (int k = 0; k < 2; k++) {
            int n = ns[k];
            ws[k] = ctx.thread("T" + (k + 1), () -> {
                for (int i = 0; i < iterations; i++) {
                    ctx.line("update");
                    int b = balance.read();
                    balance.write(b + n);
                    b = balance.read();
                    if (yieldInside) {
                        ctx.yieldNow(); // an await between the read and the write
                    }
                    balance.write(b - n);
                    ctx.line("yield");
                    ctx.yieldNow(); // gevent.sleep(0) once per iteration
                }
            });
        }
        ws[0].start();
        ws[1].start();
        ws[0].join();
        ws[1].join();
        ctx.print("balance = " + balance.read());
    }

    @Override
    public Map<String, Object> result(ScenarioContext ctx) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (ctx.choiceParam("part").equals("switch")) {
            ConcurrentLinkedQueue<String> order = ctx.kept("order");
            out.put("order", order == null ? "" : String.join(" ", order));
            out.put("expected", "12 56 34 78");
        } else {
            SharedInt b = ctx.kept("balance");
            out.put("balance", b == null ? 0 : b.peek());
            out.put("expected", 0);
        }
        return out;
    }
}
