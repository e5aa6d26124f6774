package interleave.trace;

import java.util.Arrays;

/**
 * A step function over time, stored in primitive arrays: at {@code time(i)} the lane took the values
 * {@code a(i)}, {@code b(i)}, {@code c(i)} until the next entry. Thread lanes use a = state ordinal,
 * b = object; resource lanes use a = holder, b = waiter count, c = level (depth, permits, flag, value).
 *
 * <p>An entry costs 20 bytes (a counted lane 28): a long time, an int event index, a and b packed as two
 * shorts (both are small: thread ids, state ordinals, object codes and waiter counts), and an int c.
 */
public final class Lane {
    /** The value of {@code a} whose total duration the lane keeps a running sum of, or NONE. */
    public static final int NONE = Integer.MIN_VALUE;
    private static final int FIRST = 16;
    private final int counted;
    /** A lane of a variable's writes: entries are event indexes of this trace, read back when asked. */
    private final Trace events;
    /** Only for a counted lane (a thread's): the time spent with a == counted before each entry. */
    private long[] countedBefore;
    private long[] time = new long[FIRST];
    private int[] seq = new int[FIRST];
    private int[] ab = new int[FIRST];
    private int[] c = new int[FIRST];
    private volatile int size;

    public Lane() {
        this(NONE);
    }

    /**
     * A lane that also sums how long it spent with {@code a == counted} (a thread lane counts RUNNING), so
     * the share of any time window is two look-ups however many entries fall inside it.
     */
    public Lane(int counted) {
        this(counted, null);
    }

    private Lane(int counted, Trace events) {
        this.counted = counted;
        this.events = events;
        this.countedBefore = counted == NONE ? null : new long[FIRST];
        if (events != null) {
            time = null;
            ab = null;
            c = null;
        }
    }

    /**
     * A lane whose every entry is one event of {@code trace} (a variable's writes: a = the writer, b = 0,
     * c = the value written): it keeps only the event index, 4 bytes an entry, and reads the rest back.
     */
    public static Lane ofEvents(Trace trace) {
        return new Lane(NONE, trace);
    }

    private static int pack(int a, int b) {
        if (a != (short) a || b != (short) b) {
            throw new IllegalArgumentException("lane values out of range: " + a + ", " + b);
        }
        return (a << 16) | (b & 0xFFFF);
    }

    /** Appends an entry; an entry at the same time as the last one replaces it. Single writer. */
    public void add(long t, long s, int va, int vb, int vc) {
        if (events != null) {
            addEvent(t, s, va, vc);
            return;
        }
        int packed = pack(va, vb);
        int n = size;
        if (n > 0 && time[n - 1] == t) {
            n--;
            if (n > 0 && ab[n - 1] == packed && c[n - 1] == vc) {
                size = n; // the replacement equals the entry before: drop it
                return;
            }
        } else if (n > 0 && ab[n - 1] == packed && c[n - 1] == vc) {
            return;
        }
        if (n == time.length) {
            int cap = n + (n >> 1); // 1.5x: less slack than doubling in the lanes of a long run
            time = Arrays.copyOf(time, cap);
            seq = Arrays.copyOf(seq, cap);
            ab = Arrays.copyOf(ab, cap);
            c = Arrays.copyOf(c, cap);
            if (countedBefore != null) {
                countedBefore = Arrays.copyOf(countedBefore, cap);
            }
        }
        if (countedBefore != null) {
            countedBefore[n] = n == 0 ? 0 : countedBefore[n - 1] + (a(n - 1) == counted ? t - time[n - 1] : 0);
        }
        time[n] = t;
        seq[n] = Math.toIntExact(s);
        ab[n] = packed;
        c[n] = vc;
        size = n + 1;
    }

    private void addEvent(long t, long s, int va, int vc) {
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
        if (n == seq.length) {
            seq = Arrays.copyOf(seq, n + (n >> 1));
        }
        seq[n] = Math.toIntExact(s);
        size = n + 1;
    }

    public int size() {
        return size;
    }

    public long time(int i) {
        return events != null ? events.time(seq[i]) : time[i];
    }

    public long seq(int i) {
        return seq[i];
    }

    public int a(int i) {
        return events != null ? events.thread((long) seq[i]) : ab[i] >> 16;
    }

    public int b(int i) {
        return events != null ? 0 : (short) ab[i];
    }

    public int c(int i) {
        return events != null ? events.value(seq[i]) : c[i];
    }

    /** Total time before t the lane spent with {@code a == counted}; {@code at} is {@link #indexAt}(t). */
    public long countedUntil(long t, int at) {
        if (at < 0 || countedBefore == null) {
            return 0;
        }
        return countedBefore[at] + (a(at) == counted ? Math.max(0, t - time(at)) : 0);
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
