package interleave.trace;

import java.util.ArrayList;
import java.util.List;

/**
 * A thread that stopped with an uncaught error, as the views tell it: who, at which event and program line (0 if
 * none), and the error ("ZeroDivisionError: division by zero", without the thread's name a worker's description may
 * put first). A button's failed action (an external thread's error) stops no thread and is not one.
 */
public record ThreadError(int thread, long seq, int line, String message) {
    /** The thread errors among {@code errors} (the ERROR events, see {@link TraceAnalyzer#errors()}), in order. */
    public static List<ThreadError> of(Trace t, List<Long> errors) {
        List<ThreadError> out = new ArrayList<>();
        for (long e : errors) {
            ThreadInfo thread = t.thread(t.thread(e));
            if (thread.external()) {
                continue;
            }
            String text = t.string(t.value(e));
            String message = text.startsWith(thread.name() + ": ") ? text.substring(thread.name().length() + 2) : text;
            out.add(new ThreadError(thread.id(), e, t.line(e), message));
        }
        return out;
    }
}
