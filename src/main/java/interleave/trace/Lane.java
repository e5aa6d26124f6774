package interleave.trace;

/**
 * A step function over time, stored in primitive arrays: from event {@code seq(i)} of its trace (at that event's
 * time) the lane took the values {@code a(i)}, {@code b(i)}, {@code c(i)} until the next entry. Thread lanes use
 * a = state ordinal, b = object; resource lanes use a = holder, b = waiter count, c = level (depth, permits,
 * flag, value).
 *
 * <p>An entry costs 8 bytes (a counted lane 16): an int event index (its time is the trace's) and one int packing
 * a, b and c (a in -1..510: thread ids, state ordinals; b in -1024..1023: object codes, waiter counts; c in
 * 0..4095: depths, permits, queue sizes). A lane whose values do not fit keeps a and b as two shorts and c as an
 * int from then on (12 bytes an entry).
 */
public final class Lane {
    /** The value of {@code a} whose total duration the lane keeps a running sum of, or NONE. */
    public static final int NONE = Integer.MIN_VALUE;
    private final int counted;
    /** The events the entries are of: each entry's time is its event's. */
    private final Trace trace;
    /** A lane of a variable's writes: a, b and c too are read back from the event. */
    private final boolean ofEvents;
    /** Only for a counted lane (a thread's): the time spent with a == counted before each entry. */
    private final LongChunks countedBefore;
    private final IntChunks seq = new IntChunks();
    /** a, b and c in one int while they fit (see {@link #compact}); null in a lane of events. */
    private final IntChunks abc;
    /** a and b as two shorts, and c, once a value did not fit in one int (published with its contents). */
    private volatile Wide wide;

    private record Wide(IntChunks ab, IntChunks c) {
    }
    /**
     * Entries below it are the lane's; the chunks may hold more above it, left by an entry that was replaced
     * (overwritten by the next one). Written last, read first.
     */
    private volatile int size;

    /** A lane of the events of {@code trace}. */
    public Lane(Trace trace) {
        this(trace, NONE);
    }

    /**
     * A lane that also sums how long it spent with {@code a == counted} (a thread lane counts RUNNING), so
     * the share of any time window is two look-ups however many entries fall inside it.
     */
    public Lane(Trace trace, int counted) {
        this(trace, counted, false);
    }

    private Lane(Trace trace, int counted, boolean ofEvents) {
        this.trace = java.util.Objects.requireNonNull(trace);
        this.counted = counted;
        this.ofEvents = ofEvents;
        this.countedBefore = counted == NONE ? null : new LongChunks();
        this.abc = ofEvents ? null : new IntChunks();
    }

    /**
     * A lane whose every entry is one event of {@code trace} (a variable's writes: a = the writer, b = 0,
     * c = the value written): it keeps only the event index, 4 bytes an entry, and reads the rest back.
     */
    public static Lane ofEvents(Trace trace) {
        return new Lane(trace, NONE, true);
    }

    private static int pack(int a, int b) {
        if (a != (short) a || b != (short) b) {
            throw new IllegalArgumentException("lane values out of range: " + a + ", " + b);
        }
        return (a << 16) | (b & 0xFFFF);
    }

    /** Whether a, b and c fit in one int. */
    private static boolean fits(int a, int b, int c) {
        return a >= -1 && a <= 510 && b >= -1024 && b <= 1023 && c >= 0 && c <= 4095;
    }

    private static int compact(int a, int b, int c) {
        return ((a + 1) << 23) | ((b & 0x7FF) << 12) | c;
    }

    /** From now on the lane keeps its values wide: the compact ones so far are copied over first. */
    private void widen(int n) {
        IntChunks ab = new IntChunks();
        IntChunks c = new IntChunks();
        for (int i = 0; i < n; i++) {
            ab.add(pack(a(i), b(i)));
            c.add(c(i));
        }
        wide = new Wide(ab, c); // the compact ones stay: a reader that has not seen the wide ones yet reads them
    }

