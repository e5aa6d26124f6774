package interleave.scenario;

import interleave.engine.RunControl;
import interleave.engine.RunSettings;

import java.util.Map;

/** Tests of a live parameter: a demo run started at full speed, the switch flipped once it is under way. */
public final class LiveSwitch {
    private LiveSwitch() {
    }

    /**
     * Runs {@code id} with {@code params}; once its trace holds {@code events} events (or after 10 s), sets the live
     * parameter {@code name} to {@code value}, and waits for the run to end.
     */
    public static ScenarioRun flippedMidRun(String id, Map<String, String> params, long events, String name,
                                            Object value) throws Exception {
        Scenario demo = Scenarios.byId(id).orElseThrow();
        ScenarioRun r = ScenarioRun.start(demo, Params.resolve(demo, params), RunSettings.DEFAULT,
                new RunControl(true, false));
        long end = System.nanoTime() + 10_000_000_000L;
        while (r.trace().size() < events && System.nanoTime() < end) {
            Thread.sleep(1);
        }
        r.setParam(name, value);
        r.kernel().awaitOutcome(60_000);
        r.kernel().awaitTermination(10_000);
        return r;
    }
}
