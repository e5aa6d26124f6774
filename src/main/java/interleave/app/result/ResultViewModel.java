package interleave.app.result;

import interleave.app.I18n;
import interleave.trace.LostUpdate;
import interleave.trace.ObjectInfo;
import interleave.trace.ObjectType;
import interleave.trace.RunStory;
import interleave.trace.Trace;
import interleave.trace.TraceAnalyzer;

import java.util.List;
import java.util.Map;

/** What the result panel says: the scenario's result, the counts, and each lost update as a sentence. */
public final class ResultViewModel {
    private final I18n i18n;

    public ResultViewModel(I18n i18n) {
        this.i18n = i18n;
    }

    /** At most this many lines of a list of texts (a program's printed lines) in the details; numbers share one. */
    static final int LIST_LINES = 12; // the panel scrolls; presenting, the event log is hidden

    /** Caption of the first big figure: "expected" for results that have one, else the first figure's name. */
    public String firstCaption(Headline h) {
        if (h.empty() || h.judged()) {
            return i18n.get("result.expected");
        }
        return h.first() == null ? "" : caption(h.first().key());
    }

    /** What a Python program's result has besides its variables: these have names in the UI language. */
    private static final java.util.Set<String> PROGRAM_KEYS = java.util.Set.of("lines", "printed", "output", "stderr",
            interleave.program.PythonProgram.EXIT_STATUS);
    private boolean program;

    /** The result shown is a Python program's: its variables keep the names the program gives them. */
    public void showingProgram(boolean isProgram) {
        this.program = isProgram;
    }

    /**
     * A result entry's name in the UI language ("result.key.maxInUse"), or the key itself; a program's own
     * variable (balance, account.total) is never translated, so that it matches the code, the chart and the lanes.
     */
    public String caption(String key) {
        if (program && !PROGRAM_KEYS.contains(key)) {
            return key;
        }
        String k = "result.key." + key;
        String text = i18n.get(k);
        return text.equals(k) ? key : text;
    }

    /** A value as shown: seconds to three decimals, yes/no, lists joined. */
    public String value(Object v) {
        if (v instanceof Double d) {
            return String.format(java.util.Locale.ROOT, "%.3f", d);
        }
        if (v instanceof Boolean b) {
            return i18n.get(b ? "result.yes" : "result.no");
        }
        if (v instanceof java.util.Collection<?> c) {
            return c.stream().map(this::value).collect(java.util.stream.Collectors.joining(", "));
        }
        return v == null ? "–" : String.valueOf(v);
    }

    /**
     * The entries the two big figures do not show, one "caption: value" each; a list of texts a line each (its
     * last lines when long: the event log has them all); nothing for an empty text or list (nothing printed yet).
     */
    public List<String> details(Headline h) {
        return details(h, true);
    }

    /** The same, in a window that shows the event log or not (presentation mode hides it: no pointer to it then). */
    public List<String> details(Headline h, boolean logShown) {
        List<String> out = new java.util.ArrayList<>();
        for (Map.Entry<String, Object> e : h.details().entrySet()) {
            Object v = e.getValue();
            if (v instanceof String text && text.isEmpty() || v instanceof java.util.Collection<?> c && c.isEmpty()) {
                continue;
            }
            if (e.getKey().equals("printed") && h.details().get("output") instanceof java.util.Collection<?> o
                    && !o.isEmpty()) {
                continue; // the last line printed ends the lines printed, shown below
            }
            if (e.getKey().equals("stderr") && v instanceof List<?> written) {
                v = TracebackForPanel.lines(written);
            }
            if (v instanceof java.util.Collection<?> lines
                    && !lines.stream().allMatch(x -> x instanceof Number || x instanceof Boolean)) {
                int skip = lines.size() > LIST_LINES ? lines.size() - (LIST_LINES - 1) : 0;
                String head = skip == 0 ? ""
                        : "\n  " + i18n.fmt(logShown ? "result.moreLines" : "result.moreLinesNoLog", skip);
                out.add(i18n.fmt("label.colon", caption(e.getKey())) + head + lines.stream().skip(skip)
                        .map(l -> "\n  " + value(l)).collect(java.util.stream.Collectors.joining()));
            } else {
                out.add(i18n.fmt("label.value", caption(e.getKey()), value(v)));
            }
        }
        return out;
    }

