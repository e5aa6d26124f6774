package interleave.trace;

import java.util.Arrays;

/**
 * A step function over time, stored in primitive arrays: at {@code time(i)} the lane took the values
 * {@code a(i)}, {@code b(i)}, {@code c(i)} until the next entry. Thread lanes use a = state ordinal,
 * b = object; resource lanes use a = holder, b = waiter count, c = level (depth, permits, flag, value).
 */
public final class Lane {
    /** The value of {@code a} whose total duration the lane keeps a running sum of, or NONE. */
    public static final int NONE = Integer.MIN_VALUE;
    private final int counted;
    private long[] countedBefore = new long[64];
    private long[] time = new long[64];
    private long[] seq = new long[64];
    private int[] a = new int[64];
    private int[] b = new int[64];
    private int[] c = new int[64];
    private volatile int size;

    public Lane() {
        this(NONE);
    }

    /**
     * A lane that also sums how long it spent with {@code a == counted} (a thread lane counts RUNNING), so
     * the share of any time window is two look-ups however many entries fall inside it.
     */
    public Lane(int counted) {
        this.counted = counted;
    }

    /** Appends an entry; an entry at the same time as the last one replaces it. Single writer. */
    public void add(long t, long s, int va, int vb, int vc) {
        int n = size;
        if (n > 0 && time[n - 1] == t) {
            n--;
            if (n > 0 && a[n - 1] == va && b[n - 1] == vb && c[n - 1] == vc) {
                size = n; // the replacement equals the entry before: drop it
                return;
            }
        } else if (n > 0 && a[n - 1] == va && b[n - 1] == vb && c[n - 1] == vc) {
            return;
        }
        if (n == time.length) {
            int cap = n * 2;
            time = Arrays.copyOf(time, cap);
            seq = Arrays.copyOf(seq, cap);
            a = Arrays.copyOf(a, cap);
            b = Arrays.copyOf(b, cap);
            c = Arrays.copyOf(c, cap);
            countedBefore = Arrays.copyOf(countedBefore, cap);
        }
        countedBefore[n] = n == 0 ? 0 : countedBefore[n - 1] + (a[n - 1] == counted ? t - time[n - 1] : 0);
        time[n] = t;
        seq[n] = s;
        a[n] = va;
        b[n] = vb;
        c[n] = vc;
        size = n + 1;
    }

    public int size() {
        return size;
    }

    public long time(int i) {
        return time[i];
    }

    public long seq(int i) {
        return seq[i];
    }

    public int a(int i) {
        return a[i];
    }

    public int b(int i) {
        return b[i];
    }

    public int c(int i) {
        return c[i];
    }

    /** Total time before t the lane spent with {@code a == counted}; {@code at} is {@link #indexAt}(t). */
    public long countedUntil(long t, int at) {
        if (at < 0) {
            return 0;
        }
        return countedBefore[at] + (a[at] == counted ? Math.max(0, t - time[at]) : 0);
    }

    /**
     * Like {@link #indexAt} for a time at or after that of entry {@code from}: gallops forward from there, so
     * a caller sweeping left to right touches memory near where it already is (cheap at 10M events).
     */
    public int indexAtFrom(long t, int from) {
        int n = size;
        if (from < 0 || from >= n || time[from] > t) {
            return indexAt(t);
        }
        int lo = from;
        int step = 1;
        int hi = from + 1;
        while (hi < n && time[hi] <= t) {
            lo = hi;
            step <<= 1;
            hi = from + step;
        }
        hi = Math.min(hi, n) - 1; // time[lo] <= t; everything after hi is > t
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (time[mid] <= t) {
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
            if (time[mid] <= t) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }
}
