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
    private String lastCode = "";
    private List<String> lastLines = List.of();

    /** The program's lines for these parameters (a variant may be a different program); cheap to call per frame. */
    public List<String> lines(Scenario s, Map<String, Object> params) {
        String code = s == null ? "" : s.python(params);
        if (code != lastCode) { // the texts are cached: the same program is the same string
            lastCode = code;
            String trimmed = code.stripTrailing();
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

    /** A Python line split before its trailing comment: {code, comment} (comment empty if there is none). */
    public static String[] splitComment(String line) {
        int hash = line.indexOf('#');
        if (hash <= 0 || line.substring(0, hash).isBlank()) {
            return new String[] {line, ""};
        }
        int end = hash;
        while (end > 0 && line.charAt(end - 1) == ' ') {
            end--;
        }
        return new String[] {line.substring(0, end), line.substring(hash)};
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
}