    /** Caption of the second figure ("" when the result has a single figure). */
    public String secondCaption(Headline h) {
        if (h.empty() || h.judged()) {
            return i18n.get("result.actual");
        }
        return h.second() == null || blank(h.second().value()) ? "" : caption(h.second().key());
    }

    /** A figure with nothing to show: no line printed yet has no "last line printed" under its caption. */
    private static boolean blank(Object value) {
        return value instanceof String text && text.isEmpty();
    }

    /** The first figure's value. */
    public String first(Headline h) {
        if (h.first() == null) {
            return "–";
        }
        Headline.Entry e = h.first();
        return !h.judged() && "seconds".equals(e.key()) && e.value() instanceof Double s ? seconds(s) : value(e.value());
    }

    /**
     * The first figure while the run goes on (or at a moment looked back at): a duration in virtual seconds (the GIL
     * demo's "seconds", computed only at the end) is the virtual time elapsed so far; anything else as it stands.
     */
    public String firstNow(Headline h, TraceAnalyzer a) {
        if (a != null && !h.judged() && h.first() != null && "seconds".equals(h.first().key())
                && a.trace().header().virtualTime()) {
            return interleave.app.session.TimeFormat.duration(a.lastTime(), true);
        }
        return first(h);
    }

    /** Virtual seconds in the unit that shows them (a GIL run of 300 µs is not "0.000"). */
    private static String seconds(double s) {
        return interleave.app.session.TimeFormat.duration(Math.round(s * 1e6), true);
    }

    /** The second figure's value: the actual result next to an expected one, else the second figure ("" if none). */
    public String second(Headline h) {
        if (h.empty()) {
            return "–";
        }
        return h.second() == null || blank(h.second().value()) ? "" : value(h.second().value());
    }

    /** How the result is judged: only a finished run with an expected value is right or wrong. */
    public enum Verdict { NONE, PENDING, RIGHT, WRONG }

    public static Verdict verdict(Headline h, boolean over) {
        if (!h.judged()) {
            return Verdict.NONE;
        }
        if (!over) {
            return Verdict.PENDING;
        }
        return h.wrong() ? Verdict.WRONG : Verdict.RIGHT;
    }

    /** The verdict in words, with ✓ or ✗ so that colour is never the only cue; empty for NONE. */
    public String verdictText(Headline h, boolean over) {
        return switch (verdict(h, over)) {
            case NONE -> "";
            case PENDING -> i18n.get("result.verdict.pending");
            case RIGHT -> i18n.get("result.verdict.right");
            case WRONG -> i18n.fmt("result.verdict.wrong", value(h.first().value()));
        };
    }

    /** Caption of the second figure while the run goes on: the value *now*, not yet a result. */
    public String secondCaption(Headline h, boolean over) {
        if (!over && h.judged()) {
            return i18n.fmt("result.now", caption(h.second().key()));
        }
        return secondCaption(h);
    }

    /**
     * The second figure mid-run: the value as the trace shows it now (the engine may already be a step
     * ahead of what is drawn), from the shared variable of the same name when there is one.
     */
    public String secondNow(Headline h, TraceAnalyzer a) {
        if (a != null && h.judged()) {
            String key = h.second().key();
            for (ObjectInfo o : a.trace().objects()) {
                if (o.type() == ObjectType.VARIABLE && o.name().equals(key) && o.id() < a.objectLaneCount()) {
                    return value(a.levelOf(o.id()));
                }
            }
        }
        return second(h);
    }

