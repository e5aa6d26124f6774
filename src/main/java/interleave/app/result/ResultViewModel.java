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

    /**
     * The result with the entries fit for a big figure first: a list (a program's printed lines) never is, nor a
     * program's last printed line when it is longer than a figure; they go to the details, a line each.
     */
    /** At most this many lines of a list of texts (a program's printed lines) in the details; numbers share one. */
    static final int LIST_LINES = 4;

    static Map<String, Object> figuresFirst(Map<String, Object> result) {
        if (result == null || result.containsKey("expected")) {
            return result;
        }
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        result.forEach((k, v) -> {
            if (figure(k, v)) {
                out.put(k, v);
            }
        });
        result.forEach((k, v) -> {
            if (!figure(k, v)) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static boolean figure(String key, Object v) {
        return !(v instanceof java.util.Collection<?>) && !("printed".equals(key) && longFigure(String.valueOf(v)));
    }

    /** Caption of the first big figure: "expected" for results that have one, else the result's first key. */
    public String firstCaption(Map<String, Object> result) {
        result = figuresFirst(result);
        if (result == null || result.isEmpty() || result.containsKey("expected")) {
            return i18n.get("result.expected");
        }
        return caption(result.keySet().iterator().next());
    }

    /** A result entry's name in the UI language ("result.key.maxInUse"), or the key itself. */
    public String caption(String key) {
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

    /** The entries the two big figures do not show, one "caption: value" each. */
    public java.util.List<String> details(Map<String, Object> result) {
        result = figuresFirst(result);
        if (result == null || result.isEmpty()) {
            return java.util.List.of();
        }
        java.util.List<String> out = new java.util.ArrayList<>();
        int index = 0;
        for (Map.Entry<String, Object> e : result.entrySet()) {
            boolean shown = result.containsKey("expected")
                    ? e.getKey().equals("expected") || e.getKey().equals(actualKey(result))
                    : index < 2 && figure(e.getKey(), e.getValue());
            if (!shown && (e.getValue() instanceof String text && text.isEmpty()
                    || e.getValue() instanceof java.util.Collection<?> c && c.isEmpty())) {
                index++;
                continue; // nothing printed yet: no empty "printed:" line
            }
            if (!shown && e.getValue() instanceof java.util.Collection<?> lines
                    && !lines.stream().allMatch(x -> x instanceof Number || x instanceof Boolean)) {
                // a line each; a long list shows its last lines (the event log has them all)
                int skip = lines.size() > LIST_LINES ? lines.size() - (LIST_LINES - 1) : 0;
                String head = skip > 0 ? "\n  " + i18n.fmt("result.moreLines", skip) : "";
                out.add(caption(e.getKey()) + ":" + head + lines.stream().skip(skip).map(l -> "\n  " + value(l))
                        .collect(java.util.stream.Collectors.joining()));
            } else if (!shown) {
                out.add(caption(e.getKey()) + ": " + value(e.getValue()));
            }
            index++;
        }
        return out;
    }

    private static String actualKey(Map<String, Object> result) {
        return result.containsKey("balance") ? "balance" : result.keySet().iterator().next();
    }

    /** Caption of the second figure. */
    public String secondCaption(Map<String, Object> result) {
        result = figuresFirst(result);
        if (result == null || result.isEmpty() || result.containsKey("expected")) {
            return i18n.get("result.actual");
        }
        java.util.Iterator<Map.Entry<String, Object>> it = result.entrySet().iterator();
        it.next();
        if (!it.hasNext()) {
            return "";
        }
        Map.Entry<String, Object> e = it.next();
        return figure(e.getKey(), e.getValue()) ? caption(e.getKey()) : "";
    }

    /** The first figure's value. */
    public String first(Map<String, Object> result) {
        result = figuresFirst(result);
        if (result == null || result.isEmpty()) {
            return "–";
        }
        if (result.containsKey("expected")) {
            return value(result.get("expected"));
        }
        Map.Entry<String, Object> e = result.entrySet().iterator().next();
        return "seconds".equals(e.getKey()) && e.getValue() instanceof Double s ? seconds(s) : value(e.getValue());
    }

    /**
     * The first figure while the run goes on (or at a moment looked back at): a duration in virtual seconds (the GIL
     * demo's "seconds", computed only at the end) is the virtual time elapsed so far; anything else as it stands.
     */
    public String firstNow(Map<String, Object> result, TraceAnalyzer a) {
        result = figuresFirst(result);
        if (a != null && result != null && !result.isEmpty() && !result.containsKey("expected")
                && "seconds".equals(result.keySet().iterator().next()) && a.trace().header().virtualTime()) {
            return interleave.app.session.TimeFormat.duration(a.lastTime(), true);
        }
        return first(result);
    }

    /** Virtual seconds in the unit that shows them (a GIL run of 300 µs is not "0.000"). */
    private static String seconds(double s) {
        return interleave.app.session.TimeFormat.duration(Math.round(s * 1e6), true);
    }

    /** The second figure's value: the actual result next to an expected one, else the second entry. */
    public String second(Map<String, Object> result) {
        result = figuresFirst(result);
        if (result == null || result.isEmpty()) {
            return "–";
        }
        if (result.containsKey("expected")) {
            return value(result.get(actualKey(result)));
        }
        java.util.Iterator<Map.Entry<String, Object>> it = result.entrySet().iterator();
        it.next();
        if (!it.hasNext()) {
            return "";
        }
        Map.Entry<String, Object> e = it.next();
        return figure(e.getKey(), e.getValue()) ? value(e.getValue()) : "";
    }

    /** True when the result has an expected value and the actual one differs: shown in the alarm colour. */
    public static boolean wrong(Map<String, Object> result) {
        return result != null && result.containsKey("expected")
                && !String.valueOf(result.get("expected")).equals(String.valueOf(result.get(actualKey(result))));
    }

    /** How the result is judged: only a finished run with an expected value is right or wrong. */
    public enum Verdict { NONE, PENDING, RIGHT, WRONG }

    public static Verdict verdict(Map<String, Object> result, boolean over) {
        if (result == null || !result.containsKey("expected")) {
            return Verdict.NONE;
        }
        if (!over) {
            return Verdict.PENDING;
        }
        return wrong(result) ? Verdict.WRONG : Verdict.RIGHT;
    }

    /** The verdict in words, with ✓ or ✗ so that colour is never the only cue; empty for NONE. */
    public String verdictText(Map<String, Object> result, boolean over) {
        return switch (verdict(result, over)) {
            case NONE -> "";
            case PENDING -> i18n.get("result.verdict.pending");
            case RIGHT -> i18n.get("result.verdict.right");
            case WRONG -> i18n.fmt("result.verdict.wrong", value(result.get("expected")));
        };
    }

    /** Caption of the second figure while the run goes on: the value *now*, not yet a result. */
    public String secondCaption(Map<String, Object> result, boolean over) {
        if (!over && result != null && result.containsKey("expected")) {
            return i18n.fmt("result.now", caption(actualKey(result)));
        }
        return secondCaption(result);
    }

    /**
     * The second figure mid-run: the value as the trace shows it now (the engine may already be a step
     * ahead of what is drawn), from the shared variable of the same name when there is one.
     */
    public String secondNow(Map<String, Object> result, TraceAnalyzer a) {
        if (a != null && result != null && result.containsKey("expected")) {
            String key = actualKey(result);
            for (ObjectInfo o : a.trace().objects()) {
                if (o.type() == ObjectType.VARIABLE && o.name().equals(key) && o.id() < a.objectLaneCount()) {
                    return value(a.levelOf(o.id()));
                }
            }
        }
        return second(result);
    }

    /** A figure too long for the big type (the coroutines' print order) is shown smaller and wrapped. */
    public static boolean longFigure(String shown) {
        return shown != null && shown.length() > 5;
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
        int v = chartVariable(a);
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
        return i18n.fmt("result.lostItem", t.thread(u.thread()).name(), String.valueOf(u.writtenValue()),
                String.valueOf(u.readValue()), t.thread(u.victim()).name(), String.valueOf(u.lostValue()));
    }

    /** The variable the chart follows: "balance" if there is one, else the first shared variable, or -1. */
    public static int chartVariable(TraceAnalyzer a) {
        if (a == null) {
            return -1;
        }
        int first = -1;
        for (ObjectInfo o : a.trace().objects()) {
            if (o.type() == ObjectType.VARIABLE) {
                if (o.name().equals("balance")) {
                    return o.id();
                }
                if (first < 0) {
                    first = o.id();
                }
            }
        }
        return first;
    }
}
