package interleave.program;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * How one Python thread and its engine worker talk: the thread's requests and granted points in, the worker's
 * answers out. Each hop between threads costs tens of microseconds, so where the system has named pipes each
 * Python thread gets its own pair and an answer wakes exactly the thread it is for; elsewhere (Windows) all
 * threads share the process's stdin and stdout through a reader thread.
 */
sealed interface ThreadChannel {
    ObjectMapper JSON = new ObjectMapper();

    /** The next request (a JsonNode) or granted points of the thread; {@code gone} once the process has ended. */
    Object next() throws InterruptedException;

    /** Sends one answer (one line as {@link Answer} writes it, no line end). */
    void send(String answer);

    /** Lets a worker blocked on opening or reading the pipes go on once the process is gone. */
    default void unblock() {
    }

    /** Lets go of what {@link #unblock} holds, once the workers are out of their pipes (before they are deleted). */
    default void release() {
    }

    /** Named pipes where the system has them; {@code -Dinterleave.python.sharedPipes=true} tries the other way. */
    static boolean namedPipesWork() { // read per run, so that a test can compare both ways
        return !System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")
                && !Boolean.getBoolean("interleave.python.sharedPipes");
    }

    /** One line as the runtime writes it: the points of a grant, or a JSON request. */
    static Object parse(String line) {
        if (GrantedPoints.isBatch(line)) {
            return GrantedPoints.parse(line);
        }
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("not a request from the Python runtime: " + line, e);
        }
    }

    /** All threads on stdin and stdout: a reader thread has put this thread's lines in its inbox. */
    record Shared(BlockingQueue<Object> inbox, Consumer<String> out) implements ThreadChannel {
        @Override
        public Object next() throws InterruptedException {
            return inbox.take();
        }

        @Override
        public void send(String answer) {
            out.accept(answer); // the shared writer ends the line
        }
    }

    /** The thread's own named pipes (made by the runtime before the thread starts), opened on first use. */
    final class Fifo implements ThreadChannel {
        private final Path requests;
        private final Path answers;
        private final JsonNode gone;
        private volatile BufferedReader in;
        private volatile BufferedWriter out;
        private volatile boolean ended;
        /** Read-write ends of both pipes, held from {@link #unblock} to {@link #release}. */
        private final java.util.List<java.io.Closeable> held = new java.util.ArrayList<>();

        Fifo(Path requests, Path answers, JsonNode gone) {
            this.requests = requests;
            this.answers = answers;
            this.gone = gone;
        }

        @Override
        public Object next() {
            try {
                if (in == null) {
                    // The main thread's pipes appear once the interpreter is up (a child's exist before it starts)
                    while (!java.nio.file.Files.exists(answers) && !ended) {
                        Thread.sleep(1);
                    }
                    if (ended) {
                        return gone;
                    }
                    // The same order as the runtime (requests, then answers): opening a pipe waits for its other end
                    in = new BufferedReader(new InputStreamReader(new FileInputStream(requests.toFile()),
                            StandardCharsets.UTF_8));
                    out = new BufferedWriter(new OutputStreamWriter(new FileOutputStream(answers.toFile()),
                            StandardCharsets.UTF_8));
                }
                String line = ended ? null : in.readLine();
                return line == null || ended ? gone : parse(line);
            } catch (IOException e) {
                return gone;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return gone;
            }
        }

        @Override
        public void send(String answer) {
            BufferedWriter o = out;
            if (o == null) {
                return; // let go at the run's end (see release)
            }
            try {
                o.write(answer);
                o.write('\n');
                o.flush();
            } catch (IOException e) {
                // the process is gone; the next read says so
            }
        }

        /**
         * Holds both pipes open for reading and writing (on a named pipe that open never waits), so that a worker
         * waiting to open either end, now or in a moment, gets it at once and then sees {@code ended}; and ends a
         * line on the requests, so that one waiting in its read sees it too. Before, another thread opened the
         * other ends one by one, waiting for each; when the run's end deleted the pipes first (os._exit ends the
         * run before the process), a worker stayed in its open() for ever.
         */
        @Override
        public synchronized void unblock() {
            if (ended) {
                return;
            }
            ended = true;
            for (Path pipe : java.util.List.of(requests, answers)) {
                if (!java.nio.file.Files.exists(pipe)) {
                    continue; // (a thread that never made its pipes, or they are deleted: nobody can wait on them)
                }
                try {
                    java.io.RandomAccessFile end = new java.io.RandomAccessFile(pipe.toFile(), "rw");
                    held.add(end);
                    if (pipe.equals(requests)) {
                        end.write('\n'); // (a pipe's buffer takes it: no wait)
                    }
                } catch (IOException e) {
                    // gone meanwhile
                }
            }
        }

        @Override
        public synchronized void release() {
            held.add(in); // the worker's own ends too: the pipes are deleted next, and a run can have hundreds
            held.add(out);
            in = null;
            out = null;
            for (java.io.Closeable c : held) {
                if (c == null) {
                    continue;
                }
                try {
                    c.close();
                } catch (IOException e) {
                    // nothing left to let go
                }
            }
            held.clear();
        }
    }
}
