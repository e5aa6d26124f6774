package interleave.trace;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The derived views on a hand-written trace, so every number is known. */
class TraceAnalyzerTest {

    private static Trace handWritten() {
        Trace t = new Trace(new TraceHeader("hand", "sim", 1, 2, "rr", 0, Map.of(), "tick"));
        int t1 = t.addThread("T1", false);
        int t2 = t.addThread("T2", false);
        int bal = t.addObject("balance", ObjectType.VARIABLE, 0);
        int lock = t.addObject("lock", ObjectType.LOCK, 0);
        t.append(0, t1, EventKind.SWITCH, -1, SwitchReason.IDLE.ordinal(), 0);
        t.append(0, t1, EventKind.READ, bal, 0, 8);               // 1: T1 reads 0
        t.append(1, t2, EventKind.SWITCH, t1, SwitchReason.SLICE_OVER.ordinal(), 0);
        t.append(1, t2, EventKind.READ, bal, 0, 8);               // 3: T2 reads 0
        t.append(2, t2, EventKind.WRITE, bal, 8, 8);              // 4: T2 writes 8
        t.append(3, t1, EventKind.SWITCH, t2, SwitchReason.SLICE_OVER.ordinal(), 0);
        t.append(3, t1, EventKind.WRITE, bal, 5, 8);              // 6: T1 writes 5 from its stale read: T2's 8 is lost
        t.append(4, t1, EventKind.ACQUIRE, lock, 1, 14);
        t.append(5, t2, EventKind.SWITCH, t1, SwitchReason.SLICE_OVER.ordinal(), 0);
        t.append(5, t2, EventKind.BLOCK, lock, t1, 14);
        t.append(6, t1, EventKind.SWITCH, -1, SwitchReason.BLOCKED.ordinal(), 0);
        t.append(6, t1, EventKind.RELEASE, lock, 0, 14);
        t.append(6, t2, EventKind.WAKE, lock, 1, 14);
        return t;
    }

    @Test
    void lostUpdatesCarryTheirReadWriteChain() {
        TraceAnalyzer a = new TraceAnalyzer(handWritten());
        a.update();
        assertEquals(List.of(new LostUpdate(0, 0, 1, 0, 1, 4, 8, 6, 5, 3)), a.lostUpdates());
    }

    @Test
    void switchesThreadLanesAndResourceLanes() {
        TraceAnalyzer a = new TraceAnalyzer(handWritten());
        a.update();
        assertEquals(5, a.switches().size());
        assertEquals(SwitchReason.SLICE_OVER, a.switches().get(1).reason());
        assertEquals(ThreadState.RUNNING, a.stateOf(0));
        assertEquals(ThreadState.READY, a.stateOf(1));
        Lane t2 = a.threadLane(1);
        // T2: running at 1, ready at 3, running at 5, blocked on the lock at 5 (same tick: replaced), ready at 6
        assertEquals(ThreadState.BLOCKED.ordinal(), t2.a(t2.indexAt(5)));
        assertEquals(1, t2.b(t2.indexAt(5)));
        Lane lock = a.objectLane(1);
        assertEquals(0, lock.a(lock.indexAt(4)), "T1 holds the lock at 4");
        assertEquals(1, lock.b(lock.indexAt(5)), "one waiter at 5");
        assertEquals(1, lock.a(lock.indexAt(6)), "handed to T2 at 6");
        assertEquals(0, lock.b(lock.indexAt(6)), "no waiter left");
        Lane bal = a.objectLane(0);
        assertEquals(5, bal.c(bal.indexAt(3)));
    }

    @Test
    void incrementalUpdatesGiveTheSameResultAsOneUpdate() {
        Trace full = handWritten();
        Trace grow = new Trace(full.header());
        full.threads().forEach(t -> grow.addThread(t.name(), t.daemon()));
        full.objects().forEach(o -> grow.addObject(o.name(), o.type(), o.initial()));
        TraceAnalyzer a = new TraceAnalyzer(grow);
        for (long i = 0; i < full.size(); i++) {
            TraceEvent e = full.event(i);
            grow.append(e.time(), e.thread(), e.kind(), e.object(), e.value(), e.line());
            a.update();
        }
        TraceAnalyzer b = new TraceAnalyzer(full);
        b.update();
        assertEquals(b.lostUpdates(), a.lostUpdates());
        assertEquals(b.switches(), a.switches());
    }

    /** Measures what appending really allocates (the JVM counts this thread's heap allocations), not the formula. */
    @Test
    void eventsTakeTenBytes() {
        int events = 4 << 16;
        appendSteps(events); // warm up: classes loaded, code compiled
        com.sun.management.ThreadMXBean mx =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long me = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(me);
        Trace t = appendSteps(events);
        double perEvent = (mx.getThreadAllocatedBytes(me) - before) / (double) events;
        assertTrue(perEvent >= 10 && perEvent < 10.5, "allocated " + perEvent + " bytes per event");
        assertEquals(events, t.size());
    }

    private static Trace appendSteps(int events) {
        Trace t = new Trace(new TraceHeader("x", "sim", 1, 1, "rr", 0, Map.of(), "tick"));
        t.addThread("T", false);
        for (int i = 0; i < events; i++) {
            t.append(i, 0, EventKind.STEP, -1, i, 0);
        }
        return t;
    }

    @Test
    void gallopingLookupAgreesWithBinarySearch() {
        java.util.Random r = new java.util.Random(1);
        Trace events = new Trace(new TraceHeader("gallop", "sim", 1, 1, "rr", 0, Map.of(), "tick"));
        events.addThread("T", false);
        Lane lane = new Lane(events);
        long t = 0;
        for (int i = 0; i < 5000; i++) {
            t += 1 + r.nextInt(5);
            events.append(t, 0, EventKind.STEP, -1, 0, 0);
            lane.add(i, i % 7, 0, 0);
        }
        for (int q = 0; q < 20000; q++) {
            long at = r.nextInt((int) t + 10) - 5;
            int from = r.nextInt(lane.size());
            assertEquals(lane.indexAt(at), lane.indexAtFrom(at, from), "t=" + at + " from=" + from);
        }
    }
}
