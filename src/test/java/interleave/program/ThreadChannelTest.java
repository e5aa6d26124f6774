package interleave.program;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.FileOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertSame;

/** A thread's named pipes: however the process goes, its worker comes out of them. */
class ThreadChannelTest {

    /**
     * The process opened its requests pipe and died before it opened its answers (os._exit from another thread):
     * the worker waits in opening the answers. The run's end lets it go and deletes the pipes at once; the worker
     * still comes out, with "gone" (it stayed in its open() for ever, and the run took 10 s more to end).
     */
    @Test
    void aWorkerWaitingToOpenAPipeComesOutWhenTheRunEndsAndThePipesGo() throws Exception {
        Path dir = Files.createTempDirectory("pipes");
        Path requests = dir.resolve("req-1");
        Path answers = dir.resolve("rep-1");
        Assumptions.assumeTrue(mkfifo(requests) && mkfifo(answers),
                "SKIPPED: no mkfifo here (named pipes are used where the system has them)");
        ThreadChannel.Fifo fifo = new ThreadChannel.Fifo(requests, answers, PythonProcess.GONE);
        // the process's side: its requests pipe opened for writing, its answers never
        CompletableFuture<FileOutputStream> process = CompletableFuture.supplyAsync(() -> {
            try {
                return new FileOutputStream(requests.toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        CompletableFuture<Object> worker = CompletableFuture.supplyAsync(fifo::next);
        process.get(10, TimeUnit.SECONDS); // the worker has the requests open: it goes on to open the answers
        Thread.sleep(200);
        fifo.unblock();
        Files.delete(requests);
        Files.delete(answers);
        assertSame(PythonProcess.GONE, worker.get(10, TimeUnit.SECONDS));
        fifo.release();
        process.get().close();
        Files.delete(dir);
    }

    private static boolean mkfifo(Path p) {
        try {
            return new ProcessBuilder("mkfifo", p.toString()).start().waitFor() == 0;
        } catch (java.io.IOException | InterruptedException e) {
            return false;
        }
    }
}
