package interleave.app.transport;

import interleave.app.I18n;
import interleave.app.session.RunSession;
import interleave.app.session.TimeFormat;
import interleave.trace.Trace;

/** The transport's texts, derived from the session: status, virtual time, counts, speed label. */
public final class TransportViewModel {
    private final RunSession session;
    private final I18n i18n;

    public TransportViewModel(RunSession session, I18n i18n) {
        this.session = session;
        this.i18n = i18n;
    }

    public String status() {
        if (session.inPast() && session.status() != RunSession.Status.REPLAYING) {
            return i18n.get(session.playing() ? "transport.status.playback" : "transport.status.past");
        }
        if (session.scenario() == null && session.status() == RunSession.Status.IDLE) {
            return i18n.get("transport.status.none"); // a program that cannot load: there is nothing to run
        }
        if (session.status() == RunSession.Status.DEADLOCK && session.shown() != null
                && session.shown().deadlock() != null && !session.shown().deadlock().cycle()) {
            return i18n.get("transport.status.stuck"); // every thread waits, but not for each other
        }
        return i18n.get("transport.status." + session.status().name().toLowerCase(java.util.Locale.ROOT));
    }

    public String time() {
        Trace t = session.trace();
        long now = session.cursor() == null ? 0 : session.cursor().shownTime();
        return i18n.fmt("transport.time", TimeFormat.duration(now, t == null || t.header().virtualTime()));
    }

    /** Steps and events of the moment shown (looking back: then, not the run's newest). */
    public String counts() {
        Trace t = session.trace();
        long points = session.cursor() == null ? 0 : session.cursor().pointsShown();
        long events = session.cursor() == null ? (t == null ? 0 : t.size()) : session.cursor().shownEvents();
        return i18n.fmt("transport.counts", i18n.count(points), i18n.count(events));
    }

    /** The style class of a status; the pill's own class, status-pill, is not one of them. */
    public static String statusClass(RunSession.Status s) {
        return "status-" + s.name().toLowerCase(java.util.Locale.ROOT);
    }

    public static boolean isStatusClass(String styleClass) {
        for (RunSession.Status s : RunSession.Status.values()) {
            if (statusClass(s).equals(styleClass)) {
                return true;
            }
        }
        return false;
    }

    public String playLabel() {
        return i18n.get(session.playing() ? "transport.pause" : "transport.play");
    }

    /** Slider position (an index into {@link RunSession#SPEEDS}) to a label. */
    public String speedLabel(int index) {
        double s = RunSession.SPEEDS[clamp(index)];
        return Double.isInfinite(s) ? i18n.get("transport.speed.full")
                : i18n.fmt("transport.speed.value", String.valueOf((long) s));
    }

    public static int clamp(int index) {
        return Math.max(0, Math.min(RunSession.SPEEDS.length - 1, index));
    }

    public static int indexOf(double speed) {
        for (int i = 0; i < RunSession.SPEEDS.length; i++) {
            if (RunSession.SPEEDS[i] >= speed) {
                return i;
            }
        }
        return RunSession.SPEEDS.length - 1;
    }
}
