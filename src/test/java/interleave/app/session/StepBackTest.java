package interleave.app.session;

import interleave.scenario.Params;
import interleave.scenario.Scenario;
import interleave.scenario.Scenarios;
import interleave.trace.EventKind;
import interleave.trace.SwitchReason;
import interleave.trace.ThreadState;
import interleave.trace.Trace;
import interleave.trace.TraceAnalyzer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Step back, scrub and branch: the past is shown exactly as it was, and a change there replays to it first. */
class StepBackTest {
    private long now = 1;

    private RunSession session(String id, Map<String, String> raw) throws Exception {
        Scenario scenario = Scenarios.byId(id).orElseThrow();
        RunSession s = new RunSession();
        s.prepare(scenario, Params.resolve(scenario, raw), scenario.defaultSettings());
        return s;
    }

    /** Steps the live run once and waits until the frame has taken in what it recorded. */
    private void stepLive(RunSession s) throws InterruptedException {
        long before = s.trace() == null ? 0 : s.trace().pointCount();
        s.step();
        for (int i = 0; i < 2000 && !s.run().done() && s.trace().pointCount() == before; i++) {
            Thread.sleep(1);
        }
        Thread.sleep(5); // the switch after a point is recorded before the next gate
        pulse(s);
    }

    private void pulse(RunSession s) {
        now += 16_000_000L;
        s.pulse(now);
    }

    /** What the views would show of a moment: events, time, every thread's state, line and wait, every holder. */
    private static String snapshot(RunSession s) {
        TraceAnalyzer a = s.shown();
        StringBuilder b = new StringBuilder().append(a.processed()).append('@').append(a.lastTime());
        for (int t = 0; t < a.threadLaneCount(); t++) {
            b.append(" t").append(t).append('=').append(a.stateOf(t)).append('/').append(a.lineOf(t))
                    .append('/').append(a.waitingOn(t));
        }
        for (int o = 0; o < a.objectLaneCount(); o++) {
            b.append(" o").append(o).append('=').append(a.holderOf(o)).append('/').append(a.levelOf(o));
        }
        return b.append(" lost=").append(a.lostUpdates().size()).toString();
    }

    @Test
    void theTransportCountsTheStepsAndEventsOfTheMomentShown() throws Exception {
        RunSession s = session("balance", Map.of("lock", "off", "iterations", "50"));
        for (int k = 0; k < 30; k++) {
            stepLive(s);
        }
        var vm = new interleave.app.transport.TransportViewModel(s, new interleave.app.I18n(java.util.Locale.ENGLISH));
        String atTheEnd = vm.counts();
        assertTrue(atTheEnd.startsWith("30 steps"), atTheEnd);
        for (int k = 0; k < 5; k++) {
            assertTrue(s.stepBack());
        }
        assertEquals("25 steps, " + s.cursor().shownEvents() + " events", vm.counts(),
                "looking back, both counts are of the moment shown");
        assertTrue(s.cursor().shownEvents() < s.trace().size());
        s.stop();
    }

    @Test
    void steppingBackShowsEachEarlierMomentExactlyAsItWasLive() throws Exception {
        RunSession s = session("balance", Map.of("lock", "off", "iterations", "50"));
        List<String> live = new ArrayList<>();
        for (int k = 0; k < 60; k++) {
            stepLive(s);
            live.add(snapshot(s));
        }
        assertTrue(s.cursor().isLive());
        for (int k = 58; k >= 0; k--) {
            assertTrue(s.stepBack());
            assertEquals(live.get(k), snapshot(s), "back to the moment after " + (k + 1) + " steps");
        }
        for (int k = 1; k < 60; k++) {
            s.step(); // forward again through the recorded past: the same run, not a new one
            assertEquals(live.get(k), snapshot(s), "forward to the moment after " + (k + 1) + " steps");
        }
        assertTrue(s.cursor().isLive(), "stepping past the last recorded point returns to the live run");
        s.stop();
    }

    @Test
    void scrubbingToATimeShowsTheMomentAtThatTime() throws Exception {
        RunSession s = session("balance", Map.of("lock", "off", "iterations", "50"));
        for (int k = 0; k < 40; k++) {
            stepLive(s);
        }
        long end = s.analyzer().lastTime();
        s.seekTime(end / 2);
        assertFalse(s.cursor().isLive());
        // every point shown happened by then (the switch that hands the core to the next point's thread belongs
        // to the moment before that point, so it may carry the next tick's time)
        interleave.trace.Trace t = s.analyzer().trace();
        long lastPoint = -1;
        for (long i = 0; i < s.shown().processed(); i++) {
            if (t.kind(i).point) {
                lastPoint = t.time(i);
            }
        }
        assertTrue(lastPoint <= end / 2, "the last point shown is at " + lastPoint + ", the time sought " + end / 2);
        assertTrue(s.shown().processed() < s.analyzer().processed());
        s.seekTime(end + 1000);
        assertTrue(s.cursor().isLive(), "past the end is the live end");
        s.stop();
    }

    @Test
    void playingFromThePastShowsTheRecordedRunThenCarriesOnLive() throws Exception {
        RunSession s = session("hello-threads", Map.of());
        for (int k = 0; k < 8; k++) {
            stepLive(s);
        }
        Object firstRun = s.run();
        for (int k = 0; k < 5; k++) {
            s.stepBack();
        }
        s.setSpeed(1000);
        s.play();
        for (int i = 0; i < 2000 && s.status() != RunSession.Status.FINISHED; i++) {
            pulse(s);
            Thread.sleep(2);
        }
        assertEquals(RunSession.Status.FINISHED, s.status());
        assertEquals(firstRun, s.run(), "the same run went on");
        assertTrue(s.cursor().isLive());
    }

