package interleave.scenario.demos;

import interleave.engine.Condition;
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
 * A producer and its consumers, one item each, with a Condition (tutorial 002).
 *
 * Teaches: a consumer holds the condition's lock, checks "is there an item?", and if not calls wait(), which
 * lets go of the lock and sleeps until a producer's notify; wait() takes the lock back before it returns.
 * Watch: the producer puts one item and calls notify_all; every waiting consumer wakes, but only one can have
 * the item. With `while` the others check again, find the buffer empty and wait again.
 * What goes wrong with `if`: a consumer woken second does not check again; it takes from an empty
 * buffer (the count goes below zero: an underflow). The bug only shows when two threads wake for one item,
 * which is why "while, not if" is the rule.
 */
public final class ConditionScenario extends Scenario {
    private static final List<ParamSpec> PARAMS = List.of(
            new ParamSpec.ChoiceParam("check", "while", List.of("while", "if"), false),
            new ParamSpec.IntParam("items", 6, 1, 10_000, false));

    public ConditionScenario() {
        super("condition", Topic.COORDINATION, PARAMS);
    }

    @Override
    public void main(ScenarioContext ctx) {
        boolean useWhile = ctx.choiceParam("check").equals("while");
        int items = ctx.intParam("items");
        // named as the program's objects: its Condition and the Lock it was made with
        Condition cond = ctx.condition("cond", ctx.lock("cond (lock)"));
        SharedInt count = ctx.shared("items", 0);
        AtomicInteger consumed = ctx.keep("consumed", new AtomicInteger());
        AtomicInteger underflows = ctx.keep("underflows", new AtomicInteger());
        AtomicInteger produced = ctx.keep("produced", new AtomicInteger());
        Runnable consumer = () -> { // each consumer takes one item, as the program's consumer()
            ctx.line("enter");
            cond.acquire();
            try {
                if (useWhile) {
                    while (count.read() == 0) {
                        ctx.line("wait");
                        cond.await();
                    }
                } else if (count.read() == 0) {
                    ctx.line("wait-once");
                    cond.await(); // the bug: nobody checks again after waking
                }
                ctx.line("take");
                int left = count.read() - 1;
                count.write(left);
                consumed.incrementAndGet();
                if (left < 0) {
                    underflows.incrementAndGet();
                    ctx.print(ctx.currentThreadName() + " took from an EMPTY buffer (count " + left + ")");
                }
            } finally {
                cond.release();
            }
        };
        List<Worker> threads = new ArrayList<>();
        for (int i = 1; i <= items; i++) {
            threads.add(ctx.thread("consumer-" + i, consumer));
        }
        threads.add(ctx.thread("producer", () -> {
            for (int i = 0; i < items; i++) {
                ctx.sleep(0.1);
                ctx.line("produce");
                cond.acquire();
                try {
                    count.write(count.read() + 1);
                    produced.incrementAndGet();
                    ctx.line("notify");
                    cond.notifyAllWaiters();
                } finally {
                    cond.release();
                }
            }
        }));
        ctx.line("start");
        for (Worker w : threads) {
            w.start();
        }
        ctx.line("join");
        for (Worker w : threads) {
            w.join();
        }
    }

    @Override
    public Map<String, Object> result(ScenarioContext ctx) {
        AtomicInteger u = ctx.kept("underflows");
        AtomicInteger c = ctx.kept("consumed");
        AtomicInteger p = ctx.kept("produced");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("underflows", u == null ? 0 : u.get());
        out.put("produced", p == null ? 0 : p.get());
        out.put("consumed", c == null ? 0 : c.get());
        return out;
    }
}
