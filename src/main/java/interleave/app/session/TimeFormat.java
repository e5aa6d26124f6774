package interleave.app.session;

import java.util.Locale;

/** Virtual microseconds (sim) or nanoseconds (os) as a short readable time. */
public final class TimeFormat {
    private TimeFormat() {
    }

    public static String duration(long t, boolean virtualMicros) {
        double seconds = virtualMicros ? t / 1e6 : t / 1e9;
        if (seconds >= 1) {
            return String.format(Locale.ROOT, "%.3f s", seconds);
        }
        if (seconds >= 1e-3) {
            return String.format(Locale.ROOT, "%.3f ms", seconds * 1e3);
        }
        return String.format(Locale.ROOT, "%.0f µs", seconds * 1e6);
    }
}
