package interleave.engine;

import interleave.trace.Deadlock;
import interleave.trace.Trace;
import interleave.trace.TraceFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.StringWriter;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeterminismAndDeadlockTest {

    private static final Consumer<Kernel> MIXED = k -> {
        SharedInt x = k.sharedInt("x", 0);
        Lock lock = k.lock("lock");
        Event go = k.event("go");
        Worker[] ws = new Worker[4];
        for (int i = 0; i < ws.length; i++) {
            int n = i;
            ws[i] = k.thread("W" + i, n % 2 == 0, () -> {
                go.await();
                for (int j = 0; j < 300; j++) {
                    if (j % 3 == 0) {
                        lock.acquire();
                        x.write(x.read() + n);
                        lock.release();
                    } else {
                        x.write(x.read() - 1);
                    }
                    if (j % 50 == 0) {
                        k.sleep(0.001 * n);
                    }
                }
            });
            ws[i].start();
        }
        k.sleep(0.01);
        go.set();
        for (Worker w : ws) {
            w.join();
        }
    };

    private static String bytes(RunSettings s) throws Exception {
        Kernel k = Harness.run(s, MIXED);
        StringWriter w = new StringWriter();
        TraceFiles.write(k.trace(), w);
        return w.toString();
    }

    @ParameterizedTest
    @EnumSource(Policy.class)
    void sameSeedGivesByteIdenticalTraces(Policy policy) throws Exception {
        for (int cores : new int[] {1, 3}) {
            RunSettings s = RunSettings.DEFAULT.withPolicy(policy).withCores(cores).withQuantum(7).withSeed(42);
            String first = bytes(s);
            assertEquals(first, bytes(s), "cores " + cores);
            assertTrue(first.length() > 10_000);
        }
    }

    @Test
    void cooperativeRunsAreDeterministicToo() throws Exception {
        RunSettings s = RunSettings.DEFAULT.withMode(Mode.COOPERATIVE);
        assertEquals(bytes(s), bytes(s));
    }

    @Test
    void differentSeedsGiveDifferentTraces() throws Exception {
        RunSettings s = RunSettings.DEFAULT.withQuantum(7);
        assertNotEquals(bytes(s.withSeed(1)), bytes(s.withSeed(2)));
    }

    private static final Consumer<Kernel> OPPOSITE_ORDER = k -> {
        Lock a = k.lock("lockA");
        Lock b = k.lock("lockB");
        Worker t1 = k.thread("T1", false, () -> {
            a.acquire();
            k.sleep(0.05);
            b.acquire();
        });
        Worker t2 = k.thread("T2", false, () -> {
            b.acquire();
            k.sleep(0.05);
            a.acquire();
        });
        t1.start();
        t2.start();
        t1.join();
        t2.join();
    };

    @ParameterizedTest
    @EnumSource(Mode.class)
    void deadlockReportsTheWaitForCycle(Mode mode) throws Exception {
        Kernel k = Harness.run(mode, OPPOSITE_ORDER);
        RunOutcome o = k.outcomeNow();
        assertEquals(RunOutcome.Status.DEADLOCK, o.status());
        Deadlock d = o.deadlock();
        assertTrue(d.cycle());
        Trace t = k.trace();
        List<String> threads = d.threads().stream().map(i -> t.thread(i).name()).sorted().toList();
        List<String> resources = d.resources().stream().map(i -> t.object(i).name()).sorted().toList();
        assertEquals(List.of("T1", "T2"), threads);
        assertEquals(List.of("lockA", "lockB"), resources);
        // each thread waits for the lock the next one in the cycle holds
        for (int i = 0; i < d.threads().size(); i++) {
            String waitsFor = t.object(d.resources().get(i)).name();
            String thread = t.thread(d.threads().get(i)).name();
            assertEquals(thread.equals("T1") ? "lockB" : "lockA", waitsFor);
        }
    }

    @Test
    void aStallWithNoUserIsReportedWithoutACycle() throws Exception {
        Kernel k = Harness.run(Mode.SIM, kk -> kk.event("never").await());
        RunOutcome o = k.outcomeNow();
        assertEquals(RunOutcome.Status.DEADLOCK, o.status());
        assertEquals(false, o.deadlock().cycle());
        assertEquals(List.of(0), o.deadlock().threads());
    }

    /** MainThread joins T1, which waits for an Event nobody sets: a stall, in which the join names its thread. */
    @ParameterizedTest
    @EnumSource(Mode.class)
    void aStallThroughAJoinNamesTheJoinedThread(Mode mode) throws Exception {
        Kernel k = Harness.run(mode, kk -> {
            Worker t1 = kk.thread("T1", false, () -> kk.event("gate").await());
            t1.start();
            t1.join();
        });
        Deadlock d = k.outcomeNow().deadlock();
        assertEquals(false, d.cycle());
        Trace t = k.trace();
        int main = d.threads().indexOf(0);
        int worker = 1 - main;
        assertEquals(-1, d.resources().get(main), "MainThread waits for a thread to finish");
        assertEquals("T1", t.thread(d.waitsFor().get(main)).name());
        assertEquals("gate", t.object(d.resources().get(worker)).name());
        assertEquals(-1, d.waitsFor().get(worker), "nobody holds an Event");
        // the trace says the same: its analysis finds the same stall, not a cycle
        interleave.trace.TraceAnalyzer analyzed = new interleave.trace.TraceAnalyzer(t);
        analyzed.update();
        assertEquals(d, analyzed.deadlock());
    }

    @Test
    void nCoresRunNThreadsPerTick() throws Exception {
        Consumer<Kernel> cpu = k -> {
            Worker[] ws = new Worker[4];
            for (int i = 0; i < ws.length; i++) {
                ws[i] = k.thread("cpu" + i, false, () -> {
                    for (int j = 0; j < 1000; j++) {
                        k.step();
                    }
                });
                ws[i].start();
            }
            for (Worker w : ws) {
                w.join();
            }
        };
        long one = Harness.run(RunSettings.DEFAULT.withCores(1), cpu).now();
        long four = Harness.run(RunSettings.DEFAULT.withCores(4), cpu).now();
        double ratio = (double) one / four;
        assertTrue(ratio > 3.5 && ratio < 4.5, "1-core time / 4-core time = " + ratio);
    }
}
