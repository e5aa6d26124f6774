package interleave.scenario.demos;

import interleave.engine.Condition;
import interleave.engine.SharedInt;
import interleave.engine.Worker;
import interleave.scenario.ParamSpec;
import interleave.scenario.Scenario;
import interleave.scenario.ScenarioContext;
import interleave.scenario.Topic;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/*
 * Producer and consumers on a bounded buffer with a Condition (tutorial 002).
 *
 * Teaches: a consumer holds the condition's lock, checks "is there an item?", and if not calls wait(), which
 * lets go of the lock and sleeps until a producer's notify; wait() takes the lock back before it returns.
 * Watch: the producer puts one item and calls notify_all; both consumers wake, but only one can have the
 * item. With `while` the second one checks again, finds the buffer empty and waits again.
 * What goes wrong with `if`: the second consumer does not check again after waking; it takes from an empty
 * buffer (the count goes below zero: an underflow). The bug only shows when two threads wake for one item,
 * which is why "while, not if" is the rule.
 */
public final class ConditionScenario extends Scenario {
    private static final List<ParamSpec> PARAMS = List.of(
            new ParamSpec.ChoiceParam("check", "while", List.of("while", "if"), false),
            new ParamSpec.IntParam("items", 6, 1, 10_000, false),
            new ParamSpec.IntParam("capacity", 2, 1, 100, false));

    public ConditionScenario() {
        super("condition", Topic.COORDINATION, PARAMS);
    }

    @Override
    public void main(ScenarioContext ctx) {
        boolean useWhile = ctx.choiceParam("check").equals("while");
        int items = ctx.intParam("items");
        int capacity = ctx.intParam("capacity");
        Condition cond = ctx.condition("not_empty / not_full", ctx.lock("buffer lock"));
        SharedInt count = ctx.shared("items in buffer", 0);
        AtomicInteger consumed = ctx.keep("consumed", new AtomicInteger());
        AtomicInteger underflows = ctx.keep("underflows", new AtomicInteger());
        AtomicInteger produced = ctx.keep("produced", new AtomicInteger());
        Runnable consumer = () -> {
            while (true) {
                ctx.line("enter");
                cond.acquire();
                try {
                    if (produced.get() >= items && count.read() <= 0) {
                        return;
                    }
                    if (useWhile) {
                        while (count.read() <= 0 && produced.get() < items) {
                            ctx.line("wait");
                            cond.await();
                        }
                    } else if (count.read() <= 0 && produced.get() < items) {
                        ctx.line("wait");
                        cond.await(); // the bug: nobody checks again after waking
                    }
                    if (count.read() <= 0 && produced.get() >= items && useWhile) {
                        return;
                    }
                    ctx.line("take");
                    int left = count.read() - 1;
                    count.write(left);
                    consumed.incrementAndGet();
                    if (left < 0) {
                        underflows.incrementAndGet();
                        ctx.print(ctx.currentThreadName() + " took from an EMPTY buffer (count " + left + ")");
                        count.write(0); // put it back to keep the demo going
                    }
                    if (left == capacity - 1) {
                        cond.notifyAllWaiters(); // the buffer was full: the producer may go on
                    }
                } finally {
                    cond.release();
                }
            }
        };
        Worker c1 = ctx.thread("consumer-1", consumer);
        Worker c2 = ctx.thread("consumer-2", consumer);
        Worker producer = ctx.thread("producer", () -> {
            for (int i = 0; i < items; i++) {
                ctx.sleep(0.1);
                ctx.line("produce");
                cond.acquire();
                try {
                    while (count.read() >= capacity) {
                        cond.await();
                    }
                    count.write(count.read() + 1);
                    produced.incrementAndGet();
                    ctx.line("notify");
                    cond.notifyAllWaiters();
                } finally {
                    cond.release();
                }
            }
            cond.acquire();
            cond.notifyAllWaiters(); // wake everyone so they see the end
            cond.release();
        });
        c1.start();
        c2.start();
        producer.start();
        producer.join();
        c1.join();
        c2.join();
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
