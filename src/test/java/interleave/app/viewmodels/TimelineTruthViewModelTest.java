package interleave.app.viewmodels;

import interleave.app.I18n;
import interleave.app.cpu.CpuViewModel;
import interleave.app.session.TimeFormat;
import interleave.app.timeline.MarkLabels;
import interleave.app.timeline.TimelineViewModel;
import interleave.engine.RunControl;
import interleave.scenario.Params;
import interleave.scenario.Scenario;
import interleave.scenario.ScenarioRun;
import interleave.scenario.Scenarios;
import interleave.trace.EventKind;
import interleave.trace.LostUpdate;
import interleave.trace.ObjectType;
import interleave.trace.ThreadState;
import interleave.trace.Trace;
import interleave.trace.TraceAnalyzer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The timeline tells the truth: cores, running shares, condition waiters, markers, axis and view. */
class TimelineTruthViewModelTest {

    private static TraceAnalyzer analyzed(String id, Map<String, String> params) throws Exception {
        Scenario s = Scenarios.byId(id).orElseThrow();
        Trace t = ScenarioRun.runToEnd(s, Params.resolve(s, params), s.defaultSettings()).trace();
        TraceAnalyzer a = new TraceAnalyzer(t);
        a.update();
        return a;
    }

    private static TimelineViewModel wholeRun(TraceAnalyzer a, double width) {
        TimelineViewModel vm = new TimelineViewModel();
        vm.setAnalyzer(a);
        vm.setPlotWidth(width);
        vm.fit();
        return vm;
    }

    @Test
    void oneCoreRunsOneThreadAtATimeAtEveryZoom() throws Exception {
        TraceAnalyzer a = analyzed("gil", Map.of());
        assertEquals(1, a.coreCount(), "the GIL demo runs on one core");
        TimelineViewModel vm = wholeRun(a, 1000);
        assertTrue(vm.lanes().get(0).isCore(), "the core lane comes first");
        int threads = a.threadLaneCount();
        boolean sawShared = false;
        for (double zoom : new double[] {1, 0.05, 0.002}) {
            vm.fit();
            vm.zoom(zoom, 500);
            for (int x = 0; x < 1000; x++) {
                double t0 = vm.time(x);
                double t1 = vm.time(x + 1);
                double sum = 0;
                int partly = 0;
                for (int th = 0; th < threads; th++) {
                    double share = vm.runningShare(th, t0, t1);
                    sum += share;
                    if (share > 0.05 && share < 0.95) {
                        partly++;
                    }
                }
                assertTrue(sum <= 1 + 1e-9, "shares on one core add up to at most one, column " + x + ": " + sum);
                sawShared |= partly >= 2;
                int holder = vm.coreHolderIn(0, t0, t1);
                if (holder >= 0) {
                    assertTrue(vm.runningShare(holder, t0, t1) > 0, "the core's holder ran in that column");
                }
            }
        }
        assertTrue(sawShared, "zoomed out, alternating threads show partial bands, not all solid running");
    }

    /** Following a program that sleeps, the window holds its newest events, seconds apart, not the last 120 us. */
    @Test
    void followingLiveKeepsTheNewestEventsInViewUntilTheUserZooms() throws Exception {
        TraceAnalyzer a = analyzed("rlock-counter", Map.of());
        TimelineViewModel vm = new TimelineViewModel();
        vm.setAnalyzer(a);
        vm.setPlotWidth(1000);
        vm.tick();
        Trace t = a.trace();
        long n = a.processed();
        assertTrue(vm.start() <= t.time(n - 60) && vm.end() > a.lastTime(),
                "the last 60 events in view: " + vm.start() + ".." + vm.end() + " for " + t.time(n - 60) + ".."
                        + a.lastTime());
        assertTrue(vm.span() > 1000, "a sleeping program's window spans its sleeps: " + vm.span());
        vm.zoom(0.5, 500);
        double zoomed = vm.span();
        vm.followProperty().set(true);
        vm.tick();
        assertEquals(zoomed, vm.span(), 1e-9, "the user's zoom stays");
    }

