package interleave.app.timeline;

import interleave.app.I18n;
import interleave.scenario.ParamSpec;
import interleave.scenario.Scenario;
import interleave.trace.EventKind;
import interleave.trace.Trace;

/**
 * The short label of a timeline marker for a live parameter change, an action or a line typed at the keyboard:
 * "lock on", "锁已开启", 'typed "yes"'.
 */
public final class MarkLabels {
    private MarkLabels() {
    }

    public static String of(I18n i18n, Scenario scenario, Trace t, long seq) {
        int index = t.object(seq);
        int value = t.value(seq);
        if (t.kind(seq) == EventKind.INPUT_TYPED) {
            return value == interleave.trace.Happening.END_OF_INPUT ? i18n.get("timeline.mark.endOfInput")
                    : i18n.fmt("timeline.mark.typed", t.string(value));
        }
        if (t.kind(seq) == EventKind.ACTION) {
            return scenario != null && index >= 0 && index < scenario.actions().size()
                    ? scenario.actionLabel(i18n.locale(), scenario.actions().get(index).name()) : "#" + index;
        }
        if (scenario == null || index < 0 || index >= scenario.params().size()) {
            return i18n.fmt("timeline.mark.value", "#" + index, String.valueOf(value));
        }
        ParamSpec p = scenario.params().get(index);
        String name = paramName(i18n, p.name());
        if (p instanceof ParamSpec.BoolParam) {
            return i18n.fmt(value == 1 ? "timeline.mark.on" : "timeline.mark.off", name);
        }
        String shown = p instanceof ParamSpec.ChoiceParam c && value >= 0 && value < c.choices().size()
                ? c.choices().get(value) : String.valueOf(value);
        return i18n.fmt("timeline.mark.value", name, shown);
    }

    /** A parameter's name in the UI language where the bundle has one ("lock" is 锁), else as the demo spells it. */
    private static String paramName(I18n i18n, String name) {
        String key = "timeline.param." + name;
        return i18n.has(key) ? i18n.get(key) : name;
    }
}