    private boolean same(int i, int va, int vb, int vc) {
        return a(i) == va && b(i) == vb && c(i) == vc;
    }

    /**
     * Appends an entry from event {@code s} on; an entry at the same time as the last one replaces it. Single
     * writer.
     */
    public void add(long s, int va, int vb, int vc) {
        if (ofEvents) {
            addEvent(s, va, vc);
            return;
        }
        long t = trace.time(s);
        int packed = pack(va, vb); // refuses values no form can keep
        int n = size;
        if (n > 0 && time(n - 1) == t) {
            n--;
            if (n > 0 && same(n - 1, va, vb, vc)) {
                size = n; // the replacement equals the entry before: drop it
                return;
            }
        } else if (n > 0 && same(n - 1, va, vb, vc)) {
            return;
        }
        if (wide == null && !fits(va, vb, vc)) {
            widen(n);
        }
        if (countedBefore != null) {
            countedBefore.put(n, n == 0 ? 0
                    : countedBefore.get(n - 1) + (a(n - 1) == counted ? t - time(n - 1) : 0));
        }
        seq.put(n, Math.toIntExact(s));
        Wide w = wide;
        if (w == null) {
            abc.put(n, compact(va, vb, vc));
        } else {
            w.ab().put(n, packed);
            w.c().put(n, vc);
        }
        size = n + 1;
    }

    private void addEvent(long s, int va, int vc) {
        long t = trace.time(s);
        int n = size;
        if (n > 0 && time(n - 1) == t) {
            n--; // the same moment: the later event replaces the earlier
            if (n > 0 && a(n - 1) == va && c(n - 1) == vc) {
                size = n;
                return;
            }
        } else if (n > 0 && a(n - 1) == va && c(n - 1) == vc) {
            return;
        }
        seq.put(n, Math.toIntExact(s));
        size = n + 1;
    }

    public int size() {
        return size;
    }

    public long time(int i) {
        return trace.time(seq.get(i));
    }

    public long seq(int i) {
        return seq.get(i);
    }

    public int a(int i) {
        if (ofEvents) {
            return trace.thread((long) seq.get(i));
        }
        Wide w = wide;
        return w != null ? w.ab().get(i) >> 16 : (abc.get(i) >>> 23) - 1;
    }

    public int b(int i) {
        if (ofEvents) {
            return 0;
        }
        Wide w = wide;
        return w != null ? (short) w.ab().get(i) : (abc.get(i) << 9) >> 21;
    }

    public int c(int i) {
        if (ofEvents) {
            return trace.value(seq.get(i));
        }
        Wide w = wide;
        return w != null ? w.c().get(i) : abc.get(i) & 0xFFF;
    }

    /** Total time before t the lane spent with {@code a == counted}; {@code at} is {@link #indexAt}(t). */
    public long countedUntil(long t, int at) {
        if (at < 0 || countedBefore == null) {
            return 0;
        }
        return countedBefore.get(at) + (a(at) == counted ? Math.max(0, t - time(at)) : 0);
    }
    /**
     * Like {@link #indexAt} for a time at or after that of entry {@code from}: gallops forward from there, so
     * a caller sweeping left to right touches memory near where it already is (cheap at 10M events).
     */
    public int indexAtFrom(long t, int from) {
        int n = size;
        if (from < 0 || from >= n || time(from) > t) {
            return indexAt(t);
        }
        int lo = from;
        int step = 1;
        int hi = from + 1;
        while (hi < n && time(hi) <= t) {
            lo = hi;
            step <<= 1;
            hi = from + step;
        }
        hi = Math.min(hi, n) - 1; // time[lo] <= t; everything after hi is > t
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (time(mid) <= t) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** Index of the entry in force at time t (the last one starting at or before t), or -1. */
    public int indexAt(long t) {
        int lo = 0;
        int hi = size - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (time(mid) <= t) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }
}
