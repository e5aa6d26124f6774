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
    private static Path loadedTexts;
    private final Path file;
    private final Prepared prepared;
    private final String python;
    private final List<String> answers;

    private PythonProgram(Path file, Prepared prepared, String python, List<String> answers) {
        super(file.getFileName().toString(), Topic.YOUR_PROGRAMS, List.of());
        this.file = file;
        this.prepared = prepared;
        this.python = python;
        this.answers = List.copyOf(answers);
    }

    /**
     * Loads a program; one clear message (IllegalArgumentException) if the file cannot be read, is not text in its
     * encoding (UTF-8 unless it declares another, see {@link PythonSource}), or no Python 3.8+ is found.
     */
    public static PythonProgram load(Path file, String pythonOverride) {
        return load(file, pythonOverride, List.of());
    }

    /** A program whose input() calls get these answers, one each, then EOFError (the CLI's --input). */
    public static PythonProgram load(Path file, String pythonOverride, List<String> answers) {
        if (!Files.isRegularFile(file)) {
            throw new ProgramLoadException("no such Python file: " + file);
        }
        PythonSource source;
        try {
            source = PythonSource.read(file); // its own encoding, as CPython reads it, or one clear message
        } catch (PythonSource.NotText e) {
            throw new ProgramLoadException(e.getMessage(), e.line());
        } catch (IOException e) {
            throw new ProgramLoadException("cannot read " + file + ": " + e.getMessage());
        }
        String python = pythonOverride != null ? PythonInterpreters.checked(pythonOverride) : findPython();
        if (pythonOverride != null && python == null) {
            throw new ProgramLoadException(pythonOverride + " is not Python 3.8 or newer: give --python the path of"
                    + " a python3 (or leave it out to use python3 on the PATH)");
        }
        if (python == null) {
            throw new ProgramLoadException("running a Python program needs Python 3.8 or newer: install python3 "
                    + "(e.g. apt install python3) or give its path with --python; the built-in demos work without it");
        }
        return new PythonProgram(file.toAbsolutePath(), prepare(python, file.toAbsolutePath(), source.text()),
                python, answers);
    }

    /** The program's file (absolute), for an editor and a reload. */
    public Path file() {
        return file;
    }

    /** The answers its input() calls get, in order. */
    public List<String> answers() {
        return answers;
    }

    /**
     * CPython reads the program first (interleave_prepare.py): a syntax error is one line naming where, before any
     * run starts; pasted non-breaking spaces and Python 2 are converted, and the converted text is what runs and
     * what the code view shows.
     */
    private static Prepared prepare(String python, Path file, String text) {
        Path copy = null;
        try {
            // the text as read, in UTF-8 (the file may be in another encoding, which it declares)
            copy = Files.createTempFile(loadedTexts(), "load", ".py");
            Files.writeString(copy, text, StandardCharsets.UTF_8);
            // -S: it needs only the standard library, and importing site costs 40 ms of a 90 ms start here
            Process p = new ProcessBuilder(PythonScripts.command(python, List.of("-S", "-X", "utf8"),
                    "interleave_prepare.py", copy.toString())).start();
            // both streams read beside the wait, so that neither a full pipe nor a hung interpreter holds us
            java.util.concurrent.CompletableFuture<byte[]> stdout = readAll(p.getInputStream());
            java.util.concurrent.CompletableFuture<byte[]> stderr = readAll(p.getErrorStream());
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new ProgramLoadException(file.getFileName() + ": " + python
                        + " did not finish reading it within 60 s");
            }
            byte[] out = stdout.join();
            String err = new String(stderr.join(), StandardCharsets.UTF_8).trim();
            if (p.exitValue() != 0) {
                throw new ProgramLoadException(file.getFileName() + ": " + python + " could not read it: "
                        + (err.isEmpty() ? "exit " + p.exitValue() : err.lines().reduce((a, b) -> b).orElse(err)));
            }
            com.fasterxml.jackson.databind.JsonNode answer = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(out);
            LoadCause cause = LoadCause.of(answer);
            if (cause != null) {
                throw ProgramLoadException.of(String.valueOf(file.getFileName()), cause);
            }
            if (answer.has("message")) {
                throw new ProgramLoadException(file.getFileName() + ": " + answer.path("message").asText(),
                        answer.path("line").asInt(0));
            }
            List<String> notes = new java.util.ArrayList<>();
            answer.path("notes").forEach(n -> notes.add(n.asText()));
            List<Integer> changed = new java.util.ArrayList<>();
            answer.path("changed").forEach(n -> changed.add(n.asInt()));
            Map<Integer, String> originals = new java.util.TreeMap<>();
            answer.path("originals").fields().forEachRemaining(e -> {
                if (!e.getValue().asText().isEmpty()) {
                    originals.put(Integer.parseInt(e.getKey()), e.getValue().asText());
                }
            });
            return new Prepared(answer.path("source").asText(), notes, changed, originals);
        } catch (IOException | InterruptedException e) {
            throw new ProgramLoadException("cannot run " + python + ": " + e.getMessage());
        } finally {
            if (copy != null) {
                try {
                    Files.deleteIfExists(copy);
                } catch (IOException e) {
                    copy.toFile().deleteOnExit();
                }
            }
        }
    }

    private static java.util.concurrent.CompletableFuture<byte[]> readAll(InputStream in) {
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try (in) {
                return in.readAllBytes();
            } catch (IOException e) {
                return new byte[0];
            }
        }, task -> { // a thread of its own: the common pool may have one thread, and both streams must flow
            Thread t = new Thread(task, "interleave-prepare-reader");
            t.setDaemon(true);
            t.start();
        });
    }

    /**
     * The program as it runs, what was done to the file's text to get it, the lines a conversion changed, and the
     * Python 2 text each changed line stands for (none for a line only added).
     */
    record Prepared(String source, List<String> notes, List<Integer> changed, Map<Integer, String> originals) {
        Prepared {
            notes = List.copyOf(notes);
            changed = List.copyOf(changed);
            originals = Map.copyOf(originals);
        }
    }

    private static volatile String found;

    /**
     * The lines of the program's output one print (or an input()'s prompt and answer) adds, as a terminal shows
     * them.
     */
    public static List<String> outputLines(String printed) {
        return List.of(printed.split("\n", -1));
    }

    /**
     * python3 (or python) on the PATH if it is 3.8 or newer, else null; as the interpreter's own path when it says
     * one (a pyenv or similar shim costs a shell script at every start: 0.1-0.2 s here, three times a run).
     * Asked once per JVM once found.
     */
    public static String findPython() {
        String known = found;
        if (known != null) {
            return known;
        }
        for (String candidate : List.of("python3", "python")) {
            String exe = PythonInterpreters.checked(candidate);
            if (exe != null) {
                found = exe;
                return found;
            }
        }
        return null;
    }

    /**
     * The text as it was loaded, in a file of its own: the run is always the code on screen, even if the file has
     * been edited since (and a converted program's file itself is never changed).
     */
    private synchronized Path runnableSource() throws IOException {
        if (runnable == null) { // once per load: every run (Reset, a branch) runs the same text
            runnable = Files.createTempFile(loadedTexts(), "program", ".py");
            runnable.toFile().deleteOnExit();
            Files.writeString(runnable, prepared.source(), StandardCharsets.UTF_8);
        }
        return runnable;
    }

    private Path runnable;

    /** The folder of the texts loaded in this process, made on first use. */
    private static synchronized Path loadedTexts() throws IOException {
        if (loadedTexts == null) {
            loadedTexts = Files.createTempDirectory("interleave-programs");
            loadedTexts.toFile().deleteOnExit();
        }
        return loadedTexts;
    }

    @Override
    public void main(ScenarioContext ctx) {
        PythonBridge bridge;
        try {
            bridge = new PythonBridge(ctx.threading(), python, file, runnableSource(), answers,
                    !convertedLines().isEmpty());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + python, e);
        }
        ctx.keep("bridge", bridge);
        bridge.runMain();
    }

    /**
     * Whether a file is to be run as a Python program rather than read as a saved trace: a .py or .pyw file; not a
     * .trace or .jsonl; any other (a tutorial's program saved as .txt) if it is text whose first line of code reads
     * as Python (an import, a def, a class, a print, an assignment, ...), so that prose or a picture is not run.
     */
    public static boolean isProgramFile(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        if (name.endsWith(".py") || name.endsWith(".pyw")) {
            return true;
        }
        if (name.endsWith(".trace") || name.endsWith(".jsonl") || !Files.isRegularFile(file)) {
            return false;
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(1 << 16);
        } catch (IOException e) {
            return false;
        }
        if (PythonSource.holdsNul(head)) {
            return false; // not text
        }
        for (String line : new String(head, StandardCharsets.UTF_8).lines().toList()) {
            String code = line.replace("\uFEFF", "").strip(); // (a byte order mark: Notepad's UTF-8)
            if (!code.isEmpty() && !code.startsWith("#")) {
                return PYTHON_LINE.matcher(code).lookingAt();
            }
        }
        return false;
    }

    /**
     * A first line of code as Python starts one: a statement's keyword, a decorator, a docstring, a call, or an
     * assignment (also to several names, or with an annotation: "a, b = 0, 0", "x: int = 0").
     */
    private static final java.util.regex.Pattern PYTHON_LINE = java.util.regex.Pattern.compile(
            "(import|from|def|class|print|for|while|if|try|with|async|global|raise|assert|del|pass)\\b|@|[\"']"
                    + "|[A-Za-z_][A-Za-z_0-9.]*(\\[[^]]*])?(\\s*,\\s*[A-Za-z_][A-Za-z_0-9.]*)*"
                    + "\\s*(:\\s*[A-Za-z_][^=]*)?([-+*/]?=[^=]|\\()");

    /**
     * The result's entry for the exit status python3 would end the program with, where that is not 0: a name no
     * variable of the program can have (the result also holds the program's shared values by their names).
     */
    public static final String EXIT_STATUS = "exit status";

    /**
     * The line of the first {@code input()} of a program's run that found no answer left (and so got EOFError, as
     * python3 does at the end of its stdin), or 0.
     */
    public static int unansweredInputLine(ScenarioContext ctx) {
        PythonBridge bridge = ctx.kept("bridge");
        return bridge == null ? 0 : bridge.unansweredInputLine();
    }

    @Override
    public Map<String, Object> result(ScenarioContext ctx) {
        return resultOf(ctx);
    }

    /** What the program printed and the final value of each shared variable. */
    static Map<String, Object> resultOf(ScenarioContext ctx) {
        PythonBridge bridge = ctx.kept("bridge");
        Map<String, Object> out = new LinkedHashMap<>();
        if (bridge == null) {
            return out;
        }
        // the headline figures: the shared values the threads wrote; a constant (n = 12) only after the output
        Map<String, SharedInt> variables = bridge.variables().inOrder();
        for (Map.Entry<String, SharedInt> v : variables.entrySet()) {
            if (bridge.variables().written(v.getKey())) {
                out.put(v.getKey(), v.getValue().peek());
            }
        }
        List<String> printed = List.copyOf(bridge.output());
        out.put("lines", printed.size());
        // then what the threads computed (self.res = fib(n)), before the constants the main thread set (n = 12)
        for (Map.Entry<String, SharedInt> v : variables.entrySet()) {
            if (bridge.variables().madeByAThread(v.getKey())) {
                out.putIfAbsent(v.getKey(), v.getValue().peek());
            }
        }
        out.put("printed", printed.isEmpty() ? "" : printed.get(printed.size() - 1)); // the last line
        out.put("output", printed);
        if (!bridge.errorOutput().isEmpty()) {
            out.put("stderr", List.copyOf(bridge.errorOutput()));
        }
        if (bridge.exitStatus() != 0) {
            out.put(EXIT_STATUS, bridge.exitStatus());
        }
        for (Map.Entry<String, SharedInt> v : variables.entrySet()) {
            out.putIfAbsent(v.getKey(), v.getValue().peek());
        }
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
        String note = conversionNote(locale);
        return Texts.get(locale, "program.description").replace("{0}", file.toString())
                + (note.isEmpty() ? "" : "\n\n" + note);
    }

    @Override
    protected String source(Map<String, Object> params) {
        return prepared.source();
    }

    @Override
    public java.util.Optional<Program> program() {
        return java.util.Optional.of(new Program(file.toString(), prepared.source()));
    }

    /** What was done to the file's text so that it runs, in the user's words ("" when it runs as written). */
    public String conversionNote(Locale locale) {
        List<String> said = new java.util.ArrayList<>();
        for (String note : prepared.notes()) {
            if (note.startsWith("nbsp:")) {
                said.add(Texts.get(locale, "program.converted.nbsp").replace("{0}", note.substring(5)));
            } else if (note.equals("dedent")) {
                said.add(Texts.get(locale, "program.converted.dedent"));
            } else if (note.equals("python2") || note.equals("python2:own")) {
                said.add(Texts.get(locale, "program.converted." + note.replace(':', '.'))
                        .replace("{0}", lines(prepared.changed())));
            } else if (note.equals("tabs")) {
                said.add(Texts.get(locale, "program.converted.tabs"));
            }
        }
        return String.join(" ", said);
    }

    /** Whether a Python 2 program was converted by Interleave's own converter (the Python has no lib2to3). */
    public boolean convertedWithoutLib2to3() {
        return prepared.notes().contains("python2:own");
    }

    /** The lines a Python 2 conversion changed (1-based), for the code view to mark. */
    public List<Integer> convertedLines() {
        return prepared.changed();
    }

    /** The Python 2 text a converted line stands for (the code view shows it under the line); empty if none. */
    public java.util.Optional<String> python2Of(int line) {
        return java.util.Optional.ofNullable(prepared.originals().get(line));
    }

    private static String lines(List<Integer> lines) {
        return lines.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "));
    }
}
