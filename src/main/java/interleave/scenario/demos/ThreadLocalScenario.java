package interleave.scenario.demos;

import interleave.engine.SharedInt;
import interleave.engine.ThreadLocalVar;
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
 * ThreadLocal students (tutorial 003).
 *
 * Teaches: local_school = threading.local() is one object every thread uses, yet each thread sees only the
 * attribute it bound itself: Thread-A binds student = 'Alice', Thread-B binds 'Bob', and a helper function
 * deep inside each thread reads local_school.student without the value being passed down.
 * Watch: both threads bind, then the scheduler switches between binding and reading; each still greets its
 * own student.
 * Variant "shared": the same code with one plain shared field. Thread-B's write replaces Thread-A's, so
 * Thread-A greets Bob: that is exactly the problem a thread-local solves.
 */
public final class ThreadLocalScenario extends Scenario {
    private static final List<String> NAMES = List.of("Alice", "Bob");
    private static final List<ParamSpec> PARAMS = List.of(
            new ParamSpec.ChoiceParam("variant", "local", List.of("local", "shared"), false));

    public ThreadLocalScenario() {
        super("thread-local", Topic.THREADS, PARAMS);
    }

    @Override
    public void main(ScenarioContext ctx) {
        boolean local = ctx.choiceParam("variant").equals("local");
        // each variant creates only what it uses: a never-written "student" box at -1 would only confuse
        ThreadLocalVar student = local ? ctx.local("local_school.student") : null;
        SharedInt shared = local ? null : ctx.shared("student", -1); // holds an index into NAMES
        AtomicInteger wrong = ctx.keep("wrong", new AtomicInteger());
        AtomicInteger greeted = ctx.keep("greeted", new AtomicInteger());
        Worker a = ctx.thread("Thread-A", () -> process(ctx, local, student, shared, 0, wrong, greeted));
        Worker b = ctx.thread("Thread-B", () -> process(ctx, local, student, shared, 1, wrong, greeted));
        ctx.line("start");
        a.start();
        b.start();
        ctx.line("join");
        a.join();
        b.join();
    }

    private static void process(ScenarioContext ctx, boolean local, ThreadLocalVar student, SharedInt shared,
                                int me, AtomicInteger wrong, AtomicInteger greeted) {
        ctx.line("bind");
        if (local) {
            student.set(NAMES.get(me));
        } else {
            shared.write(me);
        }
        ctx.yieldNow(); // the other thread gets the CPU between binding and reading
        ctx.line("read");
        String name = local ? student.get() : NAMES.get(shared.read());
        ctx.line("print");
        ctx.print("Hello, " + name + " (in " + ctx.currentThreadName() + ")");
        greeted.incrementAndGet();
        if (!name.equals(NAMES.get(me))) {
            wrong.incrementAndGet();
        }
    }

    @Override
    public Map<String, Object> result(ScenarioContext ctx) {
        AtomicInteger wrong = ctx.kept("wrong");
        AtomicInteger greeted = ctx.kept("greeted");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("wrongGreetings", wrong == null ? 0 : wrong.get());
        out.put("greetings", greeted == null ? 0 : greeted.get());
        return out;
    }
}
