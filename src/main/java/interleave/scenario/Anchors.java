package interleave.scenario;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Named places in a demo's Python program. A comment may start with {@code @name} tags
 * ({@code balance = balance + n  # @add read balance ...}); the demo's Java code says {@code ctx.line("add")}
 * and the badge lands on that line, wherever edits move it. The tags are taken out of the program the class
 * sees, so the shown lines keep their numbers and lose only the tags.
 */
public final class Anchors {
    private static final Pattern TAG = Pattern.compile("@(=?[a-zA-Z0-9][a-zA-Z0-9_-]*)\\s*");

    private final Map<String, Integer> lines;
    private final Map<Integer, String> constants;
    private final String shown;

    private Anchors(Map<String, Integer> lines, Map<Integer, String> constants, String shown) {
        this.lines = Map.copyOf(lines);
        this.constants = Map.copyOf(constants);
        this.shown = shown;
    }

    /** Reads the tags of a program; a name tagged twice is a mistake in the demo and throws. */
    public static Anchors of(String source) {
        Map<String, Integer> lines = new HashMap<>();
        Map<Integer, String> constants = new HashMap<>();
        StringBuilder shown = new StringBuilder();
        String[] all = source.split("\n", -1);
        for (int i = 0; i < all.length; i++) {
            String line = all[i];
            int hash = interleave.trace.PythonLines.commentStart(line);
            if (hash >= 0) {
                String comment = line.substring(hash + 1).stripLeading();
                Matcher m = TAG.matcher(comment);
                int end = 0;
                while (m.find() && m.start() == end) {
                    if (m.group(1).startsWith("=")) { // @=param: this constant shows the parameter's value
                        constants.put(i + 1, m.group(1).substring(1));
                        end = m.end();
                        continue;
                    }
                    if (lines.put(m.group(1), i + 1) != null) {
                        throw new IllegalArgumentException("anchor @" + m.group(1) + " is tagged twice");
                    }
                    end = m.end();
                }
                if (end > 0) {
                    String rest = comment.substring(end);
                    line = rest.isEmpty() ? line.substring(0, hash).stripTrailing()
                            : line.substring(0, hash + 1) + " " + rest;
                }
            }
            shown.append(line);
            if (i < all.length - 1) {
                shown.append('\n');
            }
        }
        return new Anchors(lines, constants, shown.toString());
    }

    /** The 1-based line tagged with {@code name}; throws for a name the program does not have. */
    public int line(String name) {
        Integer n = lines.get(name);
        if (n == null) {
            throw new IllegalArgumentException("no line is tagged @" + name);
        }
        return n;
    }

    /** The program as the class sees it: every tag taken out. */
    public String shown() {
        return shown;
    }

    /**
     * The program as the class sees it for these parameter values: a line tagged {@code @=name}
     * ({@code ITERATIONS = 100000  # @=iterations}) shows the run's value of that parameter as a Python literal,
     * so the constants on screen are the ones the run uses.
     */
    public String shown(Map<String, Object> params) {
        if (constants.isEmpty() || params.isEmpty()) {
            return shown;
        }
        String[] all = shown.split("\n", -1);
        for (Map.Entry<Integer, String> c : constants.entrySet()) {
            Object value = params.get(c.getValue());
            String line = all[c.getKey() - 1];
            int eq = line.indexOf('=');
            if (value == null || eq < 0) {
                continue;
            }
            int hash = interleave.trace.PythonLines.commentStart(line);
            String code = line.substring(0, eq + 1) + " " + pythonLiteral(value);
            // the comment keeps its column where the value leaves room for it
            all[c.getKey() - 1] = hash < 0 ? code
                    : code + " ".repeat(Math.max(2, hash - code.length())) + line.substring(hash);
        }
        return String.join("\n", all);
    }

    static String pythonLiteral(Object value) {
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof String s) {
            return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
        }
        return String.valueOf(value);
    }
}
