package interleave.program;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Python 2 programs on a Python without lib2to3 (3.13 removed it): Interleave's own converter (interleave_py2.py)
 * must write what lib2to3 writes for the tutorials, and the programs it converts must print what Python 2 printed.
 * The expected outputs beside the programs ({@code *.out}) were recorded from CPython 2.7.18.
 */
class Python2ConversionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INPUT = "Ada\n21\n";

    @BeforeAll
    static void needsPython() {
        Assumptions.assumeTrue(PythonProgram.findPython() != null,
                "SKIPPED: no python3 (3.8+) on the PATH, so no conversion can be tried (.ci/run installs it)");
    }

    private static Path resource(String path) throws Exception {
        return Path.of(Python2ConversionTest.class.getResource(path).toURI());
    }

    /** interleave_prepare.py's answer for the file, with lib2to3 where this python3 has it or with our own. */
    private static JsonNode prepare(Path file, boolean own) throws Exception {
        List<String> command = new ArrayList<>(List.of(PythonProgram.findPython(), "-X", "utf8",
                resource("/interleave/python/interleave_prepare.py").toString()));
        if (own) {
            command.add("--own-converter");
        }
        command.add(file.toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return JSON.readTree(out);
    }

    private static Boolean hasLib2to3;

    private static synchronized boolean hasLib2to3() throws Exception {
        if (hasLib2to3 != null) {
            return hasLib2to3;
        }
        Process p = new ProcessBuilder(PythonProgram.findPython(), "-W", "ignore", "-c", "import lib2to3.refactor")
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        hasLib2to3 = p.waitFor() == 0;
        return hasLib2to3;
    }

    /** What CPython prints running the text, with INPUT on its stdin. */
    private static String runCPython(String source) throws Exception {
        Path file = Files.createTempFile("converted", ".py");
        try {
            Files.writeString(file, source, StandardCharsets.UTF_8);
            Process p = new ProcessBuilder(PythonProgram.findPython(), "-X", "utf8", file.toString())
                    .redirectErrorStream(true).start();
            p.getOutputStream().write(INPUT.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            return out;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Python 2's `print x,` leaves a space that its next print takes back at a line's end; Python 3's cannot. */
    private static String withoutTrailingSpaces(String text) {
        return text.lines().map(String::stripTrailing).reduce("", (a, b) -> a + b + "\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"event_gate.py", "greenlet_switch.py", "manager_dict.py", "mythread_fib_fac_sum.py",
            "pool_callback.py", "pool_tasks.py", "rlock_counter.py", "shared_array.py"})
    void theTutorialsConvertAsLib2to3ConvertsThem(String tutorial) throws Exception {
        Assumptions.assumeTrue(hasLib2to3(), "SKIPPED: this python3 has no lib2to3 to compare with (3.13+)");
        Path file = resource("/interleave/tutorials/" + tutorial);
        JsonNode lib2to3 = prepare(file, false);
        JsonNode own = prepare(file, true);
        assertTrue(lib2to3.path("notes").toString().contains("\"python2\""), lib2to3.toString());
        assertTrue(own.path("notes").toString().contains("\"python2:own\""), own.toString());
        assertEquals(lib2to3.path("source").asText(), own.path("source").asText());
        assertEquals(lib2to3.path("changed"), own.path("changed"), "the same lines are marked as converted");
    }

    @ParameterizedTest
    @ValueSource(strings = {"statements", "builtins", "threads_queue", "tabs", "idioms", "edges", "mixed"})
    void aConvertedProgramPrintsWhatPython2Printed(String name) throws Exception {
        Path file = resource("/interleave/python2/" + name + ".py");
        JsonNode own = prepare(file, true);
        assertTrue(own.has("source"), own.toString());
        assertEquals(Files.readString(file).lines().count(), own.path("source").asText().lines().count(),
                "no line added or removed: line N of the program is line N of the file");
        String ours = runCPython(own.path("source").asText());
        String python2 = Files.readString(resource("/interleave/python2/" + name + ".out"), StandardCharsets.UTF_8);
        assertEquals(withoutTrailingSpaces(python2), withoutTrailingSpaces(ours));
        if (hasLib2to3()) {
            String lib2to3 = runCPython(prepare(file, false).path("source").asText());
            // (where lib2to3 is wrong, ours may be right: `import thread` and a variable named thread)
            if (withoutTrailingSpaces(lib2to3).equals(withoutTrailingSpaces(python2))) {
                assertEquals(lib2to3, ours, "lib2to3's conversion prints the same, byte for byte");
            }
        }
    }

    @Test
    void indentationThatMixesTabsAndSpacesIsReadAsPython2ReadIt() throws Exception {
        JsonNode own = prepare(resource("/interleave/python2/tabs.py"), true);
        assertEquals("[\"tabs\",\"python2:own\"]", own.path("notes").toString());
        PythonProgram p = PythonProgram.load(resource("/interleave/python2/tabs.py"), null);
        assertTrue(p.conversionNote(java.util.Locale.ENGLISH).contains("tabs and spaces"),
                p.conversionNote(java.util.Locale.ENGLISH));
    }

    /** interleave_prepare.py's answer, with our own converter, for a file holding {@code source}. */
    private static JsonNode prepareText(String source) throws Exception {
        Path file = Files.createTempFile("program", ".py");
        try {
            Files.writeString(file, source);
            return prepare(file, true);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Each converted line comes with the Python 2 it was, for the code view to show under it. */
    @Test
    void aConvertedLineCarriesItsPython2Text() throws Exception {
        JsonNode answer = prepareText("import threading\nprint 'start'\nn = 7 / 2\nprint 'n is', n\n");
        assertEquals("print 'start'", answer.path("originals").path("2").asText(), answer.toString());
        assertEquals("print 'n is', n", answer.path("originals").path("4").asText(), answer.toString());
        assertTrue(answer.path("originals").path("1").isMissingNode(), "an unchanged line has none: " + answer);
        // lines are counted at "\n" only, as CPython counts them (a form feed is no line end there)
        JsonNode formFeed = prepareText("import threading\n\f\nx = 1\nprint 'a'\n");
        assertEquals("[4]", formFeed.path("changed").toString(), formFeed.toString());
        assertEquals("print 'a'", formFeed.path("originals").path("4").asText(), formFeed.toString());
        Path file = Files.createTempFile("program", ".py");
        try {
            Files.writeString(file, "print 'start'\n");
            PythonProgram p = PythonProgram.load(file, null);
            assertEquals(java.util.Optional.of("print 'start'"), p.python2Of(p.convertedLines().get(0)));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void aPython3ProgramWithATabErrorIsRefusedAsCPythonRefusesIt() throws Exception {
        JsonNode answer = prepareText("def f():\n\tx = 1\n        print(x)\nf()\n");
        assertEquals(3, answer.path("line").asInt(), answer.toString());
        assertEquals(new LoadCause.Syntax(3, "inconsistent use of tabs and spaces in indentation"),
                LoadCause.of(answer), answer.toString());
    }

    @Test
    void aFileWithAByteOrderMarkRunsAsCPythonRunsIt() throws Exception {
        JsonNode answer = prepareText("\ufeffprint('saved by Notepad')\n");
        assertEquals("print('saved by Notepad')\n", answer.path("source").asText(), answer.toString());
    }

    /**
     * A Python 2 program with a mistake of its own (a colon missing two lines below a print statement): lib2to3
     * gives up on the whole file, and the message names the mistake's line in CPython's words, not the print.
     */
    @Test
    void aMistakeInAPython2ProgramIsNamedAtItsOwnLine() throws Exception {
        Assumptions.assumeTrue(hasLib2to3(), "SKIPPED: this python3 has no lib2to3 to give up on the file (3.13+)");
        Path file = Files.createTempFile("program", ".py");
        try {
            Files.writeString(file, "count = 0\nprint \"count is\", count\nif count > 0\n    print \"done\"\n");
            JsonNode answer = prepare(file, false);
            assertEquals(3, answer.path("line").asInt(), answer.toString());
            assertTrue(LoadCause.of(answer) instanceof LoadCause.Syntax, answer.toString());
            Files.writeString(file, "count = 0\nprint \"count is\", count\nif count > 0:\n    print \"done\"\n");
            assertEquals(null, LoadCause.of(prepare(file, false)), "mended, it converts");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void aConstructTheConverterDoesNotKnowIsNamedAtItsLine() throws Exception {
        // (tuple parameters convert, with the unpacking put on the body's first line: not before an if)
        JsonNode answer = prepareText("x = 1\ndef f((a, b)):\n    if a:\n        print b\nf((1, 2))\n");
        assertEquals(2, answer.path("line").asInt(), answer.toString());
        assertTrue(answer.path("message").asText().startsWith("line 2 is Python 2 that Interleave cannot convert"),
                answer.toString());
    }
}
