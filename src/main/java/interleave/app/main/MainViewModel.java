package interleave.app.main;

import interleave.app.I18n;
import interleave.trace.Deadlock;
import interleave.trace.Trace;

import java.util.ArrayList;
import java.util.List;

/** Texts of the main window that are derived from the run: the deadlock explanation. */
public final class MainViewModel {
    private final I18n i18n;

    public MainViewModel(I18n i18n) {
        this.i18n = i18n;
    }

    /** One sentence for the wait-for cycle (or the stall), or "" when there is none. */
    public String explain(Trace t, Deadlock d, java.util.function.IntUnaryOperator holderOf) {
        if (d == null) {
            return "";
        }
        List<String> links = new ArrayList<>();
        for (int i = 0; i < d.threads().size(); i++) {
            String who = t.thread(d.threads().get(i)).name();
            int res = d.resources().get(i);
            int waitsFor = d.waitsFor().get(i); // the next in the cycle, or the thread a join waits for
            if (res < 0) {
                links.add(waitsFor < 0 ? who : i18n.fmt("deadlock.join", who, t.thread(waitsFor).name()));
            } else if (waitsFor >= 0) {
                links.add(i18n.fmt("deadlock.link", who, t.object(res).name(), t.thread(waitsFor).name()));
            } else {
                links.add(i18n.fmt("deadlock.waits", who, t.object(res).name()));
            }
        }
        String joined = String.join(i18n.get("deadlock.separator"), links);
        return i18n.fmt("deadlock.banner", i18n.get(d.cycle() ? "deadlock.title" : "deadlock.stall_title"),
                i18n.fmt(d.cycle() ? "deadlock.cycle" : "deadlock.stall", joined));
    }
}
