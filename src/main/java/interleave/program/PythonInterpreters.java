package interleave.program;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Which Python runs a program: a candidate (python3, python, a --python path) asked whether it is Python 3.8 or
 * newer and where it is, once per process while its file stays the same.
 */
final class PythonInterpreters {
    private PythonInterpreters() {
    }

    /**
     * {@code candidate}'s own path if it is Python 3.8 or newer ({@code candidate} itself where it names none), else
     * null.
     */
    static String checked(String candidate) {
        Checked known = CHECKED.get(candidate);
        if (known != null && known.modified().equals(modified(known.exe()))) {
            return known.exe(); // checked before in this process and unchanged since (a reload, the bench's loads)
        }
        String exe = firstCheck(candidate);
        if (exe != null) {
            CHECKED.put(candidate, new Checked(exe, modified(exe)));
        }
        return exe;
    }

    /** An interpreter found to be Python 3.8+, and when its file last changed (a bare name: never the same). */
    private record Checked(String exe, String modified) {
    }

    private static final Map<String, Checked> CHECKED = new ConcurrentHashMap<>();

    private static String modified(String exe) {
        try {
            Path file = Path.of(exe);
            return file.isAbsolute() ? Files.getLastModifiedTime(file).toString() + " " + Files.size(file)
                    : "unknown " + System.nanoTime();
        } catch (IOException | InvalidPathException e) {
            return "gone " + System.nanoTime();
        }
    }

    private static String firstCheck(String candidate) {
        try {
            Process p = new ProcessBuilder(candidate, "-c",
                    "import sys; print(int(sys.version_info >= (3, 8))); print(sys.executable or '')")
                    .redirectErrorStream(true).start();
            List<String> said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::trim).toList();
            if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 && !said.isEmpty() && said.get(0).equals("1")) {
                String exe = said.size() > 1 ? said.get(1) : "";
                return !exe.isEmpty() && Files.isExecutable(Path.of(exe)) ? exe : candidate;
            }
            p.destroyForcibly();
        } catch (IOException | InterruptedException | InvalidPathException e) {
            // not a Python that runs
        }
        return null;
    }
}
