package interleave.program;

import interleave.engine.SharedInt;
import interleave.scenario.Scenario;
import interleave.scenario.ScenarioContext;
import interleave.scenario.Texts;
import interleave.scenario.Topic;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A teacher's own Python program, run verbatim under the scheduler: the code on screen is the file that runs.
 * It declares no parameters; its result is what it printed and the final value of each shared global.
 */
public final class PythonProgram extends Scenario {
    private static Path runtime;
    private final Path file;
    private final String source;
    private final String python;
    private final List<String> answers;

    private PythonProgram(Path file, String source, String python, List<String> answers) {
        super(file.getFileName().toString(), Topic.YOUR_PROGRAMS, List.of());
        this.file = file;
        this.source = source;
        this.python = python;
        this.answers = List.copyOf(answers);
    }

    /**
     * Loads a program; one clear message (IllegalArgumentException) if the file cannot be read, is not UTF-8,
     * or no Python 3.8+ is found.
     */
    public static PythonProgram load(Path file, String pythonOverride) {
        return load(file, pythonOverride, List.of());
    }

    /** A program whose input() calls get these answers, one each, then EOFError (the CLI's --input). */
    public static PythonProgram load(Path file, String pythonOverride, List<String> answers) {
        if (!Files.isRegularFile(file)) {
            throw new ProgramLoadException("no such Python file: " + file);
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new ProgramLoadException(file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new ProgramLoadException("cannot read " + file + ": " + e.getMessage());
        }
        String python = pythonOverride != null ? pythonOverride : findPython();
        if (python == null) {
            throw new ProgramLoadException("running a Python program needs Python 3.8 or newer: install python3 "
                    + "(e.g. apt install python3) or give its path with --python; the built-in demos work without it");
        }
        checkSyntax(python, file.toAbsolutePath());
        return new PythonProgram(file.toAbsolutePath(), text, python, answers);
    }

    /** The program's file (absolute), for an editor and a reload. */
    public Path file() {
        return file;
    }

    /** The answers its input() calls get, in order. */
    public List<String> answers() {
        return answers;
    }

    /** CPython parses the program first: a syntax error is one line naming where, before any run starts. */
    private static void checkSyntax(String python, Path file) {
        String check = "import ast, sys\n"
                + "try:\n"
                + "    ast.parse(open(sys.argv[1], encoding='utf-8').read(), sys.argv[1])\n"
                + "except SyntaxError as e:\n"
                + "    print('line %s: %s' % (e.lineno, e.msg))\n"
                + "    sys.exit(1)\n";
        try {
            Process p = new ProcessBuilder(python, "-c", check, file.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() != 0) {
                boolean python2 = out.contains("Missing parentheses in call to 'print'");
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("^line (\\d+)").matcher(out);
                throw new ProgramLoadException(file.getFileName() + ": SyntaxError at " + out
                        + (python2 ? " (this is Python 2; Interleave runs Python 3: write print(...))" : ""),
                        m.find() ? Integer.parseInt(m.group(1)) : 0);
            }
        } catch (IOException | InterruptedException e) {
            throw new ProgramLoadException("cannot run " + python + ": " + e.getMessage());
        }
    }

    /** python3 (or python) on the PATH if it is 3.8 or newer, else null. */
    public static String findPython() {
        for (String candidate : List.of("python3", "python")) {
            try {
                Process p = new ProcessBuilder(candidate, "-c",
                        "import sys; print(int(sys.version_info >= (3, 8)))").redirectErrorStream(true).start();
                if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0
                        && new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim().equals("1")) {
                    return candidate;
                }
                p.destroyForcibly();
            } catch (IOException | InterruptedException e) {
                // not this one
            }
        }
        return null;
    }

    private static synchronized Path runtime() throws IOException {
        if (runtime == null) {
            Path dir = Files.createTempDirectory("interleave-python");
            Path rt = dir.resolve("interleave_rt.py");
            try (InputStream in = PythonProgram.class.getResourceAsStream("/interleave/python/interleave_rt.py")) {
                Files.write(rt, in.readAllBytes());
            }
            rt.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            runtime = rt;
        }
        return runtime;
    }

    @Override
    public void main(ScenarioContext ctx) {
        PythonBridge bridge;
        try {
            bridge = new PythonBridge(ctx.threading(), python, runtime(), file, answers);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + python, e);
        }
        ctx.keep("bridge", bridge);
        bridge.runMain();
    }

    @Override
    public Map<String, Object> result(ScenarioContext ctx) {
        PythonBridge bridge = ctx.kept("bridge");
        Map<String, Object> out = new LinkedHashMap<>();
        if (bridge == null) {
            return out;
        }
        for (Map.Entry<String, SharedInt> v : bridge.variables().entrySet()) {
            out.put(v.getKey(), v.getValue().peek());
        }
        List<String> printed = List.copyOf(bridge.output());
        out.put("printed", printed.isEmpty() ? "" : printed.get(printed.size() - 1)); // the last line, as a figure
        out.put("output", printed);
        return out;
    }

    @Override
    public String title(Locale locale) {
        return file.getFileName().toString();
    }

    @Override
    public String summary(Locale locale) {
        return file.toString();
    }

    @Override
    public String description(Locale locale) {
        return Texts.get(locale, "program.description").replace("{0}", file.toString());
    }

    @Override
    protected String source(Map<String, Object> params) {
        return source;
    }
}
