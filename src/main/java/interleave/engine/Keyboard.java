package interleave.engine;

import interleave.trace.Happening;
import interleave.trace.ObjectType;

import java.util.ArrayDeque;

/**
 * The keyboard of a run with a user present, as {@code input()} reads it. A thread that asks when no line is
 * typed waits (the other threads go on, as CPython's input() lets go of the interpreter while it reads) until the
 * user types one; each typed line goes to one reader, first come first. Its trace object's level is the lines
 * typed that no thread has read yet.
 */
final class Keyboard extends Queued {
    /** A typed line, or the end of input (Ctrl+D at a terminal: {@code text} null). */
    private record Entry(String text) {
    }

    private final ArrayDeque<Entry> typed = new ArrayDeque<>();

    Keyboard(Kernel k) {
        super(k, "stdin", ObjectType.INPUT, 0);
    }

    /** input(): the next typed line (null: the user ended the input), waiting for the user if there is none yet. */
    String readLine(Strand me, String prompt) {
        if (typed.isEmpty()) {
            int asked = k.trace.intern(prompt);
            k.out.inputAsked(me, id, asked);
            // a line typed for this reader may go to one that asks after it: it then asks again, first in line
            awaitFree(me, -1, Strand.State.WAITING, () -> !typed.isEmpty(), () -> k.out.inputAsked(me, id, asked));
        }
        String line = typed.poll().text();
        k.out.inputRead(me, id, line == null ? Happening.END_OF_INPUT : k.trace.intern(line));
        return line;
    }

    /**
     * The user typed {@code line}, or ended the input (null: one reader gets end of file, as Ctrl+D at a
     * terminal gives; {@code me} is the user's strand): it wakes the first reader.
     */
    void type(Strand me, String line) {
        typed.add(new Entry(line));
        k.out.typed(me, id, line == null ? Happening.END_OF_INPUT : k.trace.intern(line));
        waiters.wake(k, 1, id, typed.size());
    }

    /** Only the user, from outside the run, ends this wait: a thread waiting here is never stuck. */
    @Override
    public boolean outsideMayEnd() {
        return true;
    }
}