    /**
     * A teacher's program's result as it was at the moment shown (looking back): the lines printed so far and the
     * shared variables' values then, from the trace, in place of the live run's. Other results are returned as
     * they are (a demo's figures follow the moment through {@link #firstNow} and {@link #secondNow}).
     */
    public static Map<String, Object> atMoment(Map<String, Object> result, TraceAnalyzer a) {
        if (result == null || a == null || !(result.get("output") instanceof java.util.Collection<?>)) {
            return result;
        }
        Trace t = a.trace();
        List<String> output = linesOf(t, a.prints());
        Map<String, Object> then = new java.util.LinkedHashMap<>(result);
        // what the program itself wrote to stderr so far (logging, print to sys.stderr); an uncaught exception's
        // traceback is not in the trace: it belongs to the end
        List<String> stderr = linesOf(t, a.stderrWrites());
        if (stderr.isEmpty()) {
            then.remove("stderr");
        } else {
            then.put("stderr", stderr);
        }
        then.put("lines", output.size());
        then.put("printed", output.isEmpty() ? "" : output.get(output.size() - 1));
        then.put("output", output);
        for (ObjectInfo o : t.objects()) {
            if (o.type() == ObjectType.VARIABLE && then.get(o.name()) instanceof Number && o.id() < a.objectLaneCount()) {
                then.put(o.name(), a.levelOf(o.id()));
            }
        }
        return then;
    }

    /** The lines the events at {@code seqs} wrote (each event's text is one or more lines). */
    private static List<String> linesOf(Trace t, List<Long> seqs) {
        List<String> lines = new java.util.ArrayList<>();
        for (long seq : seqs) {
            lines.addAll(interleave.program.PythonProgram.outputLines(t.string(t.value(seq))));
        }
        return lines;
    }

    /** A figure too long for the big type (the coroutines' print order) is shown smaller and wrapped. */
    public static boolean longFigure(String shown) {
        return shown != null && shown.length() > Headline.FIGURE_CHARS;
    }

    /** The lost-update figure means something only where a shared variable can race. */
    public static boolean showsLostUpdates(Trace t) {
        for (ObjectInfo o : t.objects()) {
            if (o.type() == ObjectType.VARIABLE) {
                return true;
            }
        }
        return false;
    }

    /** The chart's title names the variable it charts: "balance over time". */
    public String chartCaption(TraceAnalyzer a) {
        return chartCaption(a, chartVariable(a));
    }

    /** The chart's caption for variable {@code v} of the run (-1: none). */
    public String chartCaption(TraceAnalyzer a, int v) {
        return v < 0 ? i18n.get("result.chart") : i18n.fmt("result.chartOf", a.trace().object(v).name());
    }

    /**
     * Lost updates since the lock went on at event {@code seq}: {fresh, underWay}. Fresh ones happened with
     * both threads already on the locked path (the stale read after the writer's first acquire since the
     * switch, the wiped-out write after the victim's): the lock should make them impossible. The others were
     * updates already under way when the switch came, finishing on the unlocked path.
     */
    public static long[] lostSince(List<LostUpdate> lost, long seq, java.util.function.LongUnaryOperator lockedFrom) {
        long fresh = 0;
        long underWay = 0;
        for (int i = lost.size() - 1; i >= 0 && lost.get(i).writeSeq() > seq; i--) {
            LostUpdate u = lost.get(i);
            if (u.readSeq() > lockedFrom.applyAsLong(u.thread()) && u.lostSeq() > lockedFrom.applyAsLong(u.victim())) {
                fresh++;
            } else {
                underWay++;
            }
        }
        return new long[] {fresh, underWay};
    }

    /** "lost updates since the lock went on: 0", plus the ones already under way when it did, if any. */
    public String lockNote(long[] since) {
        String note = i18n.fmt("result.sinceLock", String.valueOf(since[0]));
        return since[1] == 0 ? note : note + "\n" + i18n.fmt("result.sinceLockUnderWay", String.valueOf(since[1]));
    }

