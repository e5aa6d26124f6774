package interleave.app.cpu;

import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A thread's name on a chip too narrow for it. Cutting "Thread-1 (run_thread)" and "Thread-2 (run_thread)" to
 * "Th…" makes every chip alike; so a name first loses CPython's "(target)" suffix, then becomes "T1" (a counted
 * name of another kind its capitals and number: "ForkPoolWorker-3" is "FPW3"), and only then is cut.
 */
final class ChipNames {
    private static final Pattern NUMBERED = Pattern.compile("(?i)thread-(\\d+)(?: \\(.*\\))?");
    private static final Pattern COUNTED = Pattern.compile("^(\\p{L}[\\p{L}_]*)-(\\d+)$");

    private ChipNames() {
    }

    /** The longest of the name's forms that fits {@code max}, by {@code width}; the shortest, if none does. */
    static String fit(String name, double max, ToDoubleFunction<String> width) {
        List<String> forms = forms(name);
        for (String f : forms) {
            if (width.applyAsDouble(f) <= max) {
                return f;
            }
        }
        return forms.get(forms.size() - 1);
    }

    static List<String> forms(String name) {
        java.util.ArrayList<String> out = new java.util.ArrayList<>(List.of(name));
        String bare = interleave.trace.ThreadInfo.withoutTarget(name);
        if (!bare.equals(name)) {
            out.add(bare);
        }
        Matcher numbered = NUMBERED.matcher(name);
        Matcher counted = COUNTED.matcher(out.get(out.size() - 1));
        if (numbered.matches()) {
            out.add("T" + numbered.group(1));
        } else if (name.equals("MainThread")) {
            out.add("Main");
        } else if (counted.matches()) { // "ForkPoolWorker-3" is "FPW3", "Process-1" "P1": the number stays
            String capitals = counted.group(1).replaceAll("[^\\p{Lu}]", "");
            out.add((capitals.isEmpty() ? counted.group(1).substring(0, 1) : capitals) + counted.group(2));
        }
        return out;
    }
}
