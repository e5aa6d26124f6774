package interleave.scenario.demos;

import interleave.engine.Event;
import interleave.engine.Worker;
import interleave.scenario.ActionSpec;
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
 * The event gate (tutorial 004).
 *
 * Teaches: threading.Event is a flag with a waiting room. Ten threads call event.wait() and block; nothing
 * moves until someone calls event.set(), which wakes every waiter at once. clear() re-arms the gate.
 * Watch: all ten threads pile up in the event's queue (waiting, dotted). With "auto" off, MainThread waits at
 * the keyboard as the tutorial does: type "true" in the keyboard bar (or press "Set event") and they all become
 * ready together. With "auto" on, MainThread sets the event itself after `delay` seconds, so a headless run
 * finishes too (with "auto" off and nobody at the keyboard, input() raises EOFError and the gate stays shut).
 * Each thread goes through the gate `rounds` times; between rounds, "Clear event" makes them wait again.
 */
public final class EventGateScenario extends Scenario {
    private static final List<ParamSpec> PARAMS = List.of(
            new ParamSpec.IntParam("threads", 10, 1, 100, false),
            new ParamSpec.BoolParam("auto", true, false),
            new ParamSpec.IntParam("delay", 2, 0, 3600, false),
            new ParamSpec.IntParam("rounds", 1, 1, 10, false));
    private static final List<ActionSpec> ACTIONS = List.of(new ActionSpec("set"), new ActionSpec("clear"));

    public EventGateScenario() {
        super("event-gate", Topic.COORDINATION, PARAMS, ACTIONS);
    }

    @Override
    public void main(ScenarioContext ctx) {
        Event event = ctx.event("event");
        ctx.onAction("set", event::set);
        ctx.onAction("clear", event::clear);
        AtomicInteger passed = ctx.keep("passed", new AtomicInteger());
        int rounds = ctx.intParam("rounds");
        List<Worker> ws = new ArrayList<>();
        for (int i = 0; i < ctx.intParam("threads"); i++) {
            ws.add(ctx.thread("Thread-" + i, () -> {
                for (int r = 0; r < rounds; r++) {
                    ctx.line("wait");
                    event.await();
                    ctx.line("passed");
                    ctx.print(ctx.currentThreadName() + " passed the gate");
                    passed.incrementAndGet();
                    ctx.sleep(0.1);
                }
            }));
        }
        ctx.line("start");
        ws.forEach(Worker::start);
        for (int r = 0; r < rounds; r++) {
            if (ctx.boolParam("auto")) {
                ctx.line("delay");
                ctx.sleep(ctx.intParam("delay"));
            } else {
                ctx.line("input");
                while (!ctx.input("> ").equals("true")) {
                    ctx.line("input");
                }
            }
            ctx.line("set");
            event.set();
            ctx.sleep(0.05);
            event.clear();
        }
        ctx.line("join");
        ws.forEach(Worker::join);
    }

    @Override
    public Map<String, Object> result(ScenarioContext ctx) {
        AtomicInteger passed = ctx.kept("passed");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("passed", passed == null ? 0 : passed.get());
        out.put("expected", ctx.intParam("threads") * ctx.intParam("rounds"));
        return out;
    }
}
