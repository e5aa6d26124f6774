package interleave.program;

import interleave.engine.RunSettings;
import interleave.scenario.ScenarioRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Interleave's Python scripts are unpacked once into a cache folder named after them, where CPython keeps their
 * compiled code (a run no longer compiles the runtime at every start); a damaged script is written again; with no
 * cache they run from a folder of the process's own; either way a program runs, and its own modules are compiled
 * and kept as the environment says (PYTHONDONTWRITEBYTECODE), as under python3.
 */
class PythonScriptsTest {
    @BeforeAll
    static void needsPython() {
        Assumptions.assumeTrue(PythonProgram.findPython() != null,
                "SKIPPED: no python3 (3.8+) on the PATH, so no Python script can run (.ci/run installs it)");
    }

    @AfterEach
    void backToTheUsersCache() {
        System.clearProperty("interleave.python.cache");
        PythonScripts.forget();
    }

    private static List<String> run(Path program) throws Exception {
        ScenarioRun r = ScenarioRun.runToEnd(PythonProgram.load(program, null), Map.of(), RunSettings.DEFAULT);
        assertTrue(r.kernel().awaitTermination(10_000), "every worker ended");
        assertEquals(List.of(), r.kernel().outcomeNow().errors());
        PythonBridge bridge = r.context().kept("bridge");
        return bridge.output();
    }

    /** A program that says whether it may write compiled code, and imports a module of its own folder. */
    private static Path program(Path dir) throws Exception {
        Files.writeString(dir.resolve("helper.py"), "def twice(n):\n    return 2 * n\n");
        Path p = dir.resolve("writes.py");
        Files.writeString(p, "import sys\nimport helper\nprint(sys.dont_write_bytecode, helper.twice(21))\n");
        return p;
    }

    @Test
    void theScriptsAreKeptCompiledInAFolderNamedAfterThem(@TempDir Path cache, @TempDir Path programs)
            throws Exception {
        System.setProperty("interleave.python.cache", cache.toString());
        PythonScripts.forget();
        Path folder = PythonScripts.folder();
        assertEquals(cache.resolve("interleave"), folder.getParent());
        assertTrue(folder.getFileName().toString().matches("python-[0-9a-f]{16}"), folder.toString());

        List<String> printed = run(program(programs));
        // as under python3 itself: the program sees the environment's choice (our own files are compiled apart)
        boolean environmentSaysNo = System.getenv("PYTHONDONTWRITEBYTECODE") != null
                && !System.getenv("PYTHONDONTWRITEBYTECODE").isEmpty();
        assertEquals(List.of((environmentSaysNo ? "True" : "False") + " 42"), printed);
        assertEquals(!environmentSaysNo, Files.exists(programs.resolve("__pycache__")),
                "the program's own module is compiled and kept as the environment says");
        try (var compiled = Files.list(folder.resolve("__pycache__"))) {
            List<String> names = compiled.map(f -> f.getFileName().toString().replaceAll("\\..*", "")).toList();
            assertTrue(names.containsAll(List.of("interleave_rt", "interleave_prepare", "interleave_rewrite")),
                    names.toString());
        }

        // a script damaged on disk is written again, whole, the next time a process looks for them
        Path runtime = folder.resolve("interleave_rt.py");
        byte[] whole = Files.readAllBytes(runtime);
        Files.writeString(runtime, "raise SystemExit('damaged')\n");
        PythonScripts.forget();
        assertEquals(folder, PythonScripts.folder());
        assertTrue(java.util.Arrays.equals(whole, Files.readAllBytes(runtime)));
        try (var left = Files.list(folder)) {
            assertFalse(left.anyMatch(f -> f.toString().endsWith(".part")), "no part-written file is left");
        }
    }

    /** A cache folder others may write in (they could put code of theirs there) is not used; nor is a link. */
    @Test
    void aFolderOthersMayWriteInIsNotTrusted(@TempDir Path cache) throws Exception {
        Assumptions.assumeTrue(cache.getFileSystem().supportedFileAttributeViews().contains("posix"),
                "SKIPPED: no POSIX permissions on this file system");
        Path ours = Files.createDirectory(cache.resolve("interleave"));
        Files.setPosixFilePermissions(ours, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        System.setProperty("interleave.python.cache", cache.toString());
        PythonScripts.forget();
        assertTrue(PythonScripts.folder().getFileName().toString().startsWith("interleave-python"),
                PythonScripts.folder().toString());
        try (var inIt = Files.list(ours)) {
            assertEquals(0, inIt.count(), "nothing unpacked where others may write");
        }

        Path second = Files.createDirectory(cache.resolve("second"));
        Files.createSymbolicLink(second.resolve("interleave"), Files.createDirectory(cache.resolve("elsewhere")));
        System.setProperty("interleave.python.cache", second.toString());
        PythonScripts.forget();
        assertTrue(PythonScripts.folder().getFileName().toString().startsWith("interleave-python"),
                "a link where our folder should be is not followed");
    }

    /**
     * The folders other versions left behind are removed once unused for 30 days; a recently used one stays, and so
     * does anything not named as ours.
     */
    @Test
    void foldersOfOtherVersionsUnusedForAMonthAreRemoved(@TempDir Path cache) throws Exception {
        Path ours = Files.createDirectories(cache.resolve("interleave"));
        Path old = Files.createDirectory(ours.resolve("python-00000000000000aa"));
        Files.writeString(Files.createDirectory(old.resolve("__pycache__")).resolve("x.pyc"), "old");
        Path recent = Files.createDirectory(ours.resolve("python-00000000000000bb"));
        Path notOurs = Files.createDirectory(ours.resolve("notes"));
        java.nio.file.attribute.FileTime longAgo = java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(java.time.Duration.ofDays(40)));
        Files.setLastModifiedTime(old, longAgo);
        Files.setLastModifiedTime(notOurs, longAgo);
        Files.setLastModifiedTime(recent, java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(java.time.Duration.ofDays(3))));
        System.setProperty("interleave.python.cache", cache.toString());
        PythonScripts.forget();
        Path folder = PythonScripts.folder();
        assertFalse(Files.exists(old), "unused for 40 days: removed");
        assertTrue(Files.isDirectory(recent), "used 3 days ago: kept");
        assertTrue(Files.isDirectory(notOurs), "not named as ours: kept");
        assertTrue(Files.isDirectory(folder));
    }

    /** The cache folder deleted while the app runs: the next run unpacks the scripts again. */
    @Test
    void aFolderDeletedMeanwhileIsUnpackedAgain(@TempDir Path cache) throws Exception {
        System.setProperty("interleave.python.cache", cache.toString());
        PythonScripts.forget();
        Path folder = PythonScripts.folder();
        try (var all = Files.walk(folder)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        assertFalse(Files.exists(folder));
        List<String> command = PythonScripts.command("python3", List.of(), "interleave_rt.py");
        assertTrue(Files.isRegularFile(Path.of(command.get(1))), command.toString());
    }

    @Test
    void withoutACacheTheyRunFromAFolderOfTheirOwn(@TempDir Path programs) throws Exception {
        System.setProperty("interleave.python.cache", "none");
        PythonScripts.forget();
        Path folder = PythonScripts.folder();
        assertTrue(folder.getFileName().toString().startsWith("interleave-python"), folder.toString());
        List<String> command = PythonScripts.command("python3", List.of("-u"), "interleave_rt.py", "a.py");
        assertEquals(List.of("python3", "-u", folder.resolve("interleave_rt.py").toString(), "a.py"), command);
        assertEquals(1, run(program(programs)).size());
    }
}
