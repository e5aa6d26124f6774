package interleave.app.code;

import interleave.scenario.Scenario;
import interleave.trace.ThreadInfo;
import interleave.trace.ThreadState;
import interleave.trace.TraceAnalyzer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The scenario's Python equivalent, and which live thread is on which line of it. */
public final class CodeViewModel {
    public List<String> lines(Scenario s) {
        if (s == null) {
            return List.of();
        }
        String code = s.python().stripTrailing();
        return code.isEmpty() ? List.of() : List.of(code.split("\n", -1));
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
