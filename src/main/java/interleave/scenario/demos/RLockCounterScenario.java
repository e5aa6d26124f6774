package interleave.scenario.demos;

import interleave.engine.Acquirable;
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

/*
 * RLock counter (tutorial 004).
 *
 * Teaches: ten threads each add 1 to a global counter while holding a lock, and sleep while still holding
 * it, so they go through the critical section one at a time and the counter ends at exactly 10.
 * Watch: the lock lane passes from thread to thread; everybody else queues on it (blocked, hatched).
 * Variant "nested": each thread takes the lock a second time inside a helper. With an RLock that is fine (the
 * owner may re-acquire; the depth goes to 2 and back). With a plain Lock the thread blocks on the lock it
 * already holds: a self-deadlock, which the deadlock view shows as a cycle of one thread.
 */
public final class RLockCounterScenario extends Scenario {
    private static final List<ParamSpec> PARAMS = List.of(
            new ParamSpec.IntParam("threads", 10, 1, 100, false),
            new ParamSpec.ChoiceParam("lock", "rlock", List.of("rlock", "lock"), false),
            new ParamSpec.BoolParam("nested", false, false));

    public RLockCounterScenario() {
        super("rlock-counter", Topic.LOCKS_AND_RACES, PARAMS);
    }

    @Override
    public void main(ScenarioContext ctx) {
        SharedInt counter = ctx.keep("counter", ctx.shared("gl_num", 0));
        Acquirable lock = ctx.choiceParam("lock").equals("rlock") ? ctx.rlock("lock") : ctx.lock("lock");
        boolean nested = ctx.boolParam("nested");
        List<Worker> ws = new ArrayList<>();
        for (int i = 0; i < ctx.intParam("threads"); i++) {
            ws.add(ctx.thread("Thread-" + i, () -> {
                ctx.line("acquire");
                lock.acquire();
                try {
                    ctx.line("increment");
                    counter.write(counter.read() + 1);
                    if (nested) {
                        ctx.line("nested-acquire");
                        lock.acquire(); // a helper that takes the same lock again
                        ctx.line("nested-release");
                        lock.release();
                    }
                    ctx.line("sleep");
                    ctx.sleep(1);
                    ctx.line("print");
                    ctx.print(ctx.currentThreadName() + ": gl_num = " + counter.read());
                } finally {
                    ctx.line("release");
                    lock.release();
                }
            }));
        }
        ctx.line("start");
        ws.forEach(Worker::start);
        ws.forEach(Worker::join);
    }

    @Override
    public Map<String, Object> result(ScenarioContext ctx) {
        SharedInt counter = ctx.kept("counter");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("counter", counter == null ? 0 : counter.peek());
        out.put("expected", ctx.intParam("threads"));
        return out;
    }
}