    /** Short of room, one core's lane makes way for the shared objects; with several cores every lane stays. */
    @Test
    void aSingleCoresLaneMakesRoomWhenTheLanesDoNotFit() throws Exception {
        TraceAnalyzer one = analyzed("balance", Map.of("iterations", "20"));
        TimelineViewModel vm = wholeRun(one, 1000);
        int all = vm.lanes().size();
        assertTrue(vm.hideSingleCoreLane(true));
        assertEquals(all - 1, vm.lanes().size());
        assertTrue(vm.lanes().stream().noneMatch(TimelineViewModel.LaneRef::isCore));
        assertTrue(vm.hideSingleCoreLane(false), "room again: the lane comes back");
        assertTrue(vm.lanes().get(0).isCore());
        vm.fitSingleCoreLane(30, 160, 28, 18, 22); // a projector's timeline: not room for all six lanes
        assertTrue(vm.lanes().stream().noneMatch(TimelineViewModel.LaneRef::isCore), "short of room: hidden");
        vm.fitSingleCoreLane(30, 600, 28, 18, 22);
        assertTrue(vm.lanes().get(0).isCore(), "room for every lane: shown");

        Scenario balance = Scenarios.byId("balance").orElseThrow();
        TraceAnalyzer two = new TraceAnalyzer(ScenarioRun.runToEnd(balance, Params.resolve(balance,
                Map.of("iterations", "20")), balance.defaultSettings().withCores(2)).trace());
        two.update();
        TimelineViewModel vm2 = wholeRun(two, 1000);
        int lanes = vm2.lanes().size();
        vm2.hideSingleCoreLane(true);
        assertEquals(lanes, vm2.lanes().size(), "two cores: who holds which is news, both lanes stay");
    }

    @Test
    void coreLaneAgreesWithTheRunningThreadAfterEveryTick() throws Exception {
        Scenario s = Scenarios.byId("balance").orElseThrow();
        Trace t = ScenarioRun.runToEnd(s, Params.resolve(s, Map.of("iterations", "300")), s.defaultSettings()).trace();
        TraceAnalyzer a = new TraceAnalyzer(t);
        for (long i = 0; i < t.size(); i++) {
            a.update(1);
            if (i + 1 < t.size() && t.time(i + 1) == t.time(i)) {
                continue;
            }
            int running = 0;
            for (int th = 0; th < a.threadLaneCount(); th++) {
                if (a.stateOf(th) == ThreadState.RUNNING && !t.thread(th).external()) {
                    running++;
                    boolean onACore = false;
                    for (int c = 0; c < a.coreCount(); c++) {
                        onACore |= a.onCore(c) == th;
                    }
                    assertTrue(onACore, t.thread(th).name() + " runs but holds no core, event " + i);
                }
            }
            assertTrue(running <= a.coreCount(), "more running threads than cores at event " + i);
        }
    }

    @Test
    void conditionWaitersQueueOnTheConditionInTheCpuViewNotInReady() throws Exception {
        TraceAnalyzer a = analyzed("condition", Map.of());
        Trace t = a.trace();
        // replay to the first moment a thread waits inside cond.wait()
        TraceAnalyzer live = new TraceAnalyzer(t);
        long at = -1;
        for (long i = 0; i < t.size() && at < 0; i++) {
            if (t.kind(i) == EventKind.COND_WAIT) {
                at = i;
            }
        }
        long end = at + 1;
        while (end < t.size() && t.time(end) == t.time(at)) {
            end++;
        }
        live.update(end);
        int waiter = t.thread(at);
        int cond = t.object(at);
        Map<Integer, CpuViewModel.Place> places = new CpuViewModel().places(live, t.header().cores());
        assertEquals(CpuViewModel.Area.RESOURCE, places.get(waiter).area(), "waits in the condition's box");
        assertEquals(cond, places.get(waiter).slot());
        assertEquals(1, live.waitersOf(cond), "the condition counts its waiter");
    }

