package interleave.trace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

import interleave.trace.TraceFormatException.Problem;

/**
 * The project's own trace file: JSON Lines, UTF-8. Line 1 is a header object (format, version, how the run
 * was made, the names of threads, objects and strings, the number of events, and optionally an
 * {@code "outcome"}: status, result and errors, see {@link TraceOutcome}); every further line is one event as an
 * array {@code [time, thread, "kind", object, value, line]}. Readers ignore header fields they do not know, so
 * adding the outcome kept the format at version 1 and older files load unchanged. A sim run's file holds no wall-clock data, so the
 * same run writes the same bytes. Files are written to a temporary sibling and moved into place, so a
 * failed write never leaves half a file behind.
 */
public final class TraceFiles {
    public static final String FORMAT = "interleave-trace";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    private TraceFiles() {
    }

    public static void write(Trace trace, Path file) throws IOException {
        write(trace, file, null);
    }

    /** Writes the trace and, if given, how the run ended. */
    public static void write(Trace trace, Path file, TraceOutcome outcome) throws IOException {
        Path tmp = file.toAbsolutePath().resolveSibling(file.getFileName() + ".part");
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8), 1 << 16)) {
            write(trace, w, outcome);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }

    public static void write(Trace trace, Writer w) throws IOException {
        write(trace, w, null);
    }

    /** Writes the events recorded so far (a live run may go on adding more; they are not written). */
    public static void write(Trace trace, Writer w, TraceOutcome outcome) throws IOException {
        long n = trace.size();
        w.write(MAPPER.writeValueAsString(header(trace, n, outcome)));
        w.write('\n');
        JsonGenerator g = FACTORY.createGenerator(w);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.setRootValueSeparator(null);
        for (long i = 0; i < n; i++) {
            g.writeStartArray();
            g.writeNumber(trace.time(i));
            g.writeNumber(trace.thread(i));
            g.writeString(trace.kind(i).id());
            g.writeNumber(trace.object(i));
            g.writeNumber(trace.value(i));
            g.writeNumber(trace.line(i));
            g.writeEndArray();
            g.writeRaw('\n');
        }
        g.flush();
    }

    private static ObjectNode header(Trace trace, long events, TraceOutcome outcome) {
        TraceHeader h = trace.header();
        ObjectNode o = MAPPER.createObjectNode();
        o.put("format", FORMAT);
        o.put("version", TraceHeader.FORMAT_VERSION);
        o.put("scenario", h.scenario());
        o.put("mode", h.mode());
        o.put("cores", h.cores());
        o.put("quantum", h.quantum());
        o.put("policy", h.policy());
        o.put("seed", h.seed());
        o.put("timeUnit", h.timeUnit());
        ObjectNode params = o.putObject("params");
        new TreeMap<>(h.params()).forEach(params::put);
        if (trace.programSource() != null) {
            o.putObject("program").put("file", trace.programFile()).put("source", trace.programSource());
        }
        ArrayNode threads = o.putArray("threads");
        for (ThreadInfo t : trace.threads()) {
            ObjectNode x = threads.addObject();
            x.put("name", t.name());
            x.put("daemon", t.daemon());
            if (t.external()) {
                x.put("external", true);
            }
        }
        ArrayNode objects = o.putArray("objects");
        for (ObjectInfo ob : trace.objects()) {
            ObjectNode x = objects.addObject();
            x.put("name", ob.name());
            x.put("type", ob.type().id());
            x.put("initial", ob.initial());
        }
        ArrayNode strings = o.putArray("strings");
        trace.strings().forEach(strings::add);
        o.put("events", events);
        if (outcome != null) {
            ObjectNode x = o.putObject("outcome");
            x.put("status", outcome.status());
            x.set("result", MAPPER.valueToTree(outcome.result()));
            ArrayNode errors = x.putArray("errors");
            outcome.errors().forEach(errors::add);
        }
        return o;
    }

    /** Whether the file starts as a saved trace does: a JSON header naming this format (a quick look, not a check). */
    public static boolean looksLikeTrace(Path file) {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            String head = new String(in.readNBytes(4096), java.nio.charset.StandardCharsets.UTF_8).strip();
            return head.startsWith("{") && head.contains(FORMAT);
        } catch (IOException e) {
            return false;
        }
    }

    public static Trace read(Path file) throws TraceFormatException {
        return load(file).trace();
    }

    /** Reads a trace file with its recorded outcome. */
    public static LoadedTrace load(Path file) throws TraceFormatException {
        if (!Files.isRegularFile(file)) {
            throw new TraceFormatException(Problem.MISSING, 0, file + ": no such file");
        }
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return load(r, file.toString(), file);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new TraceFormatException(Problem.FOREIGN, 0, file + ": not an Interleave trace (not UTF-8 text)");
        } catch (IOException e) {
            throw new TraceFormatException(Problem.UNREADABLE, 0, file + ": cannot read it (" + e.getMessage() + ")",
                    e);
        }
    }

    private static LoadedTrace load(BufferedReader r, String name, Path source)
            throws IOException, TraceFormatException {
        String first = r.readLine();
        if (first == null) {
            throw new TraceFormatException(Problem.FOREIGN, 1,
                    name + ": the file is empty; expected an Interleave trace");
        }
        Trace trace;
        TraceOutcome outcome;
        long declared;
        int nThreads;
        int nObjects;
        int nStrings;
        try {
            JsonNode h = MAPPER.readTree(first);
            if (h == null || !h.isObject() || !FORMAT.equals(h.path("format").asText())) {
                throw new TraceFormatException(Problem.FOREIGN, 1, name
                        + " line 1: not an Interleave trace (expected \"format\": \"" + FORMAT + "\")");
            }
            int version = h.path("version").asInt(-1);
            if (version != TraceHeader.FORMAT_VERSION) {
                throw new TraceFormatException(Problem.VERSION, 1, name + " line 1: trace format version " + version
                        + " is not supported; this build reads version " + TraceHeader.FORMAT_VERSION);
            }
            declared = h.path("events").asLong(-1);
            outcome = outcome(h.get("outcome"), name);
            Map<String, String> params = new TreeMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = h.path("params").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                params.put(e.getKey(), e.getValue().asText());
            }
            trace = new Trace(new TraceHeader(text(h, "scenario", name), text(h, "mode", name),
                    h.path("cores").asInt(1), h.path("quantum").asInt(1), text(h, "policy", name),
                    h.path("seed").asLong(), params, text(h, "timeUnit", name)));
            if (h.has("program")) {
                trace.recordProgram(h.path("program").path("file").asText(), h.path("program").path("source").asText());
            }
            for (JsonNode t : h.path("threads")) {
                trace.addThread(t.path("name").asText(), t.path("daemon").asBoolean(), t.path("external").asBoolean());
            }
            for (JsonNode o : h.path("objects")) {
                trace.addObject(o.path("name").asText(), parseType(o.path("type").asText(), name),
                        o.path("initial").asInt());
            }
            for (JsonNode s : h.path("strings")) {
                trace.intern(s.asText());
            }
            nThreads = trace.threads().size();
            nObjects = trace.objects().size();
            nStrings = trace.strings().size();
        } catch (IllegalStateException e) {
            throw new TraceFormatException(Problem.DAMAGED, 1, name + " line 1: " + e.getMessage());
        } catch (JsonProcessingException e) {
            throw new TraceFormatException(Problem.FOREIGN, 1, name + " line 1: not an Interleave trace (not JSON: "
                    + e.getOriginalMessage() + ")");
        }
        String line;
        String next = r.readLine();
        long lineNo = 1;
        long lastTime = Long.MIN_VALUE;
        while ((line = next) != null) {
            next = r.readLine();
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            try (JsonParser p = FACTORY.createParser(line)) {
                // token by token, not as a tree: a big file loads several times faster
                long time;
                int thread;
                String kindId;
                int object;
                int value;
                int codeLine;
                if (p.nextToken() != JsonToken.START_ARRAY) {
                    throw bad(name, lineNo, EVENT_SHAPE);
                }
                time = number(p, name, lineNo);
                thread = (int) number(p, name, lineNo);
                if (p.nextToken() != JsonToken.VALUE_STRING) {
                    throw bad(name, lineNo, EVENT_SHAPE);
                }
                kindId = p.getText();
                object = (int) number(p, name, lineNo);
                value = (int) number(p, name, lineNo);
                codeLine = (int) number(p, name, lineNo);
                if (p.nextToken() != JsonToken.END_ARRAY || p.nextToken() != null) {
                    throw bad(name, lineNo, EVENT_SHAPE);
                }
                EventKind kind;
                try {
                    kind = EventKind.fromId(kindId);
                } catch (IllegalArgumentException x) {
                    throw bad(name, lineNo, "unknown event kind '" + kindId + "'");
                }
                if (thread < 0 || thread >= nThreads) {
                    throw bad(name, lineNo, "thread " + thread + " is not declared in the header");
                }
                if (object >= nObjects && kind != EventKind.SWITCH) {
                    throw bad(name, lineNo, "object " + object + " is not declared in the header");
                }
                if (time < lastTime) {
                    throw bad(name, lineNo, "events must be in time order");
                }
                lastTime = time;
                trace.append(time, thread, kind, object, value, codeLine);
            } catch (JsonProcessingException x) {
                if (next == null && declared > trace.size()) {
                    throw new TraceFormatException(Problem.TRUNCATED, lineNo, name + " line " + lineNo
                            + ": the line is cut off; the file is incomplete (the header announces " + declared
                            + " events)");
                }
                throw bad(name, lineNo, "not valid JSON (" + x.getOriginalMessage() + ")");
            }
        }
        if (declared >= 0 && trace.size() < declared) {
            throw new TraceFormatException(Problem.TRUNCATED, lineNo, name + ": the file is incomplete: it holds "
                    + trace.size() + " of the " + declared + " events its header announces");
        }
        if (trace.strings().size() != nStrings) {
            throw new TraceFormatException(Problem.DAMAGED, 0,
                    name + ": the header's strings table was changed while reading");
        }
        return new LoadedTrace(trace, outcome, source);
    }

    private static TraceOutcome outcome(JsonNode o, String name) throws TraceFormatException {
        if (o == null || o.isNull()) {
            return null;
        }
        if (!o.isObject() || !o.path("status").isTextual() || !o.path("result").isObject()) {
            throw new TraceFormatException(Problem.DAMAGED, 1,
                    name + " line 1: the header's \"outcome\" needs a text \"status\" and an object \"result\"");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> result = MAPPER.convertValue(o.get("result"), java.util.LinkedHashMap.class);
        java.util.List<String> errors = new java.util.ArrayList<>();
        for (JsonNode e : o.path("errors")) {
            errors.add(e.asText());
        }
        return new TraceOutcome(o.get("status").asText(), result, errors);
    }

    private static final String EVENT_SHAPE = "expected [time, thread, kind, object, value, line]";

    /** The next token as a whole number, or a "bad line" error. */
    private static long number(JsonParser p, String name, long line) throws IOException, TraceFormatException {
        if (p.nextToken() != JsonToken.VALUE_NUMBER_INT) {
            throw bad(name, line, EVENT_SHAPE);
        }
        return p.getLongValue();
    }

    private static TraceFormatException bad(String name, long line, String what) {
        return new TraceFormatException(Problem.DAMAGED, line, name + " line " + line + ": " + what);
    }

    private static String text(JsonNode h, String field, String name) throws TraceFormatException {
        JsonNode v = h.get(field);
        if (v == null || !v.isTextual()) {
            throw new TraceFormatException(Problem.DAMAGED, 1, name + " line 1: the header needs a text field \"" + field + "\"");
        }
        return v.asText();
    }

    private static ObjectType parseType(String id, String name) throws TraceFormatException {
        try {
            return ObjectType.fromId(id);
        } catch (IllegalArgumentException e) {
            throw new TraceFormatException(Problem.DAMAGED, 1, name + " line 1: unknown object type '" + id + "'");
        }
    }
}
