package interleave.trace;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The event store of one run. Events live in chunks of primitive arrays, about 10 bytes each: the time as a char
 * after the first time of its block of 256 events, and an int packing thread (8 bits), kind (6 bits), object
 * (10 bits) and the line's low 8 bits, and an int value. What does not fit widens only the chunk it occurs in: a
 * block whose times span more than 65,535 ticks turns the chunk's times to ints after the chunk's first time (a
 * sleep, or os-mode nanoseconds), one more than 2^32 ticks after it to longs; a line above 255 gives the chunk a
 * byte array of high bytes.
 *
 * <p>One writer at a time: in sim and cooperative modes only the thread holding the virtual core
 * writes (the hand-off between workers orders the writes); in os mode the kernel serialises writers.
 * Readers on other threads (the UI) see every event below {@link #size()}, which is published last.
 */
public final class Trace {
    public static final int MAX_THREADS = 255;
    public static final int MAX_OBJECTS = 1023;
    public static final int MAX_LINE = 65_535;
    /** 2^48 - 1: nine years of virtual microseconds, 78 hours of os-mode nanoseconds; later times saturate. */
    private static final long TIME_MASK = (1L << 48) - 1;
    private static final int NO_OBJECT = 1023;
    private static final int CHUNK_BITS = 15; // a chunk's arrays are 64-128 KB: below G1's humongous size, which would waste half of a region
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final int MASK = CHUNK - 1;
    private static final int BLOCK_BITS = 8;
    private static final int BLOCK_MASK = (1 << BLOCK_BITS) - 1;

    private final TraceHeader header;
    private final List<ThreadInfo> threads = new CopyOnWriteArrayList<>();
    private final List<ObjectInfo> objects = new CopyOnWriteArrayList<>();
    private final List<String> strings = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> stringIds = new HashMap<>();

    /** One chunk of events. Its arrays' contents below {@link #size()} are published by the size. */
    private static final class Chunk {
        final long base;
        /** The time of each block's first event. */
        final long[] blockBase = new long[CHUNK >>> BLOCK_BITS];
        final char[] time = new char[CHUNK];
        final int[] meta = new int[CHUNK];
        final int[] value = new int[CHUNK];
        /** The times as ints after the base, once a block spans more than a char (published with its contents). */
        volatile int[] mid;
        /** The times as longs, once one is more than 2^32 ticks after the base (published with its contents). */
        volatile long[] wide;
        /** The lines' high bytes, once a line above 255 was written (its contents published by the size). */
        volatile byte[] lineHigh;

        Chunk(long base) {
            this.base = base;
        }
    }

    private static final long UNSIGNED_INT = 0xFFFF_FFFFL;
    private volatile Chunk[] chunks = new Chunk[0];
    // published with release stores: a full volatile write per event would cost a fence each
    private final java.util.concurrent.atomic.AtomicLong size = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong points = new java.util.concurrent.atomic.AtomicLong();

    // the writer's current chunk, and its wider arrays once made (the writer alone widens: plain fields)
    private Chunk w;
    private int[] wMid;
    private long[] wWide;
    private byte[] wLineHigh;
    private long wSize;
    private long wPoints;

    public Trace(TraceHeader header) {
        this.header = header;
    }

    public TraceHeader header() {
        return header;
    }

    private volatile String programFile;
    private volatile String programSource;

    /** The teacher's program this run ran (its file and its text as run), so a saved run can show its code. */
    public void recordProgram(String file, String source) {
        this.programFile = file;
        this.programSource = source;
    }

    /** The file of the recorded program, or null for a demo's run. */
    public String programFile() {
        return programFile;
    }

    /** The text of the recorded program as it ran, or null for a demo's run. */
    public String programSource() {
        return programSource;
    }

    // ---- registries ----

    public int addThread(String name, boolean daemon) {
        return addThread(name, daemon, false);
    }

    public int addThread(String name, boolean daemon, boolean external) {
        int id = threads.size();
        if (id >= MAX_THREADS) {
            throw new IllegalStateException("a run may have at most " + MAX_THREADS + " threads");
        }
        threads.add(new ThreadInfo(id, name, daemon, external));
        return id;
    }

    /** {@code thread.daemon = value} before the thread starts. */
    public void setDaemon(int thread, boolean daemon) {
        ThreadInfo t = threads.get(thread);
        threads.set(thread, new ThreadInfo(t.id(), t.name(), daemon, t.external()));
    }

    public int addObject(String name, ObjectType type, int initial) {
        int id = objects.size();
        if (id >= MAX_OBJECTS) {
            throw new IllegalStateException("a run may have at most " + MAX_OBJECTS + " shared objects");
        }
        objects.add(new ObjectInfo(id, name, type, initial));
        return id;
    }

    /** The id of a string value (thread-local values, printed lines, error messages). */
    public int intern(String s) {
        Integer id = stringIds.get(s);
        if (id == null) {
            id = strings.size();
            strings.add(s);
            stringIds.put(s, id);
        }
        return id;
    }

    public List<ThreadInfo> threads() {
        return threads;
    }

    public List<ObjectInfo> objects() {
        return objects;
    }

    public String string(int id) {
        return id >= 0 && id < strings.size() ? strings.get(id) : "?";
    }

    public List<String> strings() {
        return strings;
    }

    public ThreadInfo thread(int id) {
        return threads.get(id);
    }

    public ObjectInfo object(int id) {
        return objects.get(id);
    }

    // ---- writing ----

    /** Appends one event; the caller is the single writer of this moment. */
    public void append(long time, int thread, EventKind kind, int object, int value, int line) {
        int at = (int) (wSize & MASK);
        long t = Math.min(Math.max(time, 0), TIME_MASK);
        if (at == 0) {
            newChunk(t);
        }
        int obj = object < 0 ? NO_OBJECT : object;
        int ln = line < 0 || line > MAX_LINE ? 0 : line;
        Chunk c = w;
        writeTime(c, at, t);
        if (ln > 0xFF) {
            if (wLineHigh == null) {
                wLineHigh = new byte[CHUNK];
                c.lineHigh = wLineHigh; // its bytes, this one too, reach readers through the size published below
            }
            wLineHigh[at] = (byte) (ln >>> 8);
        }
        c.meta[at] = (thread << 24) | (kind.ordinal() << 18) | (obj << 8) | (ln & 0xFF);
        c.value[at] = value;
        wSize++;
        if (kind.point) {
            wPoints++;
            points.lazySet(wPoints);
        }
        size.lazySet(wSize);
    }

    private void writeTime(Chunk c, int at, long t) {
        if (wWide != null) {
            wWide[at] = t;
            return;
        }
        long afterBase = t - c.base;
        if (wMid != null) {
            if (afterBase >= 0 && afterBase <= UNSIGNED_INT) {
                wMid[at] = (int) afterBase;
            } else {
                wWide = widenToLongs(c, at, t);
            }
            return;
        }
        if ((at & BLOCK_MASK) == 0) {
            c.blockBase[at >>> BLOCK_BITS] = t;
        }
        long afterBlock = t - c.blockBase[at >>> BLOCK_BITS];
        if (afterBlock >= 0 && afterBlock <= Character.MAX_VALUE) {
            c.time[at] = (char) afterBlock;
        } else if (afterBase >= 0 && afterBase <= UNSIGNED_INT && blocksFitInts(c, at)) {
            wMid = widenToInts(c, at, (int) afterBase);
        } else {
            wWide = widenToLongs(c, at, t);
        }
    }

    /** The most events a run may record in this heap, with what is derived from them (see {@link EventBudget}). */
    private static long defaultEventLimit() {
        return Math.max(CHUNK, EventBudget.current().events(Runtime.getRuntime().maxMemory()));
    }

    private long eventLimit = defaultEventLimit();
    private volatile boolean full;
    private Runnable onFull = () -> { };

    /** Sets the most events this trace records (tests; a smaller budget). */
    public void limitEvents(long max) {
        this.eventLimit = Math.max(CHUNK, max);
    }

    /** Called once, by the writer, when the trace reaches its limit; the run should stop at once. */
    public void onFull(Runnable hook) {
        this.onFull = hook;
    }

    /** True once the trace reached its limit: what was recorded is kept, later events are not. */
    public boolean full() {
        return full;
    }

    private void newChunk(long base) {
        if ((long) chunks.length * CHUNK >= eventLimit) {
            if (!full) {
                full = true;
                onFull.run();
            }
            if ((long) chunks.length * CHUNK >= eventLimit + CHUNK) {
                // the run was told to stop a whole chunk ago: refuse to grow, whatever is still writing
                throw new TraceFullError();
            }
        }
        int n = chunks.length;
        Chunk[] c = java.util.Arrays.copyOf(chunks, n + 1);
        w = c[n] = new Chunk(base);
        wMid = null;
        wWide = null;
        wLineHigh = null;
        chunks = c;
    }

    /**
     * Whether every time written so far in the chunk is within 2^32 ticks after its base: a block may have begun
     * long after the chunk did (os-mode nanoseconds after a sleep of seconds), and then only longs hold them.
     */
    private static boolean blocksFitInts(Chunk c, int at) {
        int lastBlock = (at - 1) >> BLOCK_BITS; // -1 when nothing is written yet
        for (int k = 0; k <= lastBlock; k++) {
            long from = c.blockBase[k] - c.base;
            if (from < 0 || from + Character.MAX_VALUE > UNSIGNED_INT) {
                return false;
            }
        }
        return true;
    }

    /** The chunk's times as ints after its base from now on: the one at {@code at} is too far from its block's. */
    private static int[] widenToInts(Chunk c, int at, int afterBase) {
        int[] mid = new int[CHUNK];
        for (int i = 0; i < at; i++) {
            mid[i] = (int) (c.blockBase[i >>> BLOCK_BITS] + c.time[i] - c.base);
        }
        mid[at] = afterBase;
        c.mid = mid; // published with its contents: readers read the field first
        return mid;
    }

    /** The chunk's times as longs from now on: the one at {@code at} is too far from its base for an int. */
    private static long[] widenToLongs(Chunk c, int at, long t) {
        long[] wide = new long[CHUNK];
        for (int i = 0; i < at; i++) {
            wide[i] = timeIn(c, i);
        }
        wide[at] = t;
        c.wide = wide; // published with its contents: readers read the field first
        return wide;
    }

    private static long timeIn(Chunk c, int at) {
        long[] wide = c.wide;
        if (wide != null) {
            return wide[at];
        }
        int[] mid = c.mid;
        if (mid != null) {
            return c.base + (mid[at] & UNSIGNED_INT);
        }
        return c.blockBase[at >>> BLOCK_BITS] + c.time[at];
    }

    // ---- reading ----

    public long size() {
        return size.get();
    }

    /** How many scheduling points (events a worker reached by itself) have been recorded. */
    public long pointCount() {
        return points.get();
    }

    public long time(long i) {
        return timeIn(chunks[(int) (i >>> CHUNK_BITS)], (int) (i & MASK));
    }

    private int meta(long i) {
        return chunks[(int) (i >>> CHUNK_BITS)].meta[(int) (i & MASK)];
    }

    public int thread(long i) {
        return meta(i) >>> 24;
    }

    public EventKind kind(long i) {
        return EventKind.of((meta(i) >>> 18) & 0x3F);
    }

    public int object(long i) {
        int o = (meta(i) >>> 8) & 0x3FF;
        return o == NO_OBJECT ? -1 : o;
    }

    public int line(long i) {
        Chunk c = chunks[(int) (i >>> CHUNK_BITS)];
        int at = (int) (i & MASK);
        byte[] high = c.lineHigh;
        return (c.meta[at] & 0xFF) | (high == null ? 0 : (high[at] & 0xFF) << 8);
    }

    public int value(long i) {
        return chunks[(int) (i >>> CHUNK_BITS)].value[(int) (i & MASK)];
    }

    public TraceEvent event(long i) {
        int m = meta(i);
        int o = (m >>> 8) & 0x3FF;
        return new TraceEvent(i, time(i), m >>> 24, EventKind.of((m >>> 18) & 0x3F), o == NO_OBJECT ? -1 : o,
                value(i), line(i));
    }

    /** Index of the first event whose time is at least {@code t} (events are in time order). */
    public long firstAtOrAfter(long t) {
        long lo = 0;
        long hi = size.get();
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (time(mid) < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Thrown to a writer that keeps recording after the trace is full (never normally reached). */
    public static final class TraceFullError extends RuntimeException {
        TraceFullError() {
            super("the trace is full", null, false, false);
        }
    }
}
