package interleave.app.main;

import interleave.app.I18n;
import interleave.trace.Deadlock;
import interleave.trace.Trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Texts of the main window that are derived from the run: the deadlock explanation. */
public final class MainViewModel {
    private final I18n i18n;

    public MainViewModel(I18n i18n) {
        this.i18n = i18n;
    }

    /** After this long at full speed a run says it may never end. */
    static final long LONG_RUN_SECONDS = 20;

    /**
     * What the window says of a run at full speed for {@code seconds} with {@code events} recorded: nothing at
     * first; after {@link #LONG_RUN_SECONDS}, that the program may never end and how to stop it (a loop that never
     * ends would otherwise run on in silence until the memory is full).
     */
    public String longRun(long seconds, long events) {
        return seconds < LONG_RUN_SECONDS ? "" : i18n.fmt("banner.longRun", String.valueOf(seconds),
                i18n.count(events));
    }

    /**
     * The first error a thread ended with, for the banner ("" if none): a program that crashed must not look like
     * one that finished. The other threads that ended with the same error are named with it, and those that ended
     * with another are named after it. An EOFError says where input() gets its answers, the usual cause in a
     * program of the tutorials (raw_input with no answer typed).
     */
    public String explainError(Trace t, java.util.List<Long> errors) {
        Map<String, List<String>> whoByError = new java.util.LinkedHashMap<>();
        Map<String, java.util.Set<Integer>> linesOfError = new java.util.HashMap<>();
        for (interleave.trace.ThreadError e : interleave.trace.ThreadError.of(t, errors)) {
            whoByError.computeIfAbsent(e.message(), k -> new ArrayList<>()).add(t.thread(e.thread()).name());
            linesOfError.computeIfAbsent(e.message(), k -> new java.util.HashSet<>()).add(e.line());
        }
        if (whoByError.isEmpty()) {
            return "";
        }
        java.util.Iterator<Map.Entry<String, List<String>>> each = whoByError.entrySet().iterator();
        Map.Entry<String, List<String>> first = each.next();
        String error = first.getKey();
        List<String> who = first.getValue();
        // the line it was raised on (the code pane marks it too), where every thread with this error stopped there
        java.util.Set<Integer> lines = linesOfError.get(error);
        int line = lines.size() == 1 ? lines.iterator().next() : 0;
        String banner = line > 0
                ? (who.size() == 1 ? i18n.fmt("error.banner.line", who.get(0), error, String.valueOf(line))
                        : i18n.fmt("error.banner.same.line", i18n.names(who), error, String.valueOf(line)))
                : who.size() == 1 ? i18n.fmt("error.banner", who.get(0), error)
                : i18n.fmt("error.banner.same", i18n.names(who), error);
        List<String> others = new ArrayList<>();
        each.forEachRemaining(e -> others.addAll(e.getValue()));
        if (!others.isEmpty()) {
            banner += i18n.fmt("error.banner.others", i18n.names(others));
        }
        return error.startsWith("EOFError") ? banner + " " + i18n.get("error.noInput") : banner;
    }

    /**
     * A cycle of four threads or more, each waiting for a lock the next one holds (the five philosophers), in one
     * line: "P0 → P1 → P2 → P3 → P4 → P0, each waiting for a lock the next one holds (fork1, ...)". Written out
     * link by link it took four lines of a 1024x768 projector and pushed the timeline off screen. Null where the
     * deadlock is not such a ring.
     */
    private String ring(Trace t, Deadlock d) {
        int n = d.threads().size();
        if (!d.cycle() || n < 4) {
            return null;
        }
        List<String> names = new ArrayList<>();
        List<String> locks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (d.resources().get(i) < 0 || d.waitsFor().get(i) != d.threads().get((i + 1) % n).intValue()) {
                return null;
            }
            names.add(t.thread(d.threads().get(i)).name());
            locks.add(t.object(d.resources().get(i)).name());
        }
        names.add(names.get(0));
        return i18n.fmt("deadlock.ring", String.join(" \u2192 ", names),
                String.join(i18n.get("names.separator"), locks));
    }

    /** One sentence for the wait-for cycle (or the stall), or "" when there is none. */
    public String explain(Trace t, Deadlock d, java.util.function.IntUnaryOperator holderOf) {
        if (d == null) {
            return "";
        }
        String ring = ring(t, d);
        if (ring != null) {
            return i18n.fmt("deadlock.banner", i18n.get("deadlock.title"), i18n.fmt("deadlock.cycle", ring));
        }
        List<String> links = new ArrayList<>();
        // several threads that wait for the same thing, with nobody holding it, are one link ("Thread-1 ...
        // Thread-10 (10 threads) wait for event_obj"): ten Event waiters filled a projector's window
        java.util.Map<Integer, List<String>> waitersOf = new java.util.LinkedHashMap<>();
        for (int i = 0; i < d.threads().size(); i++) {
            if (d.resources().get(i) >= 0 && d.waitsFor().get(i) < 0) {
                waitersOf.computeIfAbsent(d.resources().get(i), r -> new ArrayList<>())
                        .add(t.thread(d.threads().get(i)).name());
            }
        }
        java.util.Set<Integer> grouped = new java.util.HashSet<>();
        for (int i = 0; i < d.threads().size(); i++) {
            String who = t.thread(d.threads().get(i)).name();
            int res = d.resources().get(i);
            int waitsFor = d.waitsFor().get(i); // the next in the cycle, or the thread a join waits for
            if (res < 0) {
                links.add(waitsFor < 0 ? who : i18n.fmt("deadlock.join", who, t.thread(waitsFor).name()));
            } else if (waitsFor >= 0) {
                links.add(i18n.fmt("deadlock.link", who, t.object(res).name(), t.thread(waitsFor).name()));
            } else if (waitersOf.get(res).size() >= 3) {
                if (grouped.add(res)) {
                    List<String> all = waitersOf.get(res);
                    links.add(i18n.fmt("deadlock.manyWait", all.get(0), all.get(all.size() - 1),
                            String.valueOf(all.size()), t.object(res).name()));
                }
            } else {
                links.add(i18n.fmt("deadlock.waits", who, t.object(res).name()));
            }
        }
        String joined = String.join(i18n.get("deadlock.separator"), links);
        return i18n.fmt("deadlock.banner", i18n.get(d.cycle() ? "deadlock.title" : "deadlock.stall_title"),
                i18n.fmt(d.cycle() ? "deadlock.cycle" : "deadlock.stall", joined));
    }
}
