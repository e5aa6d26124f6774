package interleave.scenario;

import interleave.engine.RunSettings;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A demo program: what it declares (parameters, actions) and what it does on its MainThread. Scenario
 * objects are stateless definitions; everything a run creates lives in its {@link ScenarioContext}.
 */
public abstract class Scenario {
    public abstract String id();

    public abstract Topic topic();

    public List<ParamSpec> params() {
        return List.of();
    }

    public List<ActionSpec> actions() {
        return List.of();
    }

    /** The scheduler settings the demo is meant to be shown with. */
    public RunSettings defaultSettings() {
        return RunSettings.DEFAULT;
    }

    /** The program; runs on the run's MainThread. */
    public abstract void main(ScenarioContext ctx);

    /** The scenario-specific result once the run is over, e.g. {@code {"balance": 13, "expected": 0}}. */
    public abstract Map<String, Object> result(ScenarioContext ctx);

    public String title(Locale locale) {
        return Texts.get(locale, id() + ".title");
    }

    /** One line for the picker. */
    public String summary(Locale locale) {
        return Texts.get(locale, id() + ".summary");
    }

    /** What it teaches, what to watch, what goes wrong and why. */
    public String description(Locale locale) {
        return Texts.get(locale, id() + ".description");
    }

    public String paramHelp(Locale locale, String param) {
        return Texts.get(locale, id() + ".param." + param);
    }

    public String actionLabel(Locale locale, String action) {
        return Texts.get(locale, id() + ".action." + action);
    }

    public String python() {
        return Texts.python(id());
    }

    /** The Python equivalent for these parameter values; a variant that is a different program overrides this. */
    public String python(Map<String, Object> params) {
        return python();
    }

    public ParamSpec param(String name) {
        return params().stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }
}
