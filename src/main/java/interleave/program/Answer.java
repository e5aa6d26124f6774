package interleave.program;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One answer of the engine to a Python thread, one line, as interleave_rt.py's {@code _decode} reads it (the
 * protocol is described at the top of that file):
 * <pre>
 * = THREAD BUDGET FREE HELD VALUES RESULT    the call's result (JSON), with the next grant and the values
 * ! THREAD TYPE MESSAGE                      the call raised the Python exception TYPE (MESSAGE: a JSON string)
 * A THREAD BARRIER VALUES                    run the Barrier's action, then say so
 * </pre>
 * FREE lists the locks the thread may take within its grant ({@code 3,5}), HELD those it may give back with
 * their depth ({@code 3:1}), VALUES the shared values written since the last answer ({@code cell:value,...});
 * {@code -} stands for none. Written by hand: an answer goes at every context switch of a run.
 */
final class Answer {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int thread;
    private final StringBuilder free = new StringBuilder();
    private final StringBuilder held = new StringBuilder();
    private final StringBuilder values = new StringBuilder();

    Answer(int thread) {
        this.thread = thread;
    }

    /** A lock the thread may take within its grant. */
    void free(int lock) {
        (free.length() > 0 ? free.append(',') : free).append(lock);
    }

    /** A lock the thread holds {@code depth} times and may give back within its grant. */
    void held(int lock, int depth) {
        (held.length() > 0 ? held.append(',') : held).append(lock).append(':').append(depth);
    }

    /** A shared value as it is now. */
    void value(int cell, int value) {
        (values.length() > 0 ? values.append(',') : values).append(cell).append(':').append(value);
    }

    /** The call's result (null, a number, a string, a list, ...) with a grant of {@code budget} points. */
    String result(Object result, int budget) {
        StringBuilder b = new StringBuilder(32 + free.length() + held.length() + values.length());
        b.append("= ").append(thread).append(' ').append(budget).append(' ');
        orNone(b, free).append(' ');
        orNone(b, held).append(' ');
        orNone(b, values).append(' ');
        if (result instanceof Integer i) {
            b.append(i.intValue());
        } else {
            b.append(json(result));
        }
        return b.toString();
    }

    /** The call raised {@code type} ("RuntimeError") with this message. */
    String error(String type, String message) {
        return "! " + thread + " " + type + " " + json(message);
    }

    /** The thread, last at this Barrier, runs its action. */
    String barrierAction(int barrier) {
        StringBuilder b = new StringBuilder("A ").append(thread).append(' ').append(barrier).append(' ');
        return orNone(b, values).toString();
    }

    private static StringBuilder orNone(StringBuilder b, StringBuilder part) {
        return part.length() == 0 ? b.append('-') : b.append(part);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an answer the runtime cannot read: " + value, e);
        }
    }
}
