package interleave.app.session;

import interleave.trace.Trace;
import interleave.trace.TraceAnalyzer;

/**
 * Which moment of a run the views show: the live end (the newest event the analyzer has taken in), or a moment in
 * the past. Runs are recorded whole, so the past is the same trace read up to an earlier event: a second analyzer
 * replays the prefix (from the start when the cursor moves back, onward when it moves forward).
 *
 * <p>A moment is "after k scheduling points": every event before the (k+1)-th point, which is exactly what a run
 * paused after k steps has recorded (the switch that hands the core on belongs to the moment before the point).
 */
public final class TimeCursor {
    /** Shown events when the cursor follows the live end. */
    public static final long LIVE = -1;

    private final Trace trace;
    private final TraceAnalyzer live;
    private long at = LIVE;
    private TraceAnalyzer past;
    private long pointsShownAt = -2;
    private long pointsShown;

    public TimeCursor(TraceAnalyzer live) {
        this.live = live;
        this.trace = live.trace();
    }

    public boolean isLive() {
        return at == LIVE;
    }

    /** How many events the views show. */
    public long shownEvents() {
        return at == LIVE ? live.processed() : at;
    }

    /** The analyzer for the moment shown: the live one, or one that has read the trace up to the cursor. */
    public TraceAnalyzer shown() {
        if (at == LIVE) {
            return live;
        }
        if (past == null || past.processed() > at) {
            past = new TraceAnalyzer(trace);
        }
        past.update(at - past.processed());
        return past;
    }

    /** Time of the last event shown (0 before the first). */
    public long shownTime() {
        long n = shownEvents();
        return n == 0 ? 0 : trace.time(n - 1);
    }

    /** Back one scheduling point; false if the cursor is already before the first. */
    public boolean back() {
        long p = previousPoint(shownEvents());
        if (p < 0) {
            return false;
        }
        at = p;
        return true;
    }

    /** Forward one scheduling point within what has been recorded; false at the live end (then step the run). */
    public boolean forward() {
        if (at == LIVE) {
            return false;
        }
        long next = nextPoint(at);
        moveTo(next < 0 ? live.processed() : nextPoint(next + 1));
        return true;
    }

    /** Shows the run as it was just after the event at {@code index}. */
    public void seekEvent(long index) {
        long end = live.processed();
        if (index < 0) {
            moveTo(Math.min(end, firstPointOrEnd()));
            return;
        }
        moveTo(index >= end ? end : nextPoint(index + 1));
    }

    /** Shows the run as it was at virtual time (or os nanoseconds) {@code time}. */
    public void seekTime(long time) {
        long end = live.processed();
        long lo = 0;
        long hi = end; // first index whose time is after {@code time}
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (trace.time(mid) <= time) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        seekEvent(lo - 1);
    }

    /** Back to following the live end. */
    public void goLive() {
        at = LIVE;
    }

    /** Scheduling points shown (those before the cursor). */
    public long pointsShown() {
        if (at == LIVE) {
            return trace.pointCount();
        }
        if (pointsShownAt != at) { // counted once per move of the cursor, not once per frame
            long n = 0;
            for (long i = 0; i < at; i++) {
                n += trace.kind(i).point ? 1 : 0;
            }
            pointsShown = n;
            pointsShownAt = at;
        }
        return pointsShown;
    }

    private void moveTo(long events) {
        at = events < 0 || events >= live.processed() ? LIVE : events;
    }

    private long firstPointOrEnd() {
        long p = nextPoint(0);
        return p < 0 ? live.processed() : p;
    }

    /** Index of the first point event at or after {@code from} among the analyzed events, or -1. */
    private long nextPoint(long from) {
        long end = live.processed();
        for (long i = Math.max(0, from); i < end; i++) {
            if (trace.kind(i).point) {
                return i;
            }
        }
        return -1;
    }

    /** Index of the last point event before {@code before}, or -1. */
    private long previousPoint(long before) {
        for (long i = before - 1; i >= 0; i--) {
            if (trace.kind(i).point) {
                return i;
            }
        }
        return -1;
    }
}
