package interleave.engine;

import interleave.trace.Trace;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A waiter woken to find its Lock or Semaphore taken again is put back to sleep by the thread handing over, not by
 * its own platform thread: the trace must be the one its own thread would have written, event for event, whatever
 * the policy, the slice, the cores, and timed waits that end in between.
 */
class RecheckInPlaceTest {

    @ParameterizedTest
    @CsvSource({"RANDOM, 1, 1", "RANDOM, 2, 1", "RANDOM, 20, 1", "RR, 3, 1", "RR, 5, 1", "RANDOM, 2, 2", "RR, 4, 2"})
    void aContendedLockGivesTheSameTraceEitherWay(Policy policy, int quantum, int cores) throws Exception {
        int inPlace = 0;
        for (long seed = 0; seed < 4; seed++) {
            RunSettings s = RunSettings.DEFAULT.withPolicy(policy).withQuantum(quantum).withCores(cores)
                    .withSeed(seed);
            SimKernel ownThreads = run(s, false, RecheckInPlaceTest::contended);
            SimKernel inPlaceToo = run(s, true, RecheckInPlaceTest::contended);
            assertEquals(RunOutcome.Status.FINISHED, inPlaceToo.outcomeNow().status(), "" + inPlaceToo.errors());
            assertEquals(0, ownThreads.rechecksDoneInPlace);
            assertEquals(events(ownThreads.trace()), events(inPlaceToo.trace()), "seed " + seed);
            inPlace += inPlaceToo.rechecksDoneInPlace;
        }
        assertTrue(inPlace > 0, "some waiters found their lock taken again and were re-checked in place");
    }

    /** Three threads on one Lock (timed acquires among them), two on a Semaphore of one, a sleeper in between. */
    private static void contended(Kernel k) {
        Lock lock = k.lock("lock");
        Semaphore permits = k.semaphore("permits", 1);
        SharedInt balance = k.sharedInt("balance", 0);
        Worker[] workers = new Worker[4];
        for (int i = 0; i < workers.length; i++) {
            int n = i;
            workers[i] = k.thread("w" + i, () -> {
                for (int round = 0; round < 40; round++) {
                    if (n == 3) {
                        permits.acquire();
                        balance.write(balance.read() + 1);
                        permits.release();
                    } else if (n == 2 && !lock.acquire(0.00003)) {
                        continue; // gave up: a timed wait that ends while the others hold the lock
                    } else if (n != 2) {
                        lock.acquire();
                    }
                    if (n != 3) {
                        balance.write(balance.read() + 1);
                        balance.write(balance.read() - 1);
                        lock.release();
                    }
                    k.step();
                }
            });
            workers[i].start();
        }
        for (int round = 0; round < 20; round++) {
            permits.acquire();
            k.sleep(0.000001);
            permits.release();
        }
        for (Worker w : workers) {
            w.join();
        }
    }

    private static SimKernel run(RunSettings s, boolean inPlace, Consumer<Kernel> program) throws Exception {
        SimKernel k = (SimKernel) Harness.kernel(s, RunControl.headless());
        k.rechecksInPlace = inPlace;
        return Harness.runOn(k, program);
    }

    private static String events(Trace t) throws java.io.IOException {
        java.io.StringWriter out = new java.io.StringWriter();
        interleave.trace.TraceFiles.write(t, out);
        return out.toString();
    }
}
