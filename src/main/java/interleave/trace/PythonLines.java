package interleave.trace;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How a line of Python reads, as far as the views need it: where its comment starts, what it assigns. */
public final class PythonLines {
    private static final Map<String, Pattern> ASSIGNMENTS = new ConcurrentHashMap<>();
    /** An assignment operator: =, +=, //=, ... but not == (<=, >=, != never follow a target). */
    private static final String ASSIGN = "\\s*(?:[-+*/%&|^@]|//|\\*\\*|<<|>>)?=(?!=)";
    /** Where a target may stand: a statement's start, or after other targets of a tuple ("a, balance = ..."). */
    private static final String STATEMENT = "(?:^|;)\\s*(?:[\\w.\\[\\]'\"]+\\s*,\\s*)*";
    /** What may follow the target before the operator: more targets of a tuple, or an annotation. */
    private static final String REST = "(?:\\s*,[^=]*|\\s*:[^=]*)?";
    private static final Pattern STRING = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");

    private PythonLines() {
    }

    /** Index of the '#' that starts a comment, outside string quotes; -1 if none. */
    public static int commentStart(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '#') {
                return i;
            }
        }
        return -1;
    }

    /** The line without its comment, each string blanked to S unless it is a subscript's key ({@code d['a']}). */
    static String codeOnly(String line) {
        int hash = commentStart(line);
        String code = hash < 0 ? line : line.substring(0, hash);
        Matcher m = STRING.matcher(code);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String before = code.substring(0, m.start()).stripTrailing();
            boolean key = before.endsWith("[");
            m.appendReplacement(out, Matcher.quoteReplacement(key ? m.group() : "S"));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Whether the line assigns the shared value the engine calls {@code name}: "balance", "account.total",
     * "counts['a']", each perhaps with a process's " (Process-1)" after it. Strings and the comment do not count
     * ({@code print("balance =", balance)}), nor do keyword arguments ({@code f(balance=1)}).
     */
    public static boolean assigns(String line, String name) {
        return ASSIGNMENTS.computeIfAbsent(name, PythonLines::assignmentOf).matcher(codeOnly(line)).find();
    }

    private static Pattern assignmentOf(String name) {
        String base = name.replaceFirst(" \\([^)]*\\)$", "");
        String target;
        int bracket = base.indexOf('[');
        if (bracket > 0 && base.endsWith("]")) {
            String key = base.substring(bracket + 1, base.length() - 1).trim();
            String literal = key.length() >= 2 && (key.charAt(0) == '\'' || key.charAt(0) == '"')
                    ? key.substring(1, key.length() - 1) : null;
            String keys = literal != null
                    ? "(?:'" + Pattern.quote(literal) + "'|\"" + Pattern.quote(literal) + "\"|[^\\]'\"]+)"
                    : "(?:" + Pattern.quote(key) + "|[^\\]'\"]+)";
            target = "(?<![\\w.])" + Pattern.quote(base.substring(0, bracket)) + "\\s*\\[\\s*" + keys + "\\s*\\]";
        } else if (base.contains(".")) {
            target = "[\\w.]*\\." + Pattern.quote(base.substring(base.lastIndexOf('.') + 1)) + "\\b";
        } else {
            target = "(?<![\\w.])" + Pattern.quote(base) + "\\b";
        }
        return Pattern.compile(STATEMENT + target + REST + ASSIGN);
    }
}
