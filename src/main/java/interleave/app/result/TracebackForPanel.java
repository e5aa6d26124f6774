package interleave.app.result;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A program's stderr as the narrow Result panel shows it, for a class to read the line that failed: a traceback's
 * frames in Python's own standard library (threading.py's above a thread's target, queue.py's) are left out with
 * their lines, the program's frames name their file without its folder ({@code File "bank.py", line 5, in bad}),
 * and the lines of Python 3.11's {@code ~~^^} marks are left out, since in the panel's wrapped, proportional type
 * they point nowhere. Everything else is as written; the event log and the command line keep every line as Python
 * wrote it.
 */
final class TracebackForPanel {
    /** {@code   File "/a/b/c.py", line 4, in f}: the indent, the folder, and the rest. */
    private static final Pattern FRAME = Pattern.compile("^(\\s*File \")(?:([^\"]*)[/\\\\])?([^\"/\\\\]+\".*)$");
    /**
     * The standard library's folder: .../lib/python3.11/ (not its site-packages), or ...\Python311\Lib\ on
     * Windows.
     */
    private static final Pattern STANDARD_LIBRARY = Pattern.compile(
            "(^|.*[/\\\\])(lib[/\\\\]python\\d+\\.\\d+|[^/\\\\]*[Pp]ython[^/\\\\]*[/\\\\]Lib)([/\\\\][^/\\\\]+)*");
    /** Nothing but 3.11's marks under a part of the source line above. */
    private static final Pattern MARKS = Pattern.compile("^\\s*[~^]+\\s*$");

    private TracebackForPanel() {
    }

    static List<String> lines(List<?> written) {
        List<String> shown = new ArrayList<>();
        boolean inFrame = false; // the lines after a frame's: its source, indented, and 3.11's marks under it
        boolean libraryFrame = false;
        for (Object item : written) {
            String line = String.valueOf(item);
            Matcher frame = FRAME.matcher(line);
            if (frame.matches()) {
                String folder = frame.group(2);
                inFrame = true;
                libraryFrame = folder != null && STANDARD_LIBRARY.matcher(folder).matches()
                        && !folder.contains("site-packages");
                if (!libraryFrame) {
                    shown.add(frame.group(1) + frame.group(3));
                }
            } else if (inFrame && line.startsWith("    ")) {
                if (!libraryFrame && !MARKS.matcher(line).matches()) {
                    shown.add(line);
                }
            } else {
                inFrame = false;
                shown.add(line);
            }
        }
        return shown;
    }
}
