package interleave.scenario;

import interleave.engine.RunSettings;
import interleave.trace.Trace;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Demos name the lines of their Python programs by tags; every tag a run uses lands on a line of code. */
class AnchorsTest {

    @Test
    void tagsAreReadAndTakenOutOfTheShownProgram() {
        Anchors a = Anchors.of("x = 1  # @init the start\nprint(x)  # @out\ns = '# @not'  # @str");
        assertEquals(1, a.line("init"));
        assertEquals(2, a.line("out"));
        assertEquals(3, a.line("str"));
        assertEquals("x = 1  # the start\nprint(x)\ns = '# @not'", a.shown());
        assertThrows(IllegalArgumentException.class, () -> a.line("missing"));
        assertThrows(IllegalArgumentException.class, () -> Anchors.of("a  # @x\nb  # @x"));
    }

    @Test
    void constantsTaggedWithAParameterShowTheRunsValue() throws Exception {
        Scenario balance = Scenarios.byId("balance").orElseThrow();
        String shown = balance.python(Params.resolve(balance, Map.of("iterations", "200", "lock", "on")));
        assertTrue(shown.contains("\nITERATIONS = 200  "), shown);
        assertTrue(shown.contains("\nUSE_LOCK = True  "), shown);
        assertFalse(shown.contains("@"), "no tag is left on screen");
        assertEquals("ITERATIONS = 100000              # the \"iterations\" parameter",
                balance.python().lines().filter(l -> l.startsWith("ITERATIONS")).findFirst().orElseThrow(),
                "without values, the program as written");
        assertEquals("'x\\'y'", Anchors.pythonLiteral("x'y"));
    }

    /** Each demo with its defaults, and once per other value of each choice and yes/no parameter. */
    static Stream<Object[]> variants() {
        List<Object[]> out = new ArrayList<>();
        for (Scenario s : Scenarios.all()) {
            out.add(new Object[] {s.id(), Map.<String, String>of()});
            for (ParamSpec p : s.params()) {
                if (p instanceof ParamSpec.ChoiceParam c) {
                    for (String v : c.choices()) {
                        if (!v.equals(c.defaultValue())) {
                            out.add(new Object[] {s.id(), Map.of(p.name(), v)});
                        }
                    }
                } else if (p instanceof ParamSpec.BoolParam b) {
                    out.add(new Object[] {s.id(), Map.of(p.name(), b.defaultValue() ? "off" : "on")});
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("variants")
    void everyLineARunReachesIsALineOfCode(String id, Map<String, String> variant) throws Exception {
        Scenario scenario = Scenarios.byId(id).orElseThrow();
        Map<String, String> raw = new HashMap<>(variant);
        for (String size : new String[] {"iterations", "items", "n", "work", "increments"}) {
            if (scenario.param(size) instanceof ParamSpec.IntParam ip && ip.defaultValue() > 50) {
                raw.put(size, "50");
            }
        }
        Map<String, Object> params = Params.resolve(scenario, raw);
        ScenarioRun run = ScenarioRun.runToEnd(scenario, params, scenario.defaultSettings());
        for (String e : run.kernel().errors()) {
            assertFalse(e.contains("is tagged"), id + ": " + e);
        }
        String[] lines = scenario.python(params).split("\n", -1);
        Trace t = run.trace();
        int seen = 0;
        for (long i = 0; i < t.size(); i++) {
            int line = t.line(i);
            if (line == 0) {
                continue;
            }
            seen++;
            assertTrue(line <= lines.length, id + ": line " + line + " is past the end");
            String code = lines[line - 1].strip();
            assertFalse(code.isEmpty() || code.startsWith("#"),
                    id + " " + variant + ": line " + line + " is not code: '" + code + "'");
        }
        assertTrue(seen > 0, id + ": the run marked no line at all");
    }

    @Test
    void everyShippedProgramIsValidPython() throws Exception {
        String python = findPython();
        Assumptions.assumeTrue(python != null,
                "SKIPPED: python3 is not on the PATH, so the shipped programs cannot be parsed (.ci/run installs it)");
        Path dir = Files.createTempDirectory("interleave-py");
        List<String> names = new ArrayList<>();
        for (Scenario s : Scenarios.all()) {
            for (String variant : List.of("", "philosophers", "balance")) {
                String name = s.id() + (variant.isEmpty() ? "" : "-" + variant);
                try (InputStream in = Texts.class.getResourceAsStream("python/" + name + ".py")) {
                    if (in != null) {
                        Files.write(dir.resolve(name + ".py"), in.readAllBytes());
                        names.add(name + ".py");
                    }
                }
            }
        }
        assertTrue(names.size() >= 18, "found " + names);
        List<String> cmd = new ArrayList<>(List.of(python, "-c",
                "import ast, sys\nfor f in sys.argv[1:]:\n    ast.parse(open(f, encoding='utf-8').read(), f)"));
        names.forEach(n -> cmd.add(dir.resolve(n).toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
    }

    static String findPython() {
        for (String candidate : List.of("python3", "python")) {
            try {
                Process p = new ProcessBuilder(candidate, "--version").redirectErrorStream(true).start();
                if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return candidate;
                }
            } catch (IOException e) {
                // not this one
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }
}
