package interleave.scenario.demos;

import interleave.engine.Worker;
import interleave.scenario.ParamSpec;
import interleave.scenario.Scenario;
import interleave.scenario.ScenarioContext;
import interleave.scenario.Topic;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/*
 * Daemon threads (tutorial 004).
 *
 * Teaches: when MainThread reaches the end of the program, Python waits for every non-daemon thread; daemon
 * threads are not waited for: they are cut off wherever they are.
 * Watch: MainThread finishes almost at once. The worker (non-daemon) keeps the program alive until its work
 * is done; the daemon's endless loop is killed at that very moment, in the middle of its loop.
 * What goes wrong: anything a daemon thread was doing (writing a file, flushing a buffer) is simply lost.
 */
public final class DaemonScenario extends Scenario {
    private static final List<ParamSpec> PARAMS = List.of(
            new ParamSpec.IntParam("work", 3, 1, 3600, false));

    public DaemonScenario() {
        super("daemon", Topic.THREADS, PARAMS);
    }

    @Override
    public void main(ScenarioContext ctx) {
        AtomicInteger ticks = ctx.keep("ticks", new AtomicInteger());
        AtomicBoolean workerDone = ctx.keep("workerDone", new AtomicBoolean());
        int work = ctx.intParam("work");
        Worker heartbeat = ctx.daemon("heartbeat", () -> {
            while (true) {
                ctx.line("beat");
                ctx.print("heartbeat " + ticks.incrementAndGet());
                ctx.line("beat-sleep");
                ctx.sleep(0.4);
            }
        });
        Worker worker = ctx.thread("worker", () -> {
            for (int i = 1; i <= work; i++) {
                ctx.line("work");
                ctx.sleep(1);
                ctx.print("worker: step " + i + " of " + work);
            }
            ctx.line("done");
            ctx.print("worker done");
            workerDone.set(true);
        });
        ctx.line("start");
        heartbeat.start();
        worker.start();
        ctx.line("main-done");
        ctx.print("MainThread: my code ends here; Python waits for worker"); // as the program prints it
    }

    @Override
    public Map<String, Object> result(ScenarioContext ctx) {
        AtomicInteger ticks = ctx.kept("ticks");
        AtomicBoolean done = ctx.kept("workerDone");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("workerFinished", done != null && done.get());
        out.put("heartbeats", ticks == null ? 0 : ticks.get());
        return out;
    }
}
