package interleave.program;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import interleave.engine.Kernel;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The CPython process of one run and the pipes to its threads: it starts the runtime on the program, gives each
 * Python thread its channel (its own named pipes, or its share of stdin and stdout), keeps the tail of its stderr
 * and where each thread was when it was asked to end, and ends with the run however the run ends: no orphans.
 */
final class PythonProcess {
    /** What a channel gives once the process is gone. */
    static final JsonNode GONE = new ObjectMapper().createObjectNode().put("op", "gone");

    private final Process process;
    private final BufferedWriter toPython;
    private final Map<Integer, BlockingQueue<Object>> inbox = new ConcurrentHashMap<>();
    private final Map<String, Integer> stackLines = new ConcurrentHashMap<>();
    private final StringBuilder stderr = new StringBuilder();
    private volatile boolean gone;
    /** Where each Python thread's own named pipes are (null: every thread shares stdin and stdout). */
    private final Path channels;
    private final Map<Integer, ThreadChannel> open = new ConcurrentHashMap<>();

    /**
     * A new folder for the threads' named pipes: in memory (/dev/shm) where there is one, because on a disk file
     * system every write to a pipe also updates its inode's times, through the journal.
     */
    private static Path channelsFolder() throws IOException {
        Path shm = Path.of("/dev/shm");
        if (Files.isDirectory(shm) && Files.isWritable(shm)) {
            try {
                return Files.createTempDirectory(shm, "interleave-channels");
            } catch (IOException e) {
                // fall back to the temporary folder
            }
        }
        return Files.createTempDirectory("interleave-channels");
    }

    /**
     * Starts the runtime on {@code source} (the program's text as loaded), named after its file; converted: the
     * source is a Python 2 program's conversion, so the file is not the code that runs.
     */
    PythonProcess(Kernel k, String python, Path program, Path source, boolean os, boolean converted)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(PythonScripts.command(python, List.of("-u", "-X", "utf8"),
                "interleave_rt.py", program.toString(), source.toString()));
        this.channels = ThreadChannel.namedPipesWork() ? channelsFolder() : null;
        if (channels != null) {
            builder.environment().put("INTERLEAVE_CHANNELS", channels.toString());
        }
        if (os) {
            builder.environment().put("INTERLEAVE_MODE", "os");
        }
        if (converted) { // a traceback shows the converted lines that ran, not the file's Python 2
            builder.environment().put("INTERLEAVE_CONVERTED", "1");
        }
        if (!continuationsWanted()) { // the runtime's half of it: a thread about to block waits for the engine
            builder.environment().put("INTERLEAVE_CONTINUATIONS", "off");
        }
        // os.cpu_count() in sim and cooperative mode: the run's virtual cores (multiprocessing.Pool() sizes by it)
        builder.environment().put("INTERLEAVE_CORES", Integer.toString(k.settings().cores()));
        // the program's random module starts from the run's seed (sim and cooperative): the same seed, the same run
        builder.environment().put("INTERLEAVE_SEED", Long.toString(k.settings().seed()));
        this.process = builder.start();
        this.toPython = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        daemon("interleave-python-requests", this::readRequests);
        daemon("interleave-python-stderr", this::readErrors);
        daemon("interleave-python-reaper", () -> endWith(k));
    }

    private static void daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    /** Off ({@code -Dinterleave.python.continuations=false}) only to compare traces: see PythonBridge. */
    static boolean continuationsWanted() {
        return !"false".equals(System.getProperty("interleave.python.continuations"));
    }

    /** Whether each thread has its own named pipes (else they share stdin and stdout). */
    boolean ownPipes() {
        return channels != null;
    }

    /** The thread's own named pipes where there are such, else its share of stdin and stdout. */
    ThreadChannel channel(int thread) {
        if (channels == null) {
            return new ThreadChannel.Shared(inbox(thread), this::send);
        }
        ThreadChannel.Fifo fifo = new ThreadChannel.Fifo(channels.resolve("req-" + thread),
                channels.resolve("rep-" + thread), GONE);
        open.put(thread, fifo);
        if (gone) {
            fifo.unblock();
        }
        return fifo;
    }

    /** The last line the program wrote to stderr, or "it exited". */
    String lastError() {
        synchronized (stderr) {
            String s = stderr.toString().trim();
            return s.isEmpty() ? "it exited" : s.lines().reduce((a, b) -> b).orElse(s);
        }
    }

    /** The line the named thread was on when the process was asked to end (0 if it did not say). */
    int lineAtTheEnd(String thread) {
        return stackLines.getOrDefault(thread, 0);
    }

    private BlockingQueue<Object> inbox(int thread) {
        return inbox.computeIfAbsent(thread, t -> {
            LinkedBlockingQueue<Object> q = new LinkedBlockingQueue<>();
            if (gone) {
                q.add(GONE);
            }
            return q;
        });
    }

    /** Where there are no named pipes: every thread's lines come on stdout, each to its thread's inbox. */
    private void readRequests() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                Object next;
                try {
                    next = ThreadChannel.parse(line);
                } catch (java.io.UncheckedIOException notARequest) {
                    // a line the runtime did not write: a child process's, where children share its stdout (on
                    // Windows; elsewhere the runtime gives them a pipe of their own, see interleave_children.py)
                    continue;
                }
                if (next instanceof GrantedPoints p) {
                    inbox(p.thread()).add(p);
                } else {
                    inbox(((JsonNode) next).path("t").asInt()).add(next);
                }
            }
        } catch (IOException e) {
            // the process ended
        }
        gone = true;
        inbox.values().forEach(q -> q.add(GONE));
        open.values().forEach(ThreadChannel::unblock);
    }

    private void readErrors() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("interleave-stack\t")) { // where each thread was, as the process ended
                    String[] f = line.split("\t");
                    stackLines.put(f[1], Integer.parseInt(f[2]));
                    continue;
                }
                synchronized (stderr) { // the tail: a traceback's last line says what went wrong
                    stderr.append(line, 0, Math.min(line.length(), 2000)).append('\n');
                    if (stderr.length() > 8000) {
                        stderr.delete(0, stderr.length() - 4000);
                    }
                }
            }
        } catch (IOException | NumberFormatException | ArrayIndexOutOfBoundsException e) {
            // the process ended (or wrote a line of ours cut short)
        }
    }

    private void send(String r) {
        try {
            synchronized (toPython) {
                toPython.write(r);
                toPython.write('\n');
                toPython.flush();
            }
        } catch (IOException e) {
            // the process is gone; its threads' next requests will say so
        }
    }

    /** SIGTERM first: the runtime then says where each thread is (stderr) before it goes; then for sure. */
    void endAskingWhere() {
        process.toHandle().destroy(); // SIGTERM, keeping our ends of its pipes open (Process.destroy closes them)
        try {
            if (process.waitFor(1, java.util.concurrent.TimeUnit.SECONDS)) {
                Thread.sleep(100); // the stderr reader's last lines
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
    }

    /** However the run ends (finished, deadlock, stopped), the Python process goes with it: no orphans. */
    private void endWith(Kernel k) {
        try {
            k.awaitOutcome();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
        open.values().forEach(ThreadChannel::unblock);
        try {
            k.awaitTermination(2_000); // the workers come out of their pipes, then the pipes go
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        open.values().forEach(ThreadChannel::release);
        if (channels != null) {
            try (var files = Files.list(channels)) {
                files.forEach(f -> f.toFile().delete());
            } catch (IOException e) {
                // a temporary directory: the system cleans it in the end
            }
            channels.toFile().delete();
        }
    }
}
