package interleave.scenario;

import interleave.engine.Mode;
import interleave.engine.Policy;
import interleave.engine.RunSettings;
import interleave.trace.EventKind;
import interleave.trace.LostUpdate;
import interleave.trace.Trace;
import interleave.trace.TraceAnalyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BalanceScenarioTest {
    private final Scenario balance = Scenarios.byId("balance").orElseThrow();

    private ScenarioRun run(Map<String, String> params, RunSettings s) throws Exception {
        return ScenarioRun.runToEnd(balance, Params.resolve(balance, params), s);
    }

    private static TraceAnalyzer analyse(ScenarioRun r) {
        TraceAnalyzer a = new TraceAnalyzer(r.trace());
        a.update();
        return a;
    }

    @Test
    void lockOffLosesUpdatesForEverySeedWithTheDefaultSettings() throws Exception {
        for (long seed = 0; seed < 12; seed++) {
            ScenarioRun r = run(Map.of("lock", "off", "iterations", "20000"), RunSettings.DEFAULT.withSeed(seed));
            assertNotEquals(0, r.result().get("balance"), "seed " + seed);
            assertTrue(analyse(r).lostUpdates().size() > 0, "seed " + seed);
        }
    }

    @Test
    void lockOffAtTheFullDefaultSizeLosesUpdates() throws Exception {
        ScenarioRun r = run(Map.of(), RunSettings.DEFAULT);
        assertNotEquals(0, r.result().get("balance"));
        assertTrue(analyse(r).lostUpdates().size() > 1000);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void lockOnKeepsTheBalanceAtZeroWithNoLostUpdate(Mode mode) throws Exception {
        for (Policy p : Policy.values()) {
            ScenarioRun r = run(Map.of("lock", "on", "iterations", "20000"),
                    RunSettings.DEFAULT.withMode(mode).withPolicy(p).withQuantum(3));
            assertEquals(0, r.result().get("balance"));
            assertEquals(0, analyse(r).lostUpdates().size());
        }
    }

    @Test
    void lockOnStaysCorrectAcrossManyOsModeRuns() throws Exception {
        for (int i = 0; i < 25; i++) {
            ScenarioRun r = run(Map.of("lock", "on", "iterations", "20000"), RunSettings.DEFAULT.withMode(Mode.OS));
            assertEquals(0, r.result().get("balance"), "os run " + i);
            assertEquals(0, analyse(r).lostUpdates().size(), "os run " + i);
        }
    }

    @Test
    void everyLostUpdateHasAConsistentReadWriteChain() throws Exception {
        ScenarioRun r = run(Map.of("iterations", "5000"), RunSettings.DEFAULT.withSeed(3));
        Trace t = r.trace();
        for (LostUpdate u : analyse(r).lostUpdates()) {
            assertTrue(u.readSeq() < u.lostSeq() && u.lostSeq() < u.writeSeq());
            assertEquals(EventKind.READ, t.kind(u.readSeq()));
            assertEquals(EventKind.WRITE, t.kind(u.lostSeq()));
            assertEquals(EventKind.WRITE, t.kind(u.writeSeq()));
            assertEquals(u.thread(), t.thread(u.readSeq()));
            assertEquals(u.thread(), t.thread(u.writeSeq()));
            assertNotEquals(u.thread(), u.victim());
            assertEquals(u.victim(), t.thread(u.lostSeq()));
        }
    }

    @Test
    void theLockSwitchTakesEffectMidRun() throws Exception {
        ScenarioRun r = LiveSwitch.flippedMidRun("balance", Map.of("iterations", "200000"), 20_000, "lock", true);
        Trace t = r.trace();
        long param = -1;
        for (long i = 0; i < t.size() && param < 0; i++) {
            if (t.kind(i) == EventKind.PARAM) {
                param = i;
            }
        }
        assertTrue(param > 0);
        final long switched = param;
        TraceAnalyzer a = analyse(r);
        long before = a.lostUpdates().stream().filter(u -> u.writeSeq() < switched).count();
        long after = a.lostUpdates().stream().filter(u -> u.writeSeq() > switched).count();
        assertTrue(before > 0, "updates were lost while the lock was off");
        // only the iterations in flight at the switch can still lose an update: at most two per thread
        assertTrue(after <= 4, "lost after the switch: " + after);
    }

    @Test
    void privateCopiesNeverRace() throws Exception {
        ScenarioRun r = run(Map.of("variant", "private", "iterations", "20000"), RunSettings.DEFAULT);
        assertEquals(0, r.result().get("balance"));
        assertEquals(0, analyse(r).lostUpdates().size());
    }

    @Test
    void badParametersAreRejectedWithWhatIsAccepted() {
        ParamException unknown = org.junit.jupiter.api.Assertions.assertThrows(ParamException.class,
                () -> Params.resolve(balance, Map.of("speed", "3")));
        assertEquals("unknown parameter 'speed' for balance; accepted: iterations, lock, variant", unknown.getMessage());
        ParamException range = org.junit.jupiter.api.Assertions.assertThrows(ParamException.class,
                () -> Params.resolve(balance, Map.of("iterations", "0")));
        assertEquals("iterations must be an integer from 1 to 10000000, got 0", range.getMessage());
        ParamException bool = org.junit.jupiter.api.Assertions.assertThrows(ParamException.class,
                () -> Params.resolve(balance, Map.of("lock", "maybe")));
        assertEquals("lock must be on or off, got 'maybe'", bool.getMessage());
    }
}
