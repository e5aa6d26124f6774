package interleave.program;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One answer of the engine to a Python thread, one line, as interleave_rt.py's {@code _decode} reads it (the
 * protocol is described at the top of that file):
 * <pre>
 * = THREAD BUDGET LOCKS VALUES PLAN RESULT  the call's result (JSON), with the next grant and the values
 *                                            (BUDGET may be BUDGET@TICK: the clock as the grant begins)
 * ! THREAD TYPE MESSAGE                      the call raised the Python exception TYPE (MESSAGE: a JSON string)
 * A THREAD BARRIER VALUES                    run the Barrier's action, then say so
 * C THREAD PLAN                              the plan for the end of the grant the thread went on with
 * </pre>
 * LOCKS lists the Locks and RLocks that may be taken or given back without asking within the grant (and the plan),
 * each with its holder (a Python thread, -1 for none) and depth ({@code 3:-1:0,5:2:1}), VALUES the shared values written since the last answer ({@code cell:value,...});
 * {@code -} stands for none. PLAN says what the thread does at the end of its grant: {@code -} ask (the engine
 * records the next point before the thread goes on), else {@code +} go through the next read, write or step,
 * send the points and wait to be told to go on; the slices that follow, if the engine foresaw them, come after
 * the {@code +} ({@code +2:19,1:12}: thread 2 next, with a grant of 19 points, then thread 1): the thread hands
 * the core on to the first itself, and so on down the plan; or {@code ?LOCK:DEPTH:WAITER;LEVEL;...}, see
 * {@link #branch}. Written by hand: an answer goes at every context switch of a run.
 */
final class Answer {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int thread;
    private final StringBuilder locks = new StringBuilder();
    private final StringBuilder values = new StringBuilder();
    private String plan = "-";

    Answer(int thread) {
        this.thread = thread;
    }

    /** A Lock or RLock that may be taken or given back without asking: its holder (-1: none) and depth. */
    void lock(int lock, int holder, int depth) {
        (locks.length() > 0 ? locks.append(',') : locks).append(lock).append(':').append(holder).append(':')
                .append(depth);
    }

    /** A shared value as it is now. */
    void value(int cell, int value) {
        (values.length() > 0 ? values.append(',') : values).append(cell).append(':').append(value);
    }

    /**
     * At the end of its grant the thread goes through its next simple point itself and waits (only one thread runs
     * at a time); {@code successors}, pairs of (thread, grant), hand the core on without the engine in between;
     * {@code aheads}, for each, the levels of the continuation it goes on under if the thread before it blocks on a
     * lock it holds (see the runtime's protocol), or null.
     */
    void plan(int[] successors, String[] aheads) {
        StringBuilder b = new StringBuilder("+");
        for (int i = 0; i < successors.length; i += 2) {
            if (i > 0) {
                b.append(',');
            }
            b.append(successors[i]).append(':').append(successors[i + 1]);
            if (aheads[i / 2] != null) {
                b.append(aheads[i / 2]);
            }
        }
        plan = b.toString();
    }

    /**
     * At the end of its grant the thread goes through its next simple point itself and then goes on at once, or
     * hands the lock it let go to its waiter, as the {@code levels} of a continuation say (see the runtime's
     * protocol), level after level while it goes on.
     */
    void branch(String levels) {
        plan = "?" + levels;
    }

    /** The plan for the end of the grant the thread went on with, as a {@link #branch} said. */
    String nextPlan() {
        return "C " + thread + " " + plan;
    }

    /** The call's result (null, a number, a string, a list, ...) with a grant of {@code budget} points. */
    String result(Object result, int budget) {
        return result(result, budget, -1);
    }

    /**
     * The same, and where {@code tick} is not negative, the virtual clock's tick as the grant begins, written
     * {@code BUDGET@TICK}: each granted point is one tick (one core, the grant ends before the slice does and
     * before any sleeper wakes), so the thread reads the clock during the grant without asking.
     */
    String result(Object result, int budget, long tick) {
        StringBuilder b = new StringBuilder(48 + locks.length() + values.length() + plan.length());
        b.append("= ").append(thread).append(' ').append(budget);
        if (tick >= 0) {
            b.append('@').append(tick);
        }
        b.append(' ');
        orNone(b, locks).append(' ');
        orNone(b, values).append(' ').append(plan).append(' ');
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
