package interleave.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InspectCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    private static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    /** run --json and inspect --json of the file that run saved: every field the same (elapsed time aside). */
    @Test
    void inspectPrintsTheSameSummaryAsRunFieldByField() throws Exception {
        List<List<String>> runs = List.of(
                List.of("balance", "-p", "lock=off", "-p", "iterations=300", "--seed", "1"),
                List.of("balance", "-p", "lock=off", "-p", "iterations=300", "--seed", "7"),
                List.of("balance", "-p", "lock=on", "-p", "iterations=300"),
                List.of("deadlock"),
                List.of("coroutines"),
                List.of("thread-local"));
        int n = 0;
        for (List<String> args : runs) {
            Path file = dir.resolve("run" + n++ + ".trace");
            List<String> full = new java.util.ArrayList<>(List.of("run"));
            full.addAll(args);
            full.addAll(List.of("--json", "--trace", file.toString()));
            Result run = cli(full.toArray(String[]::new));
            assertTrue(run.code() == 0 || run.code() == 3, args + ": " + run.err());
            Result inspect = cli("inspect", file.toString(), "--json");
            assertEquals(0, inspect.code(), inspect.err());
            JsonNode a = JSON.readTree(run.out());
            JsonNode b = JSON.readTree(inspect.out());
            assertTrue(a.get("result").isObject() && a.get("result").size() > 0, args.toString());
            Iterator<String> names = a.fieldNames();
            while (names.hasNext()) {
                String f = names.next();
                if (!f.equals("elapsedMillis")) {
                    assertEquals(a.get(f), b.get(f), args + ": field " + f);
                }
            }
            assertFalse(b.has("elapsedMillis"), "a trace file holds no wall-clock time");
        }
    }

    @Test
    void inspectReportsForPeopleToo() throws Exception {
        Path file = dir.resolve("b.trace");
        assertEquals(0, cli("run", "balance", "-p", "iterations=200", "--trace", file.toString()).code());
        Result r = cli("inspect", file.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("lost updates:") && r.out().contains("Bank balance race"), r.out());
    }

    private static void oneCleanLine(Result r, String mustContain) {
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(mustContain), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), "no stack trace: " + r.err());
        assertEquals("", r.out());
    }

    @Test
    void aBadDamagedOrForeignFileExitsTwoWithOneClearLine() throws Exception {
        Path good = dir.resolve("good.trace");
        assertEquals(0, cli("run", "balance", "-p", "iterations=200", "--trace", good.toString()).code());
        String text = Files.readString(good);

        oneCleanLine(cli("inspect", dir.resolve("missing.trace").toString(), "--json"), "no such file");
        oneCleanLine(cli("inspect", dir.toString(), "--json"), "no such file");
        Path notJson = Files.writeString(dir.resolve("notes.txt"), "Dear students,\nthreads are fun.\n");
        oneCleanLine(cli("inspect", notJson.toString(), "--json"), "not an Interleave trace");
        Path foreign = Files.writeString(dir.resolve("other.json"), "{\"traceEvents\": []}\n");
        oneCleanLine(cli("inspect", foreign.toString(), "--json"), "not an Interleave trace");
        Path binary = Files.write(dir.resolve("img.trace"), new byte[] {(byte) 0x89, 'P', 'N', 'G', (byte) 0xff, 0, 1});
        oneCleanLine(cli("inspect", binary.toString(), "--json"), "not an Interleave trace");
        Path wrongHeader = Files.writeString(dir.resolve("v9.trace"),
                text.replaceFirst("\"version\":1", "\"version\":9"));
        oneCleanLine(cli("inspect", wrongHeader.toString(), "--json"), "version 9 is not supported");
        Path badLine = Files.writeString(dir.resolve("bad.trace"), text.replaceFirst("\n\\[", "\n[\"x\","));
        oneCleanLine(cli("inspect", badLine.toString(), "--json"), "line 2:");
        // cut in the middle of an event line, as an interrupted copy leaves it
        Path cut = Files.writeString(dir.resolve("cut.trace"), text.substring(0, text.length() * 2 / 3));
        oneCleanLine(cli("inspect", cut.toString(), "--json"), "incomplete");
        // cut at a line end: the header's event count gives it away
        String whole = text.substring(0, text.lastIndexOf('\n', text.length() / 2) + 1);
        Path cutAtLine = Files.writeString(dir.resolve("cut2.trace"), whole, StandardCharsets.UTF_8);
        oneCleanLine(cli("inspect", cutAtLine.toString(), "--json"), "incomplete");
    }
}
