package interleave.trace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
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

/**
 * The project's own trace file: JSON Lines, UTF-8. Line 1 is a header object (format, version, how the run
 * was made, and the names of threads, objects and strings); every further line is one event as an array
 * {@code [time, thread, "kind", object, value, line]}. A sim run's file holds no wall-clock data, so the
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
        Path tmp = file.toAbsolutePath().resolveSibling(file.getFileName() + ".part");
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8), 1 << 16)) {
            write(trace, w);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }

    public static void write(Trace trace, Writer w) throws IOException {
        long n = trace.size();
        w.write(MAPPER.writeValueAsString(header(trace)));
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

    private static ObjectNode header(Trace trace) {
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
        o.put("events", trace.size());
        return o;
    }

    public static Trace read(Path file) throws TraceFormatException {
        if (!Files.isRegularFile(file)) {
            throw new TraceFormatException(file + ": no such file");
        }
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, file.toString());
        } catch (IOException e) {
            throw new TraceFormatException(file + ": cannot read it (" + e.getMessage() + ")", e);
        }
    }

    public static Trace read(BufferedReader r, String name) throws IOException, TraceFormatException {
        String first = r.readLine();
        if (first == null) {
            throw new TraceFormatException(name + ": the file is empty; expected an Interleave trace");
        }
        Trace trace;
        int nThreads;
        int nObjects;
        int nStrings;
        try {
            JsonNode h = MAPPER.readTree(first);
            if (!h.isObject() || !FORMAT.equals(h.path("format").asText())) {
                throw new TraceFormatException(name + " line 1: not an Interleave trace (expected \"format\": \""
                        + FORMAT + "\")");
            }
            int version = h.path("version").asInt(-1);
            if (version != TraceHeader.FORMAT_VERSION) {
                throw new TraceFormatException(name + " line 1: trace format version " + version
                        + " is not supported; this build reads version " + TraceHeader.FORMAT_VERSION);
            }
            Map<String, String> params = new TreeMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = h.path("params").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                params.put(e.getKey(), e.getValue().asText());
            }
            trace = new Trace(new TraceHeader(text(h, "scenario", name), text(h, "mode", name),
                    h.path("cores").asInt(1), h.path("quantum").asInt(1), text(h, "policy", name),
                    h.path("seed").asLong(), params, text(h, "timeUnit", name)));
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
        } catch (JsonProcessingException e) {
            throw new TraceFormatException(name + " line 1: not valid JSON (" + e.getOriginalMessage() + ")");
        }
        String line;
        long lineNo = 1;
        long lastTime = Long.MIN_VALUE;
        while ((line = r.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            try (JsonParser p = FACTORY.createParser(line)) {
                JsonNode e = MAPPER.readTree(p);
                if (!e.isArray() || e.size() != 6) {
                    throw bad(name, lineNo, "expected [time, thread, kind, object, value, line]");
                }
                long time = e.get(0).asLong();
                int thread = e.get(1).asInt(-1);
                EventKind kind;
                try {
                    kind = EventKind.fromId(e.get(2).asText());
                } catch (IllegalArgumentException x) {
                    throw bad(name, lineNo, "unknown event kind '" + e.get(2).asText() + "'");
                }
                int object = e.get(3).asInt();
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
                trace.append(time, thread, kind, object, e.get(4).asInt(), e.get(5).asInt());
            } catch (JsonProcessingException x) {
                throw bad(name, lineNo, "not valid JSON (" + x.getOriginalMessage() + ")");
            }
        }
        if (trace.strings().size() != nStrings) {
            throw new TraceFormatException(name + ": the header's strings table was changed while reading");
        }
        return trace;
    }

    private static TraceFormatException bad(String name, long line, String what) {
        return new TraceFormatException(name + " line " + line + ": " + what);
    }

    private static String text(JsonNode h, String field, String name) throws TraceFormatException {
        JsonNode v = h.get(field);
        if (v == null || !v.isTextual()) {
            throw new TraceFormatException(name + " line 1: the header needs a text field \"" + field + "\"");
        }
        return v.asText();
    }

    private static ObjectType parseType(String id, String name) throws TraceFormatException {
        try {
            return ObjectType.fromId(id);
        } catch (IllegalArgumentException e) {
            throw new TraceFormatException(name + " line 1: unknown object type '" + id + "'");
        }
    }
}
