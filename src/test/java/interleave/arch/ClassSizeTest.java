package interleave.arch;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * No class over about 400 lines without a reason stated here; a class that shrinks under the limit leaves the list,
 * so the list is always the true one. Where the reason is only that nobody has split the class yet, it says what
 * would come out next.
 */
class ClassSizeTest {
    private static final int LIMIT = 400;

    private static final Map<String, String> REASONS = Map.of(
            "engine/SimKernel.java", "the baton runtime is one state machine (cores, ticks, slices, the gate, "
                    + "blocking, waking, the virtual clock) that only the baton holder touches; what a Python "
                    + "program's threads do ahead of it is RunAhead's",
            "engine/Kernel.java", "the engine's one API for every runtime and caller: a third of it is the contract "
                    + "of each call, the rest the recording every runtime shares",
            "engine/OsKernel.java", "the os runtime, the same rules on real threads: 7 lines over",
            "program/PythonBridge.java", "carries out a Python thread's requests on the engine, the protocol's "
                    + "reading and answering; next out: the plans and continuations sent with the answers",
            "trace/TraceAnalyzer.java", "one pass over the trace derives lanes, switches, lost updates and the "
                    + "deadlock together, so that a 10-million-event run is read once",
            "app/timeline/TimelineCanvas.java", "lays the lanes out and draws the threads' and the cores' lanes with "
                    + "their patterns, labels and running shares, and the axis; next out: the cores' lanes",
            "app/timeline/TimelineViewModel.java", "the timeline's window, zoom, follow, lanes and selection; next "
                    + "out: the lane list",
            "app/cpu/CpuCanvas.java", "draws the CPU view's cores, queues and resource boxes with their notes; "
                    + "next out: the resource boxes",
            "app/session/RunSession.java", "a run in the window from start to stop: replay to a moment, a branch "
                    + "on a typed line, the pulse; next out: the replay");

    @Test
    void everyClassOverTheLimitHasItsReason() throws IOException {
        Path root = Path.of("src/main/java/interleave");
        Map<String, Long> over = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                long lines;
                try (Stream<String> l = Files.lines(f)) {
                    lines = l.count();
                }
                if (lines > LIMIT) {
                    over.put(root.relativize(f).toString().replace('\\', '/'), lines);
                }
            }
        }
        assertEquals(new TreeMap<>(REASONS).keySet(), over.keySet(),
                "classes over " + LIMIT + " lines (with their sizes: " + over + ") and the ones with a reason here");
    }
}
