package interleave.app.session;

import interleave.scenario.Params;
import interleave.scenario.Scenario;
import interleave.scenario.Scenarios;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Play below full speed never stalls: with the frame clock simulated, every demo played at a paced speed keeps
 * its step count or its virtual clock moving until the run ends. (Threads waking from a sleep used to take a
 * step without recording a point, and the pacer waited for that point forever.)
 */
class PacedPlayTest {
    static Stream<String> demos() {
        return Scenarios.all().stream().map(Scenario::id);
    }

    @ParameterizedTest
    @MethodSource("demos")
    void playAtAPacedSpeedReachesTheEnd(String id) throws Exception {
        Scenario scenario = Scenarios.byId(id).orElseThrow();
        Map<String, Object> params = new HashMap<>(Params.resolve(scenario, Map.of()));
        shrink(scenario, params);
        RunSession session = new RunSession();
        session.prepare(scenario, params, scenario.defaultSettings());
        session.setSpeed(id.equals("balance") || id.equals("gil") || id.equals("processes")
                || id.equals("thread-per-client") ? 1000 : 10);
        session.play();
        long now = 1;
        long lastPoints = -1;
        long lastTime = -1;
        int idlePulses = 0;
        for (int pulse = 0; pulse < 200_000; pulse++) {
            now += 100_000_000L; // a tenth of a second per frame: one step per frame at 10 steps/s
            session.pulse(now);
            if (session.status() == RunSession.Status.FINISHED || session.status() == RunSession.Status.DEADLOCK) {
                return;
            }
            assertTrue(session.status() == RunSession.Status.PLAYING || session.status() == RunSession.Status.WAITING,
                    id + ": status " + session.status());
            if (session.status() == RunSession.Status.WAITING) {
                session.fire(scenario.actions().get(0).name()); // the teacher presses the button
            }
            awaitTaken(session);
            long points = session.trace().pointCount();
            long time = session.analyzer().processed() == 0 ? 0 : session.trace().time(session.trace().size() - 1);
            idlePulses = points == lastPoints && time == lastTime ? idlePulses + 1 : 0;
            assertTrue(idlePulses < 50, id + ": play stalled at point " + points + ", time " + time);
            lastPoints = points;
            lastTime = time;
        }
        fail(id + ": did not end");
    }

    /** Waits (briefly) until the engine has taken the steps it was given, as a real frame interval would. */
    private static void awaitTaken(RunSession session) throws InterruptedException {
        for (int i = 0; i < 2000 && !session.run().done() && session.run().control().pendingSteps() > 0; i++) {
            Thread.sleep(1);
        }
    }

    /** Smaller runs where a demo has a size parameter, so the test stays short. */
    private static void shrink(Scenario scenario, Map<String, Object> params) {
        for (String name : new String[] {"iterations", "n", "work"}) {
            if (scenario.param(name) != null && params.get(name) instanceof Integer v && v > 2000) {
                params.put(name, 2000);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void aStepTakenByAWakingSleeperDoesNotCountAsOutstanding() throws Exception {
        Scenario scenario = Scenarios.byId("hello-threads").orElseThrow();
        RunSession session = new RunSession();
        session.prepare(scenario, Params.resolve(scenario, Map.of()), scenario.defaultSettings());
        session.setSpeed(10);
        session.play();
        long now = 1;
        for (int i = 0; i < 400 && session.status() != RunSession.Status.FINISHED; i++) {
            now += 100_000_000L;
            session.pulse(now);
            awaitTaken(session);
        }
        assertEquals(RunSession.Status.FINISHED, session.status());
    }

    @org.junit.jupiter.api.Test
    void runToEndIsForThisRunOnly() {
        Scenario scenario = Scenarios.byId("hello-threads").orElseThrow();
        RunSession session = new RunSession();
        session.prepare(scenario, Map.of(), scenario.defaultSettings());
        session.setSpeed(5);
        session.runToEnd();
        assertTrue(Double.isInfinite(session.speedProperty().get()));
        session.reset();
        assertEquals(5.0, session.speedProperty().get());
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"os", "cooperative"})
    void otherModesPlayPacedToTheEndToo(String mode) throws Exception {
        for (String id : new String[] {"hello-threads", "io-bound", "semaphore", "event-gate"}) {
            Scenario scenario = Scenarios.byId(id).orElseThrow();
            RunSession session = new RunSession();
            session.prepare(scenario, Params.resolve(scenario, Map.of()),
                    scenario.defaultSettings().withMode(interleave.engine.Mode.valueOf(mode.toUpperCase())));
            session.setSpeed(50);
            session.play();
            long now = 1;
            for (int i = 0; i < 20_000 && session.status() != RunSession.Status.FINISHED; i++) {
                now += 100_000_000L;
                session.pulse(now);
                if (session.status() == RunSession.Status.WAITING) {
                    session.fire(scenario.actions().get(0).name());
                }
                awaitTaken(session);
            }
            assertEquals(RunSession.Status.FINISHED, session.status(), id + " in " + mode);
            session.stop();
        }
    }
}
