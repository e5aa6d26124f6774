package interleave.scenario.demos;

import interleave.engine.Lock;
import interleave.engine.SharedInt;
import interleave.engine.Worker;
import interleave.scenario.ParamSpec;
import interleave.scenario.Scenario;
import interleave.scenario.ScenarioContext;
import interleave.scenario.Topic;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/*
 * The bank-balance race (tutorial 003).
 *
 * Teaches: `balance = balance + n` is not one step. It is a read of the shared balance, an addition in the
 * thread's own head, and a write back. Two threads (n = 5 and n = 8) each add n and subtract it again, so the
 * balance should end at 0.
 * Watch: the scheduler switching threads between a read and its write. The other thread then writes, and the
 * first thread's write, computed from the old value, wipes that update out: a lost update, marked on the
 * timeline with its read/write chain. The balance drifts away from 0.
 * The fix: hold a Lock around the two lines (the `lock` switch, which works mid-run). The read and the write
 * then happen with no other thread in between, every update survives, and the balance stays 0.
 * Variant "private": each thread works on its own copy, nothing is shared, nothing races, and the shared
 * balance is never touched: that is what "threads share memory" means by its absence.
 */
public final class BalanceScenario extends Scenario {
    private static final List<ParamSpec> PARAMS = List.of(
            new ParamSpec.IntParam("iterations", 100_000, 1, 10_000_000, false),
            new ParamSpec.BoolParam("lock", false, true),
            new ParamSpec.ChoiceParam("variant", "shared", List.of("shared", "private"), false));

    public BalanceScenario() {
        super("balance", Topic.LOCKS_AND_RACES, PARAMS);
    }

    @Override
    public void main(ScenarioContext ctx) {
        ctx.line("init");
        SharedInt balance = ctx.keep("balance", ctx.shared("balance", 0));
        Lock lock = ctx.lock("lock");
        boolean separate = ctx.choiceParam("variant").equals("private");
        int iterations = ctx.intParam("iterations");
        ctx.line("create");
        Worker t1 = ctx.thread("T1", () -> runThread(ctx, separate ? ctx.shared("balances['T1']", 0) : balance,
                lock, 5, iterations));
        Worker t2 = ctx.thread("T2", () -> runThread(ctx, separate ? ctx.shared("balances['T2']", 0) : balance,
                lock, 8, iterations));
        ctx.line("start");
        t1.start();
        t2.start();
        ctx.line("join");
        t1.join();
        t2.join();
        ctx.line("print");
        ctx.print("balance = " + balance.read());
    }

    private static void runThread(ScenarioContext ctx, SharedInt balance, Lock lock, int n, int iterations) {
        for (int i = 0; i < iterations; i++) {
            ctx.line("loop");
            if (ctx.boolParam("lock")) {  // read once per iteration: the switch takes effect at the next one
                ctx.line("lock");
                lock.acquire();
                try {
                    changeIt(ctx, balance, n);
                } finally {
                    ctx.line("lock");
                    lock.release();
                }
            } else {
                changeIt(ctx, balance, n);
            }
        }
    }

    private static void changeIt(ScenarioContext ctx, SharedInt balance, int n) {
        ctx.line("add");
        int b = balance.read();
        balance.write(b + n);
        ctx.line("subtract");
        b = balance.read();
        balance.write(b - n);
    }

    @Override
    public Map<String, Object> result(ScenarioContext ctx) {
        SharedInt balance = ctx.kept("balance");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("balance", balance == null ? 0 : balance.peek());
        out.put("expected", 0);
        return out;
    }
}
