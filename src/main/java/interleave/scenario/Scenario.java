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
    private final String id;
    private final Topic topic;
    private final List<ParamSpec> params;
    private final List<ActionSpec> actions;

    protected Scenario(String id, Topic topic, List<ParamSpec> params) {
        this(id, topic, params, List.of());
    }

    protected Scenario(String id, Topic topic, List<ParamSpec> params, List<ActionSpec> actions) {
        this.id = id;
        this.topic = topic;
        this.params = List.copyOf(params);
        this.actions = List.copyOf(actions);
    }

    public final String id() {
        return id;
    }

    public final Topic topic() {
        return topic;
    }

    public final List<ParamSpec> params() {
        return params;
    }

    public final List<ActionSpec> actions() {
        return actions;
    }

    /** The scheduler settings the demo is meant to be shown with. */
    public RunSettings defaultSettings() {
        return RunSettings.DEFAULT;
    }

    /** The program; runs on the run's MainThread. */
    public abstract void main(ScenarioContext ctx);

    /** A teacher's program (file and text as it runs), which a trace records; empty for a built-in demo. */
    public java.util.Optional<Program> program() {
        return java.util.Optional.empty();
    }

    /** The file and the text of a teacher's program. */
    public record Program(String file, String source) {
    }

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

    /** The demo's Python program as the class sees it (default parameters). */
    public String python() {
        return python(Map.of());
    }

    /** The Python program for these parameter values, as the class sees it: the source without its tags. */
    public final String python(Map<String, Object> params) {
        return anchors(params).shown(params);
    }

    /** The same, its comments in this language where the demos' comments are translated (see Texts.withComments). */
    public final String python(Map<String, Object> params, java.util.Locale locale) {
        return Texts.withComments(python(params), locale);
    }

    /** The program's tagged lines for these parameter values (see {@link Anchors}). */
    public final Anchors anchors(Map<String, Object> params) {
        return ANCHORS.computeIfAbsent(source(params), Anchors::of); // a program's tags are read once
    }

    private static final Map<String, Anchors> ANCHORS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The tagged Python source for these parameter values: the file named after the demo, or, where a choice
     * parameter's value is a program of its own, the file named after both (balance-private.py for the balance
     * demo's variant "private", coroutines-balance.py for its part "balance").
     */
    protected String source(Map<String, Object> params) {
        for (ParamSpec p : params()) {
            Object value = params.get(p.name());
            String own = p instanceof ParamSpec.ChoiceParam && value != null ? Texts.python(id() + "-" + value) : "";
            if (!own.isEmpty()) {
                return own;
            }
        }
        return Texts.python(id());
    }

    public ParamSpec param(String name) {
        return params().stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }
}
