package interleave.program;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Interleave's Python scripts (the runtime, its modules, the loader), unpacked once into a folder of the user's
 * cache named after their contents, which only the user may write in (checked: the code in it runs as the user). CPython keeps their compiled code beside them there (interleave_boot.py starts
 * each script from it): python3 compiles a script it is given at every start, and the runtime's 6,000 lines took
 * 50 to 100 ms of every run's start. Another version of Interleave gets a folder of its own. Where the cache cannot
 * be written, or {@code -Dinterleave.python.cache=none}, a temporary folder for this process, scripts run as they
 * are; {@code -Dinterleave.python.cache=PATH} chooses the cache.
 */
final class PythonScripts {
    private static final String BOOT = "interleave_boot.py";
    private static final List<String> NAMES = List.of(BOOT, "interleave_rt.py", "interleave_rewrite.py",
            "interleave_hub.py", "interleave_coroutines.py", "interleave_asyncio.py", "interleave_futures.py",
            "interleave_pool.py", "interleave_processes.py", "interleave_sockets.py", "interleave_prepare.py",
            "interleave_py2.py", "interleave_modules.py", "interleave_children.py");

    private static Path folder;
    private static boolean cached;

    private PythonScripts() {
    }

    /** The command that runs script {@code name} (one of ours) by {@code python}, with its options and arguments. */
    static List<String> command(String python, List<String> options, String name, String... args)
            throws IOException {
        Path dir = folder();
        if (!Files.isRegularFile(dir.resolve(name), LinkOption.NOFOLLOW_LINKS)) { // the folder was deleted meanwhile
            forget();
            dir = folder();
        }
        List<String> command = new ArrayList<>();
        command.add(python);
        command.addAll(options);
        if (cached) {
            command.add(dir.resolve(BOOT).toString());
            command.add(name);
        } else {
            command.add(dir.resolve(name).toString());
        }
        command.addAll(Arrays.asList(args));
        return command;
    }

    /** The folder the scripts are in. */
    static synchronized Path folder() throws IOException {
        if (folder == null) {
            Map<String, byte[]> scripts = read();
            Path cache = cache();
            if (cache != null) {
                try {
                    Path ours = cache.resolve("interleave");
                    Path dir = ours.resolve("python-" + id(scripts));
                    createPrivately(ours);
                    if (trusted(ours) && createPrivately(dir) && trusted(dir)) { // else others could put code there
                        unpack(dir, scripts);
                        cached = true;
                        folder = dir;
                        removeUnused(ours, dir);
                        return dir;
                    }
                } catch (IOException | RuntimeException e) {
                    // a cache that cannot be written (read-only home, full disk): a folder of our own instead
                }
            }
            Path dir = Files.createTempDirectory("interleave-python");
            dir.toFile().deleteOnExit();
            unpack(dir, scripts);
            scripts.keySet().forEach(name -> dir.resolve(name).toFile().deleteOnExit());
            folder = dir;
        }
        return folder;
    }

    private static Map<String, byte[]> read() throws IOException {
        Map<String, byte[]> scripts = new LinkedHashMap<>();
        for (String name : NAMES) {
            try (InputStream in = PythonScripts.class.getResourceAsStream("/interleave/python/" + name)) {
                if (in == null) {
                    throw new IOException("the Python script " + name + " is missing from Interleave's files");
                }
                scripts.put(name, in.readAllBytes());
            }
        }
        return scripts;
    }

    /** Names and contents, hashed: a folder holds exactly these scripts. */
    private static String id(Map<String, byte[]> scripts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            scripts.forEach((name, bytes) -> {
                sha.update(name.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(bytes);
            });
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** A folder only its owner may enter (where the system has such permissions); true. */
    private static boolean createPrivately(Path dir) throws IOException {
        if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                    "rwx------")));
        } else {
            Files.createDirectories(dir);
        }
        return true;
    }

    /** A folder of the user's own, not a link, that nobody else may write in (the code in it runs as the user). */
    private static boolean trusted(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return true; // (Windows: the user's own local application data)
        }
        String user = System.getProperty("user.name");
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
        return Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).getName().equals(user)
                && !permissions.contains(PosixFilePermission.GROUP_WRITE)
                && !permissions.contains(PosixFilePermission.OTHERS_WRITE);
    }

    /** How long another version's folder may go unused before a run of this one removes it. */
    static final java.time.Duration UNUSED_FOR = java.time.Duration.ofDays(30);

    /**
     * Marks {@code dir} used now, and removes the folders of other versions of Interleave unused for
     * {@link #UNUSED_FOR} (one is left behind at each upgrade): only folders named as ours are, of the user's own,
     * not links. Whatever cannot be removed stays; it is only a cache.
     */
    private static void removeUnused(Path ours, Path dir) {
        try {
            Files.setLastModifiedTime(dir, java.nio.file.attribute.FileTime.from(java.time.Instant.now()));
            java.time.Instant before = java.time.Instant.now().minus(UNUSED_FOR);
            try (var folders = Files.list(ours)) {
                for (Path other : (Iterable<Path>) folders::iterator) {
                    if (!other.equals(dir) && other.getFileName().toString().matches("python-[0-9a-f]{16}")
                            && trusted(other) && Files.getLastModifiedTime(other, LinkOption.NOFOLLOW_LINKS)
                            .toInstant().isBefore(before)) {
                        removeTree(other);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // an old folder stays: only a cache
        }
    }

    private static void removeTree(Path dir) throws IOException {
        try (var all = Files.walk(dir)) { // (walk does not follow links)
            for (Path p : (Iterable<Path>) all.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Writes each script that is not there as it should be, whole or not at all (another run may read it). */
    private static void unpack(Path dir, Map<String, byte[]> scripts) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, byte[]> s : scripts.entrySet()) {
            Path file = dir.resolve(s.getKey());
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                    && Arrays.equals(Files.readAllBytes(file), s.getValue())) {
                continue;
            }
            forgetCompiled(dir, s.getKey()); // compiled from what was there: CPython would compile it at every start
            Path part = Files.createTempFile(dir, s.getKey(), ".part");
            try {
                Files.write(part, s.getValue());
                Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(part);
            }
        }
    }

    /** Removes the compiled code of script {@code name} (interleave_boot.py writes it again). */
    private static void forgetCompiled(Path dir, String name) throws IOException {
        Path compiled = dir.resolve("__pycache__");
        if (!Files.isDirectory(compiled, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        String stem = name.substring(0, name.length() - ".py".length()) + ".";
        try (var files = Files.list(compiled)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (f.getFileName().toString().startsWith(stem)) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    /** The user's cache folder as the system names it, or null. */
    private static Path cache() {
        String chosen = System.getProperty("interleave.python.cache");
        if (chosen != null) {
            return chosen.equals("none") ? null : Path.of(chosen);
        }
        String home = System.getProperty("user.home");
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        try {
            if (os.startsWith("windows")) {
                String local = System.getenv("LOCALAPPDATA");
                return local == null || local.isBlank() ? null : Path.of(local);
            }
            if (os.startsWith("mac")) {
                return home == null ? null : Path.of(home, "Library", "Caches");
            }
            String xdg = System.getenv("XDG_CACHE_HOME");
            if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
                return Path.of(xdg);
            }
            return home == null || home.isBlank() ? null : Path.of(home, ".cache");
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    /** For tests: the scripts' folder is looked for again on the next use. */
    static synchronized void forget() {
        folder = null;
        cached = false;
    }
}
