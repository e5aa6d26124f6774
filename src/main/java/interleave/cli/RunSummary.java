package interleave.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import interleave.program.PythonProgram;
import interleave.scenario.Scenarios;
import interleave.trace.Deadlock;
import interleave.trace.Trace;
import interleave.trace.TraceAnalyzer;
import interleave.trace.TraceHeader;
import interleave.trace.TraceOutcome;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The summary {@code run --json} prints and {@code inspect --json} prints again from a trace file: everything
 * in it comes from the trace, its header and the recorded outcome, so both commands agree field by field.
 */
final class RunSummary {
    /** How both commands print the summary as JSON. */
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunSummary() {
    }

    /**
     * Makes the JSON writer ready on another thread while the run goes on: Jackson's first use loads some 400
     * classes, a third of a second of a cold command that the run's own time can hide.
     */
    static void prepareJsonMeanwhile() {
        Thread t = new Thread(() -> {
            try {
                JSON.writeValueAsString(Map.of("warm", List.of(1L, "up")));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                // only a warm-up: the real write reports its own errors
            }
        }, "json warm-up");
        t.setDaemon(true);
        t.start();
    }

    /**
     * The summary of an analysed trace; status, result and errors as the run reported them (or as its file
     * recorded them: null for a file older than the recorded outcome).
     */
    static Map<String, Object> of(Trace trace, TraceAnalyzer analysis, TraceOutcome outcome, Deadlock deadlock) {
        TraceHeader h = trace.header();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("scenario", h.scenario());
        r.put("mode", h.mode());
        r.put("seed", h.seed());
        r.put("cores", h.cores());
        r.put("quantum", h.quantum());
        r.put("policy", h.policy());
        r.put("params", new TreeMap<>(h.params()));
        r.put("status", outcome == null ? null : outcome.status());
        r.put("result", outcome == null ? null : outcome.result());
        r.put("lostUpdates", analysis.lostUpdates().size());
        r.put("contextSwitches", analysis.switches().size());
        r.put("events", trace.size());
        r.put("threads", trace.threads().stream().filter(t -> !t.external()).map(t -> t.name()).toList());
        r.put("deadlock", deadlock(trace, deadlock));
        r.put("time", analysis.lastTime());
        r.put("timeUnit", h.virtualTime() ? "virtual microseconds" : "nanoseconds");
        List<String> output = new ArrayList<>();
        for (long seq : analysis.prints()) {
            output.add(trace.thread(trace.thread(seq)).name() + ": " + trace.string(trace.value(seq)));
        }
        r.put("output", output);
        r.put("errors", outcome == null ? List.of() : outcome.errors());
        return r;
    }

