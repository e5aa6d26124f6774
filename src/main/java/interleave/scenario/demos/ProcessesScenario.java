package interleave.scenario.demos;

import interleave.engine.RLock;
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
 * Processes: separate memory, and sharing on purpose (tutorials 003, 004).
 *
 * Modelled, not real: each "process" here is a worker thread that gets its own copy of the program's
 * variables, which is what fork() / multiprocessing.Process give a child. Real processes would also run in
 * parallel on several cores and cost much more to start; the point shown is only the memory.
 * Teaches ("isolated"): every child adds to "its" counter, and the parent's counter stays 0: nothing is
 * shared, so nothing races, but nothing is communicated either.
 * "shared": the children use one multiprocessing.Value / Array that lives in shared memory. Sharing is back,
 * and so is the race: without `lock` increments get lost; with the Value's lock they all count.
 */
public final class ProcessesScenario extends Scenario {
    private static final List<ParamSpec> PARAMS = List.of(
            new ParamSpec.ChoiceParam("memory", "isolated", List.of("isolated", "shared"), false),
            new ParamSpec.BoolParam("lock", false, true),
            new ParamSpec.IntParam("processes", 3, 1, 20, false),
            new ParamSpec.IntParam("increments", 1000, 1, 1_000_000, false));

    public ProcessesScenario() {
        super("processes", Topic.PROCESSES_AND_COROUTINES, PARAMS);
    }

    @Override
    public void main(ScenarioContext ctx) {
        boolean shared = ctx.choiceParam("memory").equals("shared");
        int increments = ctx.intParam("increments");
        // named as the runner names its program's values: a child's copy carries the process's name
        SharedInt parent = ctx.keep("parent", ctx.shared(shared ? "shared.value" : "counter", 0));
        // the Value's own lock (an RLock, as CPython's), named as the program takes it; "lock" is a live switch, so
        // it is there from the start wherever the memory is shared, and each pass asks the switch
        RLock lock = shared ? ctx.rlock("shared.get_lock()") : null;
        List<SharedInt> copies = ctx.keep("copies", new ArrayList<>());
        List<Worker> children = new ArrayList<>();
        for (int p = 0; p < ctx.intParam("processes"); p++) {
            // fork(): the child starts with its own copy of the parent's memory
            String name = "Process-" + (p + 1); // numbered from 1, as multiprocessing numbers them
            SharedInt mine = shared ? parent : ctx.shared("counter (" + name + ")", 0);
            if (!shared) {
                copies.add(mine);
            }
            children.add(ctx.thread(name, () -> {
                for (int i = 0; i < increments; i++) {
                    ctx.line("increment");
                    boolean locked = lock != null && ctx.boolParam("lock");
                    if (locked) {
                        ctx.line("lock");
                        lock.acquire();
                    }
                    // the read and the write are on the line that adds (a race is shown where it happens)
                    ctx.line(!shared ? "add-own" : locked ? "add-locked" : "add-shared");
                    mine.write(mine.read() + 1);
                    if (locked) {
                        lock.release();
                    }
                }
                ctx.print(ctx.currentThreadName() + " sees counter = " + mine.read());
            }));
        }
        ctx.line("start");
        children.forEach(Worker::start);
        children.forEach(Worker::join);
        ctx.line("parent");
        ctx.print("parent sees counter = " + parent.read());
    }

    @Override
    public Map<String, Object> result(ScenarioContext ctx) {
        SharedInt parent = ctx.kept("parent");
        boolean shared = ctx.choiceParam("memory").equals("shared");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("parentCounter", parent == null ? 0 : parent.peek());
        out.put("expected", shared ? ctx.intParam("processes") * ctx.intParam("increments") : 0);
        List<SharedInt> copies = ctx.kept("copies");
        if (!shared && copies != null) {
            out.put("childCopies", copies.stream().map(SharedInt::peek).toList());
        }
        return out;
    }

}
