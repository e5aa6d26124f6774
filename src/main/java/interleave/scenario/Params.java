package interleave.scenario;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Turns user-typed parameter values into typed ones, with defaults for the rest. */
public final class Params {
    private Params() {
    }

    public static Map<String, Object> resolve(Scenario scenario, Map<String, String> raw) throws ParamException {
        Map<String, Object> out = new LinkedHashMap<>();
        for (ParamSpec p : scenario.params()) {
            out.put(p.name(), p.defaultValue());
        }
        for (Map.Entry<String, String> e : raw.entrySet()) {
            ParamSpec spec = scenario.param(e.getKey());
            if (spec == null) {
                throw ParamException.unknown(scenario, e.getKey());
            }
            out.put(spec.name(), spec.parse(e.getValue()));
        }
        return out;
    }

    /** name=value strings in name order, as the trace header and the JSON output show them. */
    public static Map<String, String> format(Scenario scenario, Map<String, Object> values) {
        Map<String, String> out = new TreeMap<>();
        for (ParamSpec p : scenario.params()) {
            out.put(p.name(), p.format(values.get(p.name())));
        }
        return out;
    }
}