    private static Map<String, Object> deadlock(Trace trace, Deadlock d) {
        if (d == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("threads", d.threads().stream().map(t -> trace.thread(t).name()).toList());
        m.put("resources", d.resources().stream().map(o -> o < 0 ? "(join)" : trace.object(o).name()).toList());
        m.put("waitsFor", d.waitsFor().stream().map(t -> t < 0 ? null : trace.thread(t).name()).toList());
        m.put("cycle", d.cycle());
        return m;
    }

    /**
     * What the report adds for the run's program: where its dates come from (the virtual clock starts at the epoch),
     * why its pool has one worker (the run's single virtual core).
     */
    record Notes(boolean datesFromTheEpoch, boolean oneWorker) {
        static Notes of(Trace trace) {
            return new Notes(interleave.program.VirtualClock.datesBeginAtTheEpoch(trace),
                    interleave.program.VirtualCores.poolHasOneWorker(trace));
        }
    }

    /**
     * The summary as a short report for people, and the notes the run's program needs (see {@link Notes}).
     */
    @SuppressWarnings("unchecked")
    static void print(PrintWriter out, Map<String, Object> r, Notes notes) {
        String id = String.valueOf(r.get("scenario"));
        String title = Scenarios.byId(id).map(s -> s.title(Locale.ENGLISH)).orElse(id);
        // os mode: CPython's (or the JVM's) own threads and scheduler; cores, quantum, policy and seed do not apply
        String settings = "os".equals(String.valueOf(r.get("mode"))) ? "os: the system's own scheduler"
                : r.get("mode") + ", cores " + r.get("cores") + ", quantum " + r.get("quantum") + ", " + r.get("policy")
                + ", seed " + r.get("seed");
        out.println(title + "  [" + settings + "]  " + pairs((Map<String, Object>) r.get("params")));
        for (String printed : (List<String>) r.get("output")) { // "T1: text", a print of one or more lines
            int colon = printed.indexOf(": ");
            String who = colon < 0 ? "" : printed.substring(0, colon + 2);
            for (String line : printed.substring(who.length()).split("\n", -1)) {
                out.println("  " + who + line); // each line with its thread, as the window's log shows it
            }
        }
        if (r.get("result") instanceof Map<?, ?> result && result.get("stderr") instanceof List<?> stderr) {
            for (Object line : stderr) { // what a Python program wrote there, tracebacks too, as python3 shows it
                out.println("  stderr: " + line);
            }
        }
        for (String e : (List<String>) r.get("errors")) {
            out.println("  error in " + e);
        }
        out.println("result:           " + (r.get("result") == null ? "(not recorded)"
                : pairs((Map<String, Object>) r.get("result"))));
        Object status = r.get("status");
        boolean stuck = r.get("deadlock") instanceof Map<?, ?> d && Boolean.FALSE.equals(d.get("cycle"));
        if ("deadlock".equals(status) && stuck) {
            status = "stuck (every thread waits, but not for each other: no cycle)"; // JSON keeps "deadlock"
        }
        out.println("status:           " + (status == null ? "(not recorded)" : status));
        if (r.get("result") instanceof Map<?, ?> result && result.get(PythonProgram.EXIT_STATUS) != null) {
            out.println("exit status:      " + result.get(PythonProgram.EXIT_STATUS) + " (python3's for this run)");
        }
        if (r.get("deadlock") != null) {
            out.println((stuck ? "stuck:            " : "deadlock:         ")
                    + waits((Map<String, Object>) r.get("deadlock")));
        }
        out.println("lost updates:     " + r.get("lostUpdates"));
        // os mode: the system and CPython switch threads unseen, so the engine counts none (as the window's "–")
        out.println("context switches: " + ("os".equals(String.valueOf(r.get("mode")))
                ? "– (the system's own, not seen in os mode)" : r.get("contextSwitches")));
        out.println("events:           " + r.get("events"));
        out.println("time:             " + r.get("time") + " " + r.get("timeUnit"));
        if (notes.oneWorker()) {
            out.println("cores:            1 (virtual): os.cpu_count() is 1, so Pool() starts one worker and its tasks"
                    + " run one after another; --cores 4 runs four at once");
        }
        if (notes.datesFromTheEpoch()) {
            out.println("clock:            virtual, from 0 s: the program's dates begin on 1 January 1970 (the epoch),"
                    + " the same in every run; --mode os reads the real clock");
        }
        if (r.containsKey("elapsedMillis")) {
            out.println("elapsed:          " + r.get("elapsedMillis") + " ms");
        }
    }

    /** "balance = 84, expected = 0": the scalar entries (a list, such as the output, is printed above). */
    private static String pairs(Map<String, Object> values) {
        if (values == null || values.isEmpty()) {
            return "";
        }
        return values.entrySet().stream().filter(e -> !(e.getValue() instanceof List) && !"printed".equals(e.getKey())
                        && !PythonProgram.EXIT_STATUS.equals(e.getKey()))
                .map(e -> e.getKey() + " = " + e.getValue()).collect(java.util.stream.Collectors.joining(", "));
    }

    /** "T1 waits for lockB, held by T2; ..." for a cycle; for a stall, what each waits for and that nobody ends it. */
    @SuppressWarnings("unchecked")
    private static String waits(Map<String, Object> d) {
        List<String> threads = (List<String>) d.get("threads");
        List<String> resources = (List<String>) d.get("resources");
        List<String> waitsFor = (List<String>) d.get("waitsFor");
        boolean cycle = Boolean.TRUE.equals(d.get("cycle"));
        List<String> links = new java.util.ArrayList<>();
        // three or more threads waiting for the same thing are named once, as the window's banner does
        Map<String, List<String>> byResource = new java.util.LinkedHashMap<>();
        for (int i = 0; i < threads.size(); i++) {
            String res = resources.get(i);
            String other = waitsFor.get(i);
            if (res.equals("(join)")) {
                links.add(threads.get(i) + " waits for " + (other == null ? "a thread" : other) + " to finish");
            } else if (cycle) {
                links.add(threads.get(i) + " waits for " + res + (other != null ? ", held by " + other : ""));
            } else {
                byResource.computeIfAbsent(res, r -> new java.util.ArrayList<>()).add(threads.get(i));
            }
        }
        byResource.forEach((res, waiting) -> {
            if (waiting.size() >= 3) {
                links.add(waiting.get(0) + " ... " + waiting.get(waiting.size() - 1) + " (" + waiting.size()
                        + " threads) wait for " + res);
            } else {
                waiting.forEach(w -> links.add(w + " waits for " + res));
            }
        });
        return String.join("; ", links) + (cycle ? " (a cycle: none can go on)"
                : " (no cycle: every thread waits for something no running thread will release or set)");
    }
}
