package interleave.app.result;

import interleave.app.I18n;
import interleave.trace.LostUpdate;
import interleave.trace.ObjectInfo;
import interleave.trace.ObjectType;
import interleave.trace.Trace;
import interleave.trace.TraceAnalyzer;

import java.util.Map;

/** What the result panel says: the scenario's result, the counts, and each lost update as a sentence. */
public final class ResultViewModel {
    private final I18n i18n;

    public ResultViewModel(I18n i18n) {
        this.i18n = i18n;
    }

    /** Caption of the first big figure: "expected" for results that have one, else the result's first key. */
    public String firstCaption(Map<String, Object> result) {
        if (result == null || result.isEmpty() || result.containsKey("expected")) {
            return i18n.get("result.expected");
        }
        return result.keySet().iterator().next();
    }

    /** Caption of the second figure. */
    public String secondCaption(Map<String, Object> result) {
        if (result == null || result.isEmpty() || result.containsKey("expected")) {
            return i18n.get("result.actual");
        }
        java.util.Iterator<String> it = result.keySet().iterator();
        it.next();
        return it.hasNext() ? it.next() : "";
    }

    /** The first figure's value. */
    public static String first(Map<String, Object> result) {
        if (result == null || result.isEmpty()) {
            return "–";
        }
        return result.containsKey("expected") ? String.valueOf(result.get("expected"))
                : String.valueOf(result.values().iterator().next());
    }

    /** The second figure's value: the actual result next to an expected one, else the second entry. */
    public static String second(Map<String, Object> result) {
        if (result == null || result.isEmpty()) {
            return "–";
        }
        if (result.containsKey("expected")) {
            return actual(result);
        }
        java.util.Iterator<Object> it = result.values().iterator();
        it.next();
        return it.hasNext() ? String.valueOf(it.next()) : "";
    }

    /** The "actual" figure: the result's balance if it has one, else its first entry. */
    public static String actual(Map<String, Object> result) {
        if (result == null || result.isEmpty()) {
            return "–";
        }
        Object v = result.containsKey("balance") ? result.get("balance") : result.values().iterator().next();
        return String.valueOf(v);
    }

    public static String expected(Map<String, Object> result) {
        return result != null && result.containsKey("expected") ? String.valueOf(result.get("expected")) : "–";
    }

    /** True when the result has an expected value and the actual one differs: shown in the alarm colour. */
    public static boolean wrong(Map<String, Object> result) {
        return result != null && result.containsKey("expected")
                && !String.valueOf(result.get("expected")).equals(actual(result));
    }

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
