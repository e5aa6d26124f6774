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

    /** A chunk keeps its times as ints after its first; one far later (a long sleep) turns it to longs. */
    @Test
    void timesFarApartInOneChunkReadBackExactly() {
        Trace t = trace();
        long[] times = {7, 9, 9 + (1L << 31), 9 + (1L << 32), (1L << 40) + 3, (1L << 40) + 4};
        for (int i = 0; i < times.length; i++) {
            t.append(times[i], 0, EventKind.STEP, -1, i, i + 1);
        }
        for (int i = 0; i < times.length; i++) {
            assertEquals(times[i], t.time(i), "event " + i);
            assertEquals(i + 1, t.line(i));
            assertEquals(i, t.value(i));
        }
    }

    /**
     * Times are kept as chars within blocks of 256 events while they fit; a chunk widens on the first gap that does
     * not (a sleep, os-mode nanoseconds), lines above 255 on the first such line. Every field reads back exactly,
     * across chunks that stay narrow, widen once or widen twice.
     */
    @Test
    void everyFieldReadsBackAcrossNarrowAndWidenedChunks() {
        Trace t = trace();
        java.util.Random random = new java.util.Random(42);
        int n = 200_000;
        long[] times = new long[n];
        int[] lines = new int[n];
        long now = 0;
        for (int i = 0; i < n; i++) {
            int chunk = i >>> 15;
            long gap = switch (chunk) {
                case 0, 1 -> random.nextInt(3); // the sim's usual: all chars
                case 2 -> random.nextInt(1000) == 0 ? 70_000 : random.nextInt(50); // a sleep now and then: ints
                case 3 -> random.nextInt(5000) == 0 ? (1L << 33) : 1; // a sleep of hours: longs
                default -> random.nextInt(2_000_000); // os nanoseconds
            };
            now += gap;
            times[i] = now;
            lines[i] = chunk == 1 || chunk == 4 ? random.nextInt(Trace.MAX_LINE + 1) : random.nextInt(256);
            t.append(now, i % 3, EventKind.STEP, i % 5 == 0 ? -1 : i % 1000, i * 7, lines[i]);
        }
        for (int i = 0; i < n; i++) {
            assertEquals(times[i], t.time(i), "time " + i);
            assertEquals(lines[i], t.line(i), "line " + i);
            assertEquals(i % 3, t.thread((long) i));
            assertEquals(i % 5 == 0 ? -1 : i % 1000, t.object((long) i));
            assertEquals(i * 7, t.value((long) i));
            assertEquals(EventKind.STEP, t.kind(i));
        }
    }

    /** os-mode nanoseconds: a block that begins seconds after its chunk, then a gap inside it, needs longs. */
    @Test
    void aBlockBegunMoreThan2To32TicksAfterItsChunkReadsBackExactly() {
        Trace t = trace();
        long[] times = new long[300];
        for (int i = 0; i < 256; i++) {
            times[i] = i;
        }
        times[256] = 5_000_000_000L; // a new block, 5 s later
        times[257] = 5_000_070_000L; // then a gap inside the block too wide for a char
        for (int i = 258; i < times.length; i++) {
            times[i] = times[i - 1] + 3;
        }
        for (long time : times) {
            t.append(time, 0, EventKind.STEP, -1, 0, 1);
        }
        for (int i = 0; i < times.length; i++) {
            assertEquals(times[i], t.time(i), "event " + i);
        }
    }

    @Test
    void aLaneOfEventsReadsBackWhatAStoredLaneKeeps() {
        Trace t = trace();
        t.addThread("T1", false);
        t.addObject("balance", ObjectType.VARIABLE, 0);
        Lane stored = new Lane(t);
        Lane derived = Lane.ofEvents(t);
        int[][] writes = {{0, 5}, {1, 8}, {1, 8}, {0, 0}, {0, 3}};
        long[] times = {10, 12, 15, 15, 20};
        for (int i = 0; i < writes.length; i++) {
            t.append(times[i], writes[i][0], EventKind.WRITE, 1, writes[i][1], 7);
            stored.add(i, writes[i][0], 0, writes[i][1]);
            derived.add(i, writes[i][0], 0, writes[i][1]);
        }
        assertEquals(stored.size(), derived.size());
        for (int i = 0; i < stored.size(); i++) {
            assertEquals(stored.time(i), derived.time(i));
            assertEquals(stored.seq(i), derived.seq(i));
            assertEquals(stored.a(i), derived.a(i));
            assertEquals(stored.b(i), derived.b(i));
            assertEquals(stored.c(i), derived.c(i));
        }
        assertEquals(stored.indexAt(16), derived.indexAt(16));
    }

    /** Small values take one int an entry; the first that does not fit makes the lane wide, keeping the rest. */
    @Test
    void aLaneKeepsItsValuesCompactUntilOneDoesNotFit() {
        Trace t = trace();
        int[][] values = {{-1, 0, 0}, {3, -257, 0}, {510, 1023, 4095}, {7, -1024, 1}, {2, 5, 100_000}, {-1, 2, 3}};
        for (int i = 0; i < values.length; i++) {
            t.append(i, 0, EventKind.STEP, -1, 0, 0);
        }
        Lane lane = new Lane(t);
        for (int i = 0; i < values.length; i++) {
            lane.add(i, values[i][0], values[i][1], values[i][2]);
        }
        assertEquals(values.length, lane.size());
        for (int i = 0; i < values.length; i++) {
            assertEquals(values[i][0], lane.a(i), "a " + i);
            assertEquals(values[i][1], lane.b(i), "b " + i);
            assertEquals(values[i][2], lane.c(i), "c " + i);
            assertEquals(i, lane.time(i));
        }
    }

    @Test
    void laneValuesOutsideTheirPackedRangeAreRefused() {
        Trace t = trace();
        t.append(1, 0, EventKind.STEP, -1, 0, 0);
        Lane lane = new Lane(t);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> lane.add(0, 40_000, 0, 0));
    }
}
