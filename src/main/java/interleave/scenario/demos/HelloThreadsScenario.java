package interleave.scenario.demos;

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
 * Hello, threads (tutorial 003).
 *
 * Teaches: a program starts with one thread, MainThread; threading.Thread(target=loop, name='LoopThread')
 * starts a second one that runs beside it. Every thread has a name, and current_thread().name tells code
 * which thread is running it.
 * Watch: the log shows each line with the name of the thread that printed it; MainThread waits in join()
 * while LoopThread prints and sleeps, and only then prints its last line.
 * Nothing goes wrong here: it is the baseline every other demo builds on.
 */
public final class HelloThreadsScenario extends Scenario {
    private static final List<ParamSpec> PARAMS = List.of(
            new ParamSpec.IntParam("count", 5, 1, 1000, false));

    public HelloThreadsScenario() {
        super("hello-threads", Topic.THREADS, PARAMS);
    }

    @Override
    public void main(ScenarioContext ctx) {
        AtomicInteger printed = ctx.keep("printed", new AtomicInteger());
        ctx.line("main-start");
        ctx.print("thread " + ctx.currentThreadName() + " is running...");
        printed.incrementAndGet();
        int count = ctx.intParam("count");
        ctx.line("create");
        Worker t = ctx.thread("LoopThread", () -> {
            ctx.line("loop-start");
            ctx.print("thread " + ctx.currentThreadName() + " is running...");
            printed.incrementAndGet();
            for (int n = 1; n <= count; n++) {
                ctx.line("count");
                ctx.print("thread " + ctx.currentThreadName() + " >>> " + n);
                printed.incrementAndGet();
                ctx.sleep(1);
            }
            ctx.line("loop-end");
            ctx.print("thread " + ctx.currentThreadName() + " ended.");
            printed.incrementAndGet();
        });
        ctx.line("start");
        t.start();
        ctx.line("join");
        t.join();
        ctx.line("main-end");
        ctx.print("thread " + ctx.currentThreadName() + " ended.");
        printed.incrementAndGet();
    }

    @Override
    public Map<String, Object> result(ScenarioContext ctx) {
        AtomicInteger printed = ctx.kept("printed");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("lines", printed == null ? 0 : printed.get());
        out.put("threads", 2);
        return out;
    }
}
