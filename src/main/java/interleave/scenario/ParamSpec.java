package interleave.scenario;

import java.util.List;
import java.util.Locale;

/**
 * A typed scenario parameter: its name, default, accepted values, and whether it may change mid-run.
 * Its description lives in the scenario bundle under {@code <scenario>.param.<name>}.
 */
public sealed interface ParamSpec {
    String name();

    Object defaultValue();

    /** May the user change it while the run goes on? */
    boolean live();

    /** Parses user input; throws with a message naming what was wrong and what is accepted. */
    Object parse(String raw) throws ParamException;

    /** What the user may type, for error messages and help. */
    String accepted();

    /** The value as an int for the trace (booleans 0/1, choices their index). */
    int encode(Object value);

    /** The value a trace's int stands for: the inverse of {@link #encode}. */
    Object decode(int encoded);

    default String format(Object value) {
        return String.valueOf(value);
    }

    record IntParam(String name, Integer defaultValue, int min, int max, boolean live) implements ParamSpec {
        @Override
        public Object parse(String raw) throws ParamException {
            int v;
            try {
                v = Integer.parseInt(raw.trim());
            } catch (NumberFormatException e) {
                throw new ParamException(name + " must be " + accepted() + ", got '" + raw + "'", "int", name,
                        String.valueOf(min), String.valueOf(max), raw);
            }
            if (v < min || v > max) {
                throw new ParamException(name + " must be " + accepted() + ", got " + v, "int", name,
                        String.valueOf(min), String.valueOf(max), String.valueOf(v));
            }
            return v;
        }

        @Override
        public String accepted() {
            return "an integer from " + min + " to " + max;
        }

        @Override
        public int encode(Object value) {
            return (Integer) value;
        }

        @Override
        public Object decode(int encoded) {
            return encoded;
        }
    }

    record BoolParam(String name, Boolean defaultValue, boolean live) implements ParamSpec {
        private static final List<String> TRUE = List.of("on", "true", "yes", "1");
        private static final List<String> FALSE = List.of("off", "false", "no", "0");

        @Override
        public Object parse(String raw) throws ParamException {
            String v = raw.trim().toLowerCase(Locale.ROOT);
            if (TRUE.contains(v)) {
                return true;
            }
            if (FALSE.contains(v)) {
                return false;
            }
            throw new ParamException(name + " must be " + accepted() + ", got '" + raw + "'", "bool", name, raw);
        }

        @Override
        public String accepted() {
            return "on or off";
        }

        @Override
        public int encode(Object value) {
            return Boolean.TRUE.equals(value) ? 1 : 0;
        }

        @Override
        public Object decode(int encoded) {
            return encoded != 0;
        }

        @Override
        public String format(Object value) {
            return Boolean.TRUE.equals(value) ? "on" : "off";
        }
    }

    record ChoiceParam(String name, String defaultValue, List<String> choices, boolean live) implements ParamSpec {
        public ChoiceParam {
            choices = List.copyOf(choices);
        }

        @Override
        public Object parse(String raw) throws ParamException {
            String v = raw.trim().toLowerCase(Locale.ROOT);
            if (!choices.contains(v)) {
                throw new ParamException(name + " must be " + accepted() + ", got '" + raw + "'", "choice", name,
                        String.join(", ", choices), raw);
            }
            return v;
        }

        @Override
        public String accepted() {
            return "one of " + String.join(", ", choices);
        }

        @Override
        public int encode(Object value) {
            return choices.indexOf(value);
        }

        @Override
        public Object decode(int encoded) {
            return choices.get(encoded);
        }
    }
}
