package interleave.trace;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The packed event fields come back as written, at their limits too. */
class TraceStorageTest {
    private static Trace trace() {
        Trace t = new Trace(new TraceHeader("x", "sim", 1, 1, "rr", 0, Map.of(), "tick"));
        t.addThread("MainThread", false);
        t.addObject("lock", ObjectType.LOCK, 0);
        return t;
    }

    @Test
    void aProgramsLongLinesAreKept() {
        Trace t = trace();
        t.append(5, 0, EventKind.ACQUIRE, 0, 1, 300);
        t.append(6, 0, EventKind.RELEASE, 0, 0, Trace.MAX_LINE);
        t.append(7, 0, EventKind.STEP, -1, 0, Trace.MAX_LINE + 1);
        assertEquals(300, t.line(0));
        assertEquals(Trace.MAX_LINE, t.line(1));
        assertEquals(0, t.line(2), "a line beyond the limit is not mistaken for another");
        assertEquals(300, t.event(0).line());
        assertEquals(5, t.time(0));
        assertEquals(EventKind.RELEASE, t.kind(1));
        assertEquals(0, t.object(1L));
        assertEquals(-1, t.object(2L));
    }

    @Test
    void timesBeyondTheStoredRangeSaturateInsteadOfWrapping() {
        Trace t = trace();
        t.append(1L << 50, 0, EventKind.STEP, -1, 0, 12);
        assertEquals((1L << 48) - 1, t.time(0));
        assertEquals(12, t.line(0));
    }
}
