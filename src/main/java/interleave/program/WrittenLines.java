package interleave.program;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One stream the program writes (stdout, stderr), as a terminal shows it: a line is there once it is ended,
 * however many writes (of any threads) made it; what follows the last line end is kept until it is ended, and is
 * the last line when the stream is read before that (CPython writes it out at exit).
 */
final class WrittenLines {
    private final List<String> ended = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();

    /** Adds a write; the lines it ended, joined by line ends, or null if it ended none. */
    synchronized String write(String text) {
        partial.append(text);
        int end = partial.lastIndexOf("\n");
        if (end < 0) {
            return null;
        }
        String lines = partial.substring(0, end);
        partial.delete(0, end + 1);
        ended.addAll(PythonProgram.outputLines(lines));
        return lines;
    }

    /** The lines so far, the unended last one too. */
    synchronized List<String> lines() {
        if (partial.length() == 0) {
            return ended;
        }
        List<String> all = new ArrayList<>(ended);
        all.add(partial.toString());
        return all;
    }
}
