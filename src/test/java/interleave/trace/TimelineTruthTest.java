package interleave.trace;

import interleave.scenario.Params;
import interleave.scenario.Scenario;
import interleave.scenario.ScenarioRun;
import interleave.scenario.Scenarios;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the analyzer derives from real demo runs: the timeline and CPU view draw from exactly this. */
class TimelineTruthTest {

    private static Trace run(String id) throws Exception {
        Scenario s = Scenarios.byId(id).orElseThrow();
        return ScenarioRun.runToEnd(s, Params.resolve(s, Map.of()), s.defaultSettings()).trace();
    }

    /** Replays the trace event by event and checks every thread inside cond.wait() is drawn waiting on the condition. */
    @Test
    void conditionWaitersAreWaitingOnTheConditionNotReady() throws Exception {
        Trace t = run("condition");
        TraceAnalyzer a = new TraceAnalyzer(t);
        int[] inWait = new int[t.threads().size()];
        java.util.Arrays.fill(inWait, -1);
        int checked = 0;
        for (long i = 0; i < t.size(); i++) {
            a.update(1);
            int th = t.thread(i);
            if (t.kind(i) == EventKind.COND_WAIT) {
                inWait[th] = t.object(i);
            } else if (t.kind(i) == EventKind.WAKE && inWait[th] >= 0) {
                inWait[th] = -1;
            }
            // state is judged once every event of this tick is in (same-time events replace each other)
            if (i + 1 < t.size() && t.time(i + 1) == t.time(i)) {
                continue;
            }
            for (int u = 0; u < inWait.length; u++) {
                if (inWait[u] >= 0) {
                    assertEquals(ThreadState.WAITING, a.stateOf(u), t.thread(u).name() + " at event " + i);
                    assertEquals(inWait[u], a.waitingOn(u));
                    checked++;
                }
            }
        }
        assertTrue(checked > 0, "the demo has threads inside cond.wait()");
        // the condition's lane counts its waiters
        int cond = -1;
        for (ObjectInfo o : t.objects()) {
            if (o.type() == ObjectType.CONDITION) {
                cond = o.id();
            }
        }
        Lane lane = a.objectLane(cond);
        int max = 0;
        for (int i = 0; i < lane.size(); i++) {
            max = Math.max(max, lane.b(i));
        }
        assertTrue(max > 0, "the condition's lane shows its waiters");
    }
}
