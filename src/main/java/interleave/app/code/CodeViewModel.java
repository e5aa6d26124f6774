package interleave.app.code;

import interleave.app.I18n;
import interleave.scenario.Scenario;
import interleave.trace.RunStory;
import interleave.trace.ThreadInfo;
import interleave.trace.ThreadState;
import interleave.trace.TraceAnalyzer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The scenario's Python equivalent, and which live thread is on which line of it. */
public final class CodeViewModel {
    private Scenario lastScenario;
    private Map<String, Object> lastParams;
    private java.util.Locale lastLocale;
    private List<String> lastLines = List.of();

    /**
     * The program's lines for these parameters (a variant may be a different program; a shown constant follows
     * its parameter), its comments in the window's language. Cheap to call per frame: the same scenario,
     * parameters and language give the same list instance.
     */
    public List<String> lines(Scenario s, Map<String, Object> params, java.util.Locale locale) {
        if (s != lastScenario || !params.equals(lastParams) || !locale.equals(lastLocale)) {
            lastScenario = s;
            lastParams = Map.copyOf(params); // a copy: the session changes its map in place (the live lock)
            lastLocale = locale;
            String trimmed = s == null ? "" : s.python(params, locale).stripTrailing();
            lastLines = trimmed.isEmpty() ? List.of() : List.of(trimmed.split("\n", -1));
        }
        return lastLines;
    }

    /**
     * Line number to the reads held there, one note per thread that has read a shared variable and not yet
     * written it back ("T2 read 0, not yet written"): the race, visible before it happens.
     */
    public static Map<Integer, List<String>> heldNotes(TraceAnalyzer a, RunStory story, I18n i18n) {
        Map<Integer, List<String>> out = new TreeMap<>();
        if (a == null || story == null) {
            return out;
        }
        for (RunStory.HeldRead r : story.held()) {
            int line = a.lineOf(r.thread());
            if (line > 0) {
                out.computeIfAbsent(line, k -> new ArrayList<>()).add(i18n.fmt("held.note",
                        a.trace().thread(r.thread()).name(), String.valueOf(r.value())));
            }
        }
        return out;
    }

    /**
     * Under the line threads stopped on with an uncaught error, as far as the shown moment: who and what ("Thread-2
     * (worker) stopped here: ZeroDivisionError: division by zero"), by program line; threads with the same error on
     * one line in one note, named as the banner names them (three, then how many more).
     */
    public static Map<Integer, List<String>> errorNotes(TraceAnalyzer a, I18n i18n) {
        Map<Integer, List<String>> out = new TreeMap<>();
        if (a == null) {
            return out;
        }
        Map<Integer, Map<String, List<String>>> whoByErrorByLine = new TreeMap<>();
        for (interleave.trace.ThreadError e : interleave.trace.ThreadError.of(a.trace(), a.errors())) {
            if (e.line() > 0) {
                whoByErrorByLine.computeIfAbsent(e.line(), k -> new java.util.LinkedHashMap<>())
                        .computeIfAbsent(e.message(), k -> new ArrayList<>()).add(a.trace().thread(e.thread()).name());
            }
        }
        whoByErrorByLine.forEach((line, whoByError) -> whoByError.forEach((error, who) -> out
                .computeIfAbsent(line, k -> new ArrayList<>()).add(i18n.fmt("error.note", i18n.names(who), error))));
        return out;
    }

    /**
     * A line split for a narrow panel: {indentation, code, comment}. The comment (from a {@code #} outside a
     * string) can then go under the code instead of out of view; a line without one has an empty comment.
     */
    public static String[] split(String line) {
        int indent = 0;
        while (indent < line.length() && line.charAt(indent) == ' ') {
            indent++;
        }
        int hash = interleave.trace.PythonLines.commentStart(line); // one reading of Python comments, shared
        if (hash >= indent) {
            return new String[] {line.substring(0, indent), line.substring(indent, hash).stripTrailing(),
                    line.substring(hash)};
        }
        return new String[] {line.substring(0, indent), line.substring(indent).stripTrailing(), ""};
    }

    /**
     * How wide an indentation is drawn, as a share of its width as written, the same for every line of the program:
     * 1 while the deepest line keeps room for 24 characters of code beside its indentation, else less (down to a
     * half: four spaces still show as two characters, so a block under try: or for: is plainly deeper than its
     * header on a projector; at a quarter it was one character and the structure was lost). Every depth shrinks
     * alike, so a block never looks deeper or shallower than its neighbours, and on a projector's narrow panel deep
     * code keeps more room for a whole name instead of breaking it in the middle.
     *
     * @param room the width a line has, in pixels
     * @param ch   the width of one character of the code's font
     */
    public static double indentScale(List<String> lines, double room, double ch) {
        int deepest = 0;
        for (String line : lines) {
            String[] parts = split(line);
            if (!parts[1].isEmpty() || !parts[2].isEmpty()) {
                deepest = Math.max(deepest, parts[0].length());
            }
        }
        if (deepest == 0 || room <= 0 || room - deepest * ch >= 24 * ch) {
            return 1;
        }
        return Math.max(0.5, Math.min(1, (room - 24 * ch) / (deepest * ch)));
    }