    @Test
    void aPickInThePastStartsABranchThatReplaysToThatMomentFirst() throws Exception {
        RunSession s = session("balance", Map.of("lock", "off", "iterations", "50"));
        for (int k = 0; k < 80; k++) {
            stepLive(s);
        }
        for (int k = 0; k < 30; k++) {
            s.stepBack();
        }
        Trace old = s.trace();
        long shownEvents = s.cursor().shownEvents();
        int ready = -1;
        for (int t = 0; t < s.shown().threadLaneCount(); t++) {
            if (s.shown().stateOf(t) == ThreadState.READY) {
                ready = t;
            }
        }
        assertTrue(ready >= 0, "someone is ready to be picked at that moment");
        s.pick(ready);
        assertEquals(RunSession.Status.REPLAYING, s.status());
        for (int i = 0; i < 2000 && s.status() == RunSession.Status.REPLAYING; i++) {
            pulse(s);
            Thread.sleep(2);
        }
        assertEquals(RunSession.Status.PAUSED, s.status());
        assertNotSame(old, s.trace(), "a branch is a new run");
        Trace now = s.trace();
        Thread.sleep(50);
        pulse(s);
        assertTrue(now.size() > shownEvents);
        for (long i = 0; i < shownEvents; i++) {
            assertEquals(old.kind(i), now.kind(i), "event " + i);
            assertEquals(old.thread(i), now.thread(i), "event " + i);
            assertEquals(old.value(i), now.value(i), "event " + i);
            assertEquals(old.time(i), now.time(i), "event " + i);
        }
        assertEquals(EventKind.SWITCH, now.kind(shownEvents), "the pick is the first thing after the replay");
        assertEquals(SwitchReason.MANUAL.ordinal(), now.value(shownEvents));
        assertEquals(ready, now.thread(shownEvents));
        s.stop();
    }

    @Test
    void aBranchReappliesTheLockSwitchWhereItWasTurned() throws Exception {
        RunSession s = session("balance", Map.of("lock", "off", "iterations", "50"));
        for (int k = 0; k < 20; k++) {
            stepLive(s);
        }
        s.setParam("lock", true);
        for (int k = 0; k < 40; k++) {
            stepLive(s);
        }
        Trace old = s.trace();
        for (int k = 0; k < 10; k++) {
            s.stepBack();
        }
        long shownEvents = s.cursor().shownEvents();
        s.setParam("lock", false);
        for (int i = 0; i < 2000 && s.status() == RunSession.Status.REPLAYING; i++) {
            pulse(s);
            Thread.sleep(2);
        }
        Thread.sleep(50);
        pulse(s);
        Trace now = s.trace();
        for (long i = 0; i < shownEvents; i++) {
            assertEquals(old.kind(i), now.kind(i), "event " + i);
            assertEquals(old.value(i), now.value(i), "event " + i);
        }
        assertEquals(EventKind.PARAM, now.kind(shownEvents));
        assertEquals(0, now.value(shownEvents), "the lock went off there");
        s.stop();
    }

    @Test
    void aSavedRunOpensAtItsEndAndCanBeSteppedBackAndBranched(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        RunSession live = session("balance", Map.of("lock", "off", "iterations", "50"));
        List<String> moments = new ArrayList<>();
        for (int k = 0; k < 40; k++) {
            stepLive(live);
            moments.add(snapshot(live));
        }
        java.nio.file.Path file = dir.resolve("run.trace");
        interleave.trace.TraceFiles.write(live.trace(), file);
        live.stop();

        RunSession s = new RunSession();
        s.open(interleave.trace.TraceFiles.load(file));
        assertEquals(moments.get(39), snapshot(s), "opens at the moment it was saved");
        for (int k = 38; k >= 30; k--) {
            assertTrue(s.stepBack());
            assertEquals(moments.get(k), snapshot(s), "back to the moment after " + (k + 1) + " steps");
        }
        s.step();
        assertEquals(moments.get(31), snapshot(s), "and forward again");
        int ready = -1;
        for (int t = 0; t < s.shown().threadLaneCount(); t++) {
            if (s.shown().stateOf(t) == ThreadState.READY) {
                ready = t;
            }
        }
        long shownEvents = s.cursor().shownEvents();
        Trace saved = s.trace();
        s.pick(ready);
        for (int i = 0; i < 2000 && s.status() == RunSession.Status.REPLAYING; i++) {
            pulse(s);
            Thread.sleep(2);
        }
        Thread.sleep(50);
        pulse(s);
        assertTrue(s.loaded() == null && s.run() != null, "the branch is a live run");
        for (long i = 0; i < shownEvents; i++) {
            assertEquals(saved.kind(i), s.trace().kind(i), "event " + i);
            assertEquals(saved.value(i), s.trace().value(i), "event " + i);
        }
        assertEquals(SwitchReason.MANUAL.ordinal(), s.trace().value(shownEvents));
        s.stop();
    }

    @Test
    void runToPointStopsAtExactlyThatManyPoints() throws Exception {
        RunSession s = session("hello-threads", Map.of()); // sleeping threads: a step is not always a point
        s.runToPoint(12);
        for (int i = 0; i < 2000 && s.run().control().runningToTarget(); i++) {
            Thread.sleep(1);
        }
        Thread.sleep(50);
        assertEquals(12, s.trace().pointCount());
        assertEquals(RunSession.Status.PAUSED, s.status());
        s.stop();
    }
}
