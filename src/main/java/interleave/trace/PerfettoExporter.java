package interleave.trace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * Chrome Trace Event Format JSON, which the Perfetto UI (and chrome://tracing) opens: a track per thread with
 * its state slices, a track per lock-like object with who held it, context switches and lost updates as
 * instants, and flow arrows from the thread that released, set or notified something to the thread it woke.
 * Sim-mode ticks are virtual microseconds, so they map onto the format's microsecond timestamps directly.
 */
public final class PerfettoExporter {
    private static final int THREADS_PID = 1;
    private static final int OBJECTS_PID = 2;

    private PerfettoExporter() {
    }

    public static void write(Trace trace, Path file) throws IOException {
        TraceAnalyzer a = new TraceAnalyzer(trace);
        a.update();
        write(a, file);
    }

    /** With the analysis the caller has already (a second one would need room the event budget does not count). */
    public static void write(TraceAnalyzer analysis, Path file) throws IOException {
        Path tmp = file.toAbsolutePath().resolveSibling(file.getFileName() + ".part");
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8), 1 << 16)) {
            write(analysis, w);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }

    public static void write(TraceAnalyzer a, Writer w) throws IOException {
        Trace trace = a.trace();
        double scale = trace.header().virtualTime() ? 1.0 : 0.001;
        long end = a.lastTime();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeStringField("displayTimeUnit", "ns");
            g.writeObjectFieldStart("otherData");
            g.writeStringField("scenario", trace.header().scenario());
            g.writeStringField("mode", trace.header().mode());
            g.writeNumberField("seed", trace.header().seed());
            g.writeEndObject();
            g.writeArrayFieldStart("traceEvents");
            meta(g, "process_name", THREADS_PID, 0, "Threads");
            meta(g, "process_name", OBJECTS_PID, 0, "Shared objects");
            for (ThreadInfo t : trace.threads()) {
                meta(g, "thread_name", THREADS_PID, t.id() + 1, t.name() + (t.daemon() ? " (daemon)" : ""));
            }
            for (ObjectInfo o : trace.objects()) {
                meta(g, "thread_name", OBJECTS_PID, o.id() + 1, o.type().id() + " " + o.name());
            }
            for (int t = 0; t < a.threadLaneCount(); t++) {
                Lane lane = a.threadLane(t);
                for (int i = 0; i < lane.size(); i++) {
                    ThreadState s = ThreadState.of(lane.a(i));
                    if (s == ThreadState.NEW || s == ThreadState.FINISHED) {
                        continue;
                    }
                    long to = i + 1 < lane.size() ? lane.time(i + 1) : end;
                    slice(g, stateName(trace, s, lane.b(i)), "state", THREADS_PID, t + 1, lane.time(i), to, scale);
                }
            }
            for (int o = 0; o < a.objectLaneCount(); o++) {
                if (!trace.object(o).type().holdable()) {
                    continue;
                }
                Lane lane = a.objectLane(o);
                for (int i = 0; i < lane.size(); i++) {
                    int holder = lane.a(i);
                    if (holder < 0) {
                        continue;
                    }
                    long to = i + 1 < lane.size() ? lane.time(i + 1) : end;
                    slice(g, "held by " + trace.thread(holder).name(), "holder", OBJECTS_PID, o + 1, lane.time(i), to,
                            scale);
                }
            }
            for (ContextSwitch s : a.switches()) {
                instant(g, "switch in: " + s.reason().id()
                        + (s.from() >= 0 ? " (from " + trace.thread(s.from()).name() + ")" : ""),
                        "switch", s.to() + 1, s.time(), scale);
            }
            for (LostUpdate u : a.lostUpdates()) {
                instant(g, "lost update: " + trace.thread(u.victim()).name() + "'s write of " + u.lostValue()
                        + " to " + trace.object(u.variable()).name() + " overwritten", "lost-update",
                        u.thread() + 1, u.time(), scale);
            }
            flows(trace, g, scale);
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static String stateName(Trace trace, ThreadState s, int object) {
        if (object >= 0) {
            return s.id() + " on " + trace.object(object).name();
        }
        if (object <= TraceAnalyzer.JOIN_BASE) {
            return s.id() + " joining " + trace.thread(TraceAnalyzer.JOIN_BASE - object).name();
        }
        return s.id();
    }

    /** Arrows from the releaser of an object to the next thread that got it after waiting. */
    private static void flows(Trace trace, JsonGenerator g, double scale) throws IOException {
        int[] lastReleaser = new int[trace.objects().size()];
        long[] releaseTime = new long[lastReleaser.length];
        Arrays.fill(lastReleaser, -1);
        int[] waitingOn = new int[trace.threads().size()];
        Arrays.fill(waitingOn, -1);
        long id = 1;
        for (long i = 0; i < trace.size(); i++) {
            Happening h = Happening.decode(trace, i);
            int t = trace.thread(i);
            int o = h.object();
            if (h instanceof Happening.Released || h instanceof Happening.EventSet
                    || h instanceof Happening.Notified || h instanceof Happening.Typed) {
                lastReleaser[o] = t;
                releaseTime[o] = trace.time(i);
            } else if (h instanceof Happening.Blocked || h instanceof Happening.ConditionWaited
                    || h instanceof Happening.InputAsked) {
                waitingOn[t] = o;
            } else if (h instanceof Happening.EventWaited e) {
                waitingOn[t] = e.alreadySet() ? -1 : o;
            } else if (h instanceof Happening.Acquired || h instanceof Happening.WaitEnded
                    || h instanceof Happening.InputRead) {
                if (waitingOn[t] == o && o >= 0 && lastReleaser[o] >= 0 && lastReleaser[o] != t) {
                    flow(g, "s", id, lastReleaser[o], releaseTime[o], scale);
                    flow(g, "f", id, t, trace.time(i), scale);
                    id++;
                }
                if (waitingOn[t] == o) {
                    waitingOn[t] = -1;
                }
            }
        }
    }

    private static void meta(JsonGenerator g, String what, int pid, int tid, String name) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", what);
        g.writeStringField("ph", "M");
        g.writeNumberField("pid", pid);
        g.writeNumberField("tid", tid);
        g.writeObjectFieldStart("args");
        g.writeStringField("name", name);
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void slice(JsonGenerator g, String name, String cat, int pid, int tid, long from, long to,
                              double scale) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", name);
        g.writeStringField("cat", cat);
        g.writeStringField("ph", "X");
        g.writeNumberField("ts", from * scale);
        g.writeNumberField("dur", Math.max(0, to - from) * scale);
        g.writeNumberField("pid", pid);
        g.writeNumberField("tid", tid);
        g.writeEndObject();
    }

    private static void instant(JsonGenerator g, String name, String cat, int tid, long time, double scale)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("name", name);
        g.writeStringField("cat", cat);
        g.writeStringField("ph", "i");
        g.writeStringField("s", "t");
        g.writeNumberField("ts", time * scale);
        g.writeNumberField("pid", THREADS_PID);
        g.writeNumberField("tid", tid);
        g.writeEndObject();
    }

    private static void flow(JsonGenerator g, String ph, long id, int thread, long time, double scale)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("name", "wakes");
        g.writeStringField("cat", "wake");
        g.writeStringField("ph", ph);
        if (ph.equals("f")) {
            g.writeStringField("bp", "e");
        }
        g.writeNumberField("id", id);
        g.writeNumberField("ts", time * scale);
        g.writeNumberField("pid", THREADS_PID);
        g.writeNumberField("tid", thread + 1);
        g.writeEndObject();
    }
}
