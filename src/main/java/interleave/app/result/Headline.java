package interleave.app.result;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A run's result split once, when the panel refreshes, into its two big figures and the rest (the details).
 * <p>
 * The rule: a result with an {@code expected} value shows it beside the actual value ({@code balance} if there is
 * one, else the result's first entry). Any other result shows its first two <em>figures</em> in the result's own
 * order, where a figure is a single value short enough for big type: never a list (a program's printed lines) and
 * never a text longer than {@link #FIGURE_CHARS} characters (a program's last printed line). So for a Python
 * program the written shared values come first, then the number of lines printed. Everything else is a detail, in
 * the result's order.
 */
public final class Headline {
    /** The longest text still shown in big type; a longer one is shown smaller, wrapped (see longFigure). */
    static final int FIGURE_CHARS = 5;

    /** One entry of the result. */
    public record Entry(String key, Object value) {
    }

    private static final Headline NONE = new Headline(false, null, null, Map.of());

    private final boolean judged;
    private final Entry first;
    private final Entry second;
    private final Map<String, Object> details;

    private Headline(boolean judged, Entry first, Entry second, Map<String, Object> details) {
        this.judged = judged;
        this.first = first;
        this.second = second;
        this.details = details;
    }

    /** The result split by the rule above; an empty headline for no result (null or empty). */
    public static Headline of(Map<String, Object> result) {
        if (result == null || result.isEmpty()) {
            return NONE;
        }
        Map<String, Object> rest = new LinkedHashMap<>(result);
        if (result.containsKey("expected")) {
            String actual = result.containsKey("balance") ? "balance" : result.keySet().iterator().next();
            Entry expected = new Entry("expected", rest.remove("expected"));
            Entry actualEntry = new Entry(actual, result.get(actual));
            rest.remove(actual);
            return new Headline(true, expected, actualEntry, rest);
        }
        Entry[] figures = new Entry[2];
        int n = 0;
        for (Map.Entry<String, Object> e : result.entrySet()) {
            if (n < 2 && figure(e.getValue())) {
                figures[n++] = new Entry(e.getKey(), e.getValue());
                rest.remove(e.getKey());
            }
        }
        return new Headline(false, figures[0], figures[1], rest);
    }

    /** Fit for big type: a single value, not a list, not a long text. */
    static boolean figure(Object v) {
        return !(v instanceof Collection<?>) && !(v instanceof CharSequence s && s.length() > FIGURE_CHARS);
    }

    /** True when there is no result (yet): the panel shows its placeholders. */
    public boolean empty() {
        return first == null && second == null && details.isEmpty();
    }

    /** True when the result has an expected value: the first figure is it, the second the actual value. */
    public boolean judged() {
        return judged;
    }

    /** The first big figure, or null. */
    public Entry first() {
        return first;
    }

    /** The second big figure, or null (a result with a single figure). */
    public Entry second() {
        return second;
    }

    /** What the figures do not show, in the result's order. */
    public Map<String, Object> details() {
        return java.util.Collections.unmodifiableMap(details);
    }

    /** True when the actual value differs from the expected one (only for a judged result). */
    public boolean wrong() {
        return judged && !String.valueOf(first.value()).equals(String.valueOf(second.value()));
    }
}