    /**
     * A line of code cut into rows of at most {@code width} columns for a narrow panel: at a space where there
     * is one (the space dropped), else after a dot, an opening bracket, a comma or an underscore
     * ({@code threading.} / {@code current_thread()}), and only else inside a name. Rows after the first start
     * two spaces in, as a continued line does in Python. Code is drawn in a monospaced font, so columns count:
     * one a character, two a Chinese one, four a tab.
     */
    public static List<String> wrapCode(String code, int width) {
        int w = Math.max(4, width);
        List<String> rows = new ArrayList<>();
        String rest = code;
        String lead = "";
        while (lead.length() + columns(rest, rest.length()) > w) {
            int fit = Math.max(1, charsWithin(rest, w - lead.length()));
            int cut = breakAt(rest, fit);
            rows.add(lead + rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
            lead = "  ";
        }
        rows.add(lead + rest);
        return rows;
    }

    /** Columns a monospaced font gives one character: two for East Asian wide ones, four for a tab. */
    private static int columns(char c) {
        if (c == '\t') {
            return 4;
        }
        return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3)
                || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60)
                || (c >= 0xFFE0 && c <= 0xFFE6) ? 2 : 1;
    }

    private static int columns(String s, int chars) {
        int n = 0;
        for (int i = 0; i < chars; i++) {
            n += columns(s.charAt(i));
        }
        return n;
    }

    /** How many of the text's first characters fit in {@code room} columns. */
    private static int charsWithin(String text, int room) {
        int used = 0;
        for (int i = 0; i < text.length(); i++) {
            used += columns(text.charAt(i));
            if (used > room) {
                return i;
            }
        }
        return text.length();
    }

    /** Where to end a row of at most {@code room} characters of {@code text} (longer than that). */
    private static int breakAt(String text, int room) {
        for (int i = room; i > room / 3; i--) {
            if (text.charAt(i) == ' ') {
                return i;
            }
        }
        for (int i = room; i > room / 3; i--) {
            if (".([{,_".indexOf(text.charAt(i - 1)) >= 0) {
                return i;
            }
        }
        return room;
    }

    /** Line number (1-based) to the threads on it; finished and unstarted threads are left out. */
    public Map<Integer, List<Integer>> markers(TraceAnalyzer a) {
        Map<Integer, List<Integer>> out = new TreeMap<>();
        if (a == null) {
            return out;
        }
        for (ThreadInfo t : a.trace().threads()) {
            if (t.external() || t.id() >= a.threadLaneCount()) {
                continue;
            }
            ThreadState s = a.stateOf(t.id());
            int line = a.lineOf(t.id());
            if (line > 0 && s != ThreadState.FINISHED && s != ThreadState.NEW) {
                out.computeIfAbsent(line, k -> new ArrayList<>()).add(t.id());
            }
        }
        return out;
    }

    /**
     * The line the code view keeps in sight: the running thread's (the first, with several cores), else the line
     * of the input() that waits for the user to type, else the first line a thread is on; -1 if none.
     */
    public static int focusLine(TraceAnalyzer a, Map<Integer, List<Integer>> markers) {
        if (a == null || markers.isEmpty()) {
            return -1;
        }
        int running = lineOf(markers, id -> a.stateOf(id) == ThreadState.RUNNING);
        if (running >= 0) {
            return running;
        }
        long asked = a.firstKeyboardRequest();
        int asker = asked < 0 ? -1 : a.trace().thread(asked);
        int asking = asker < 0 ? -1 : lineOf(markers, id -> id == asker);
        return asking >= 0 ? asking : markers.keySet().iterator().next();
    }

    /** The first line with a thread on it that {@code which} picks, or -1. */
    private static int lineOf(Map<Integer, List<Integer>> markers, java.util.function.IntPredicate which) {
        for (Map.Entry<Integer, List<Integer>> e : markers.entrySet()) {
            for (int id : e.getValue()) {
                if (which.test(id)) {
                    return e.getKey();
                }
            }
        }
        return -1;
    }

    /** Where to scroll (a 0-based first row) so a 1-based line is in view with a little context; -1: stay. */
    public static int scrollFor(int line, int firstVisible, int lastVisible) {
        if (line < 1) {
            return -1;
        }
        int row = line - 1;
        if (row > firstVisible && row < lastVisible) {
            return -1; // in view, and not on the half-cut edge rows
        }
        // two rows of context above it, unless the view holds so few (wrapped) rows that it would push it out
        return Math.max(0, row - (lastVisible - firstVisible >= 6 ? 2 : 0));
    }
}
