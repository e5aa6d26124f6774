package interleave.scenario;

import java.util.List;

/**
 * Bad scenario input; the message names what was wrong and what is accepted (in English, for the command
 * line). {@link #key()} and {@link #args()} let the app say the same in the UI language.
 */
public final class ParamException extends Exception {
    private final String key;
    private final List<String> args;

    /** A parameter the scenario does not have: says which ones it accepts. */
    static ParamException unknown(Scenario scenario, String name) {
        String accepted = scenario.params().isEmpty() ? "none"
                : String.join(", ", scenario.params().stream().map(ParamSpec::name).toList());
        return new ParamException("unknown parameter '" + name + "' for " + scenario.id() + "; accepted: " + accepted,
                "unknown", name, scenario.id(), accepted);
    }

    public ParamException(String message) {
        this(message, null);
    }

    /** @param key what went wrong, e.g. "int" (the app looks up "param.error.int"); args fill its message */
    public ParamException(String message, String key, String... args) {
        super(message);
        this.key = key;
        this.args = List.of(args);
    }

    /** The kind of error for a translated message, or null if there is only the English one. */
    public String key() {
        return key;
    }

    public List<String> args() {
        return args;
    }
}