    /**
     * Whether some shared variable is written by two or more threads, one of them at a moment it held no lock,
     * semaphore or condition: a program where updates can be lost. (A program whose every update is under a lock
     * gets no "the race is still there" note.) One pass over the trace.
     */
    public static boolean hasUnguardedSharedWrite(Trace t) {
        int threads = t.threads().size();
        List<Map<Integer, Integer>> held = new java.util.ArrayList<>(); // per thread: what it holds, how deep
        for (int i = 0; i < threads; i++) {
            held.add(new java.util.HashMap<>());
        }
        Map<Integer, java.util.Set<Integer>> writers = new java.util.HashMap<>();
        java.util.Set<Integer> unguarded = new java.util.HashSet<>();
        for (long i = 0; i < t.size(); i++) {
            int th = t.thread(i);
            if (th < 0 || th >= threads) {
                continue;
            }
            interleave.trace.Happening h = interleave.trace.Happening.decode(t, i);
            Map<Integer, Integer> mine = held.get(th);
            if (h instanceof interleave.trace.Happening.Acquired a) {
                mine.merge(a.object(), counted(t, a.object()) ? 1 : a.level(), counted(t, a.object())
                        ? Integer::sum : (x, y) -> y);
            } else if (h instanceof interleave.trace.Happening.Released r) {
                int left = counted(t, r.object()) ? mine.getOrDefault(r.object(), 0) - 1 : r.level();
                if (left > 0) {
                    mine.put(r.object(), left);
                } else {
                    mine.remove(r.object());
                }
            } else if (h instanceof interleave.trace.Happening.Wrote w) {
                writers.computeIfAbsent(w.object(), o -> new java.util.HashSet<>()).add(th);
                if (mine.isEmpty()) {
                    unguarded.add(w.object());
                }
            }
        }
        return unguarded.stream().anyMatch(v -> writers.get(v).size() > 1);
    }

    /** A semaphore's level is its permits, not a depth: what a thread holds of it is counted by its acquires. */
    private static boolean counted(Trace t, int object) {
        return t.object(object).type().countsPermits();
    }

    /** Each thread's own value of a thread-local attribute: "Thread-A: Alice". */
    public List<String> localLines(Trace t, RunStory story) {
        List<String> out = new java.util.ArrayList<>();
        if (story == null) {
            return out;
        }
        for (ObjectInfo o : t.objects()) {
            if (o.type() == ObjectType.LOCAL) {
                for (Map.Entry<Integer, String> e : story.localValues(o.id()).entrySet()) {
                    out.add(i18n.fmt("result.localValue", o.name(), t.thread(e.getKey()).name(), e.getValue()));
                }
            }
        }
        return out;
    }

    /**
     * One lost update in a sentence, as the list shows it; public so the timeline's hover over a lost-update
     * mark says exactly the same.
     */
    public String lostSentence(Trace t, LostUpdate u) {
        // saying "was lost" of an overwrite that lost nothing left the class puzzled
        String key = u.lostNothing() ? "result.lostItemNoHarm" : "result.lostItem";
        return i18n.fmt(key, t.thread(u.thread()).name(), String.valueOf(u.writtenValue()),
                String.valueOf(u.readValue()), t.thread(u.victim()).name(), String.valueOf(u.lostValue()));
    }

    /**
     * The variable the chart follows: "balance" if there is one, else the shared variable written most often (a
     * constant such as "n = 12" would draw a flat line), or -1 where none was written yet. A variable's lane holds
     * its writes only, so the count is its size (the pane keeps its first choice for the run: see ResultController).
     */
    public static int chartVariable(TraceAnalyzer a) {
        if (a == null) {
            return -1;
        }
        int most = -1;
        int mostWrites = 0;
        for (ObjectInfo o : a.trace().objects()) {
            if (o.type() != ObjectType.VARIABLE || o.id() >= a.objectLaneCount()) {
                continue;
            }
            if (o.name().equals("balance")) {
                return o.id();
            }
            int writes = a.objectLane(o.id()).size();
            if (writes > mostWrites) {
                most = o.id();
                mostWrites = writes;
            }
        }
        return most;
    }
}