    @Test
    void liveParameterChangesAreMarkedWithTheirLabel() throws Exception {
        Scenario s = Scenarios.byId("balance").orElseThrow();
        RunControl control = new RunControl(true, true);
        ScenarioRun run = ScenarioRun.start(s, Params.resolve(s, Map.of("iterations", "2000")),
                s.defaultSettings(), control);
        run.setParam("lock", true); // while paused: takes effect at the next scheduling point
        control.resume();
        run.kernel().awaitOutcome(60_000);
        run.kernel().awaitTermination(10_000);
        TraceAnalyzer a = new TraceAnalyzer(run.trace());
        a.update();
        assertEquals(1, a.marks().size(), "one marker for turning the lock on");
        long seq = a.marks().get(0);
        assertEquals("lock on", MarkLabels.of(new I18n(I18n.ENGLISH), s, a.trace(), seq));
        assertEquals("锁已开启", MarkLabels.of(new I18n(I18n.CHINESE), s, a.trace(), seq));
        TimelineViewModel vm = wholeRun(a, 1000);
        assertEquals(seq, vm.markNear(a.trace().time(seq), 3));
    }

    @Test
    void hoverFindsTheLostUpdateUnderThePointer() throws Exception {
        TraceAnalyzer a = analyzed("balance", Map.of("iterations", "300"));
        LostUpdate u = a.lostUpdates().get(0);
        TimelineViewModel vm = wholeRun(a, 1000);
        vm.centerOn(u.time(), 200);
        assertEquals(u, vm.lostUpdateNear(u.variable(), u.time() + vm.span() / vm.plotWidth() * 2, 6));
        assertNull(vm.lostUpdateNear(u.variable(), u.time() + vm.span() / 2, 6), "nothing far from a mark");
    }

    @Test
    void axisTicksLeaveRoomForTheirLabelsAtLargeTimes() {
        Trace t = new Trace(new interleave.trace.TraceHeader("hand", "sim", 1, 2, "rr", 0, Map.of(), "tick"));
        int th = t.addThread("T", false);
        t.addObject("x", ObjectType.VARIABLE, 0);
        t.append(0, th, EventKind.READ, 0, 0, 0);
        t.append(5_000_000_000L / 1000, th, EventKind.READ, 0, 0, 0);
        TraceAnalyzer a = new TraceAnalyzer(t);
        a.update();
        TimelineViewModel vm = wholeRun(a, 600);
        for (double zoom : new double[] {1, 0.01, 1e-4, 1e-6}) {
            vm.fit();
            vm.zoom(zoom, 599); // at the far end: the longest labels
            double perPx = vm.span() / vm.plotWidth();
            double step = vm.tickStep((time, st) -> 9.0 * TimeFormat.tick(time, st, true).length(), 12);
            double widest = 9.0 * TimeFormat.tick(Math.floor(vm.end() / step) * step, step, true).length();
            assertTrue(step / perPx >= widest + 12, "labels collide at zoom " + zoom);
            assertNotEquals(TimeFormat.tick(vm.end() - step, step, true), TimeFormat.tick(vm.end(), step, true));
        }
    }

    @Test
    void theViewChangesVersionSoTooltipsCanHideAndARunEndingWhileFollowedShowsWhole() throws Exception {
        TraceAnalyzer a = analyzed("balance", Map.of("iterations", "300"));
        TimelineViewModel vm = new TimelineViewModel();
        vm.setAnalyzer(a);
        vm.setPlotWidth(800);
        vm.tick();
        long v = vm.viewVersion();
        vm.zoom(0.5, 100);
        assertNotEquals(v, vm.viewVersion(), "zoom invalidates a tooltip");
        v = vm.viewVersion();
        vm.panPixels(30);
        assertNotEquals(v, vm.viewVersion(), "pan invalidates a tooltip");

        vm.setAnalyzer(a);
        vm.setPlotWidth(800);
        vm.runOver(false);
        vm.tick();
        assertTrue(vm.start() > 0, "following shows the newest slice while running");
        vm.runOver(true);
        assertEquals(0, vm.start(), "a run that ends while followed is shown whole");
        assertTrue(vm.end() >= a.lastTime());
        assertFalse(vm.followProperty().get());
        vm.zoom(0.1, 400);
        double start = vm.start();
        vm.runOver(true);
        assertEquals(start, vm.start(), "later frames leave the teacher's zoom alone");
        assertNotNull(vm.lanes());
    }
}
