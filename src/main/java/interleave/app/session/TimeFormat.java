package interleave.app.session;

import java.util.Locale;

/** Virtual microseconds (sim) or nanoseconds (os) as a short readable time. */
public final class TimeFormat {
    private TimeFormat() {
    }

    /** An axis label: as many decimals as the tick step needs, so neighbouring ticks never read the same. */
    public static String tick(double t, double step, boolean virtualMicros) {
        double unit = virtualMicros ? 1e-6 : 1e-9;
        double seconds = t * unit;
        double stepSeconds = Math.max(step * unit, 1e-9);
        if (seconds >= 1 || stepSeconds >= 0.1) {
            int decimals = (int) Math.max(0, Math.ceil(-Math.log10(stepSeconds) - 1e-9));
            return String.format(Locale.ROOT, "%." + decimals + "f s", seconds);
        }
        if (seconds >= 1e-3 || stepSeconds >= 1e-4) {
            int decimals = (int) Math.max(0, Math.ceil(-Math.log10(stepSeconds * 1e3) - 1e-9));
            return String.format(Locale.ROOT, "%." + decimals + "f ms", seconds * 1e3);
        }
        int decimals = (int) Math.max(0, Math.ceil(-Math.log10(stepSeconds * 1e6) - 1e-9));
        return String.format(Locale.ROOT, "%." + decimals + "f µs", seconds * 1e6);
    }

    /**
     * A span of time as a person says it, for a sentence ("sleeps for 800 ms", "1.5 s"): as {@link #duration},
     * without the zeros a clock keeps to stay steady.
     */
    public static String span(long t, boolean virtualMicros) {
        return duration(t, virtualMicros).replaceAll("(\\.\\d*?)0+ ", "$1 ").replace(". ", " ");
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
