package interleave.program;

import java.nio.charset.StandardCharsets;

/** What the python3 the tests run on does that depends on its version. */
public final class PythonVersions {
    private static Boolean namesThreadsAfterTargets;
    private static Boolean hasColumns;
    private static Boolean hasLockTests;

    private PythonVersions() {
    }

    /** CPython 3.10+ names a thread made with a target "Thread-1 (target)"; 3.8 and 3.9 name it "Thread-1". */
    public static synchronized boolean namesThreadsAfterTargets() {
        if (namesThreadsAfterTargets == null) {
            namesThreadsAfterTargets = said("import sys; print(sys.version_info >= (3, 10))");
        }
        return namesThreadsAfterTargets;
    }

    /** CPython 3.11+ knows the column of each call a frame makes (code objects' co_positions). */
    public static synchronized boolean hasColumns() {
        if (hasColumns == null) {
            hasColumns = said("import sys; print(sys.version_info >= (3, 11))");
        }
        return hasColumns;
    }

    /** Whether this python3 has CPython's own tests (Debian packs them apart, as libpython3.X-testsuite). */
    public static synchronized boolean hasCPythonsTests() {
        if (hasLockTests == null) {
            hasLockTests = said("import importlib.util; print(importlib.util.find_spec('test.lock_tests') is not None)");
        }
        return hasLockTests;
    }

    private static boolean said(String check) {
        try {
            Process p = new ProcessBuilder(PythonProgram.findPython(), "-c", check).redirectErrorStream(true).start();
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor();
            return said.equals("True");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** CPython 3.10+ warns of threading's camelCase names (currentThread, setDaemon, ...); 3.8 and 3.9 do not. */
    public static boolean warnsOfThreadingsOldNames() {
        return namesThreadsAfterTargets(); // the same version
    }

    /** A thread's name as CPython of this version gives it: "Thread-1 (target)", or "Thread-1" before 3.10. */
    public static String threadNamed(String name, String target) {
        return namesThreadsAfterTargets() ? name + " (" + target + ")" : name;
    }
}
