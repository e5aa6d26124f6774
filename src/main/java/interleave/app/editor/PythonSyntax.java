package interleave.app.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Python syntax colouring for the editor: a small scanner that finds keywords, strings (with their prefixes,
 * triple quotes over several lines and escapes), comments and numbers. It never fails on half-typed code: an
 * unclosed string runs to the end of its line (or, triple-quoted, of the text), as an editor shows it.
 */
public final class PythonSyntax {
    /** A coloured stretch of the text, [start, end), with its CSS style class. */
    public record Token(int start, int end, String style) {
    }

    public static final String KEYWORD = "py-keyword";
    public static final String STRING = "py-string";
    public static final String COMMENT = "py-comment";
    public static final String NUMBER = "py-number";
    public static final String BUILTIN = "py-builtin";

    private static final Set<String> KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async",
            "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from",
            "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
            "try", "while", "with", "yield");
    /** A few builtins a threading lesson uses, in a quieter colour than the keywords. */
    private static final Set<String> BUILTINS = Set.of("print", "input", "range", "len", "int", "str", "list",
            "dict", "set", "tuple", "self", "super", "isinstance", "enumerate", "sum", "min", "max", "open");

    private PythonSyntax() {
    }

    /** The coloured stretches of a program, in order and not overlapping; plain text has none. */
    public static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '#') {
                int end = lineEnd(text, i);
                out.add(new Token(i, end, COMMENT));
                i = end;
            } else if (c == '"' || c == '\'') {
                int end = stringEnd(text, i, false);
                out.add(new Token(i, end, STRING));
                i = end;
            } else if (Character.isJavaIdentifierStart(c) && c != '$') {
                int end = i + 1;
                while (end < n && Character.isJavaIdentifierPart(text.charAt(end)) && text.charAt(end) != '$') {
                    end++;
                }
                String word = text.substring(i, end);
                if (end < n && (text.charAt(end) == '"' || text.charAt(end) == '\'') && isStringPrefix(word)) {
                    boolean raw = word.toLowerCase(java.util.Locale.ROOT).contains("r");
                    int stop = stringEnd(text, end, raw);
                    out.add(new Token(i, stop, STRING));
                    i = stop;
                    continue;
                }
                if (KEYWORDS.contains(word)) {
                    out.add(new Token(i, end, KEYWORD));
                } else if (BUILTINS.contains(word)) {
                    out.add(new Token(i, end, BUILTIN));
                }
                i = end;
            } else if (Character.isDigit(c) || c == '.' && i + 1 < n && Character.isDigit(text.charAt(i + 1))) {
                int end = numberEnd(text, i);
                out.add(new Token(i, end, NUMBER));
                i = end;
            } else {
                i++;
            }
        }
        return out;
    }

    private static boolean isStringPrefix(String word) {
        return word.length() <= 2 && word.toLowerCase(java.util.Locale.ROOT).matches("r|u|b|f|br|rb|fr|rf");
    }

    private static int lineEnd(String text, int from) {
        int nl = text.indexOf('\n', from);
        return nl < 0 ? text.length() : nl;
    }

    /** The end (exclusive) of the string literal whose opening quote is at {@code q}. */
    private static int stringEnd(String text, int q, boolean raw) {
        int n = text.length();
        char quote = text.charAt(q);
        boolean triple = q + 2 < n && text.charAt(q + 1) == quote && text.charAt(q + 2) == quote;
        int i = q + (triple ? 3 : 1);
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2; // an escape (a raw string still cannot end on a backslash-quote)
                continue;
            }
            if (c == '\n' && !triple) {
                return i; // unclosed: ends with the line
            }
            if (c == quote) {
                if (!triple) {
                    return i + 1;
                }
                if (i + 2 < n && text.charAt(i + 1) == quote && text.charAt(i + 2) == quote) {
                    return i + 3;
                }
            }
            i++;
        }
        return n;
    }

    private static int numberEnd(String text, int from) {
        int n = text.length();
        int i = from;
        if (text.charAt(i) == '0' && i + 1 < n && "xXoObB".indexOf(text.charAt(i + 1)) >= 0) {
            i += 2;
            while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
                i++;
            }
            return i;
        }
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isDigit(c) || c == '_' || c == '.') {
                i++;
            } else if ((c == 'e' || c == 'E') && i + 1 < n && (Character.isDigit(text.charAt(i + 1))
                    || (text.charAt(i + 1) == '+' || text.charAt(i + 1) == '-') && i + 2 < n
                    && Character.isDigit(text.charAt(i + 2)))) {
                i += 2;
            } else if (c == 'j' || c == 'J') {
                return i + 1;
            } else {
                break;
            }
        }
        return i;
    }

    /**
     * The indentation a new line gets after pressing Enter at the end of {@code line}: the line's own, four spaces
     * more after a line ending in a colon (a block starts), as Python editors do.
     */
    public static String indentAfter(String line) {
        int k = 0;
        while (k < line.length() && (line.charAt(k) == ' ' || line.charAt(k) == '\t')) {
            k++;
        }
        String indent = line.substring(0, k);
        String code = line;
        int hash = interleave.trace.PythonLines.commentStart(line);
        if (hash >= 0) {
            code = line.substring(0, hash);
        }
        return code.stripTrailing().endsWith(":") ? indent + "    " : indent;
    }
}
