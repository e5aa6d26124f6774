package interleave.trace;

import java.util.function.LongSupplier;

/**
 * The typed writer of a run's events: one method per {@link Happening}, taking that record's fields, so the
 * engine never packs raw ints. The time is the run's clock; the thread and line are the actor's.
 */
public final class EventWriter {
    /** Who an event is about: a thread of the run and the Python line it is on. */
    public interface Actor {
        int traceThread();

        int traceLine();
    }

    private final Trace trace;
    private final LongSupplier clock;

    public EventWriter(Trace trace, LongSupplier clock) {
        this.trace = trace;
        this.clock = clock;
    }

    private void append(Actor a, EventKind kind, int object, int value) {
        trace.append(clock.getAsLong(), a.traceThread(), kind, object, value, a.traceLine());
    }

    /** See {@link Happening.Started}. */
    public void started(Actor a) {
        append(a, EventKind.THREAD_START, -1, 0);
    }

    /** See {@link Happening.Ended}. */
    public void ended(Actor a) {
        append(a, EventKind.THREAD_END, -1, 0);
    }

    /** See {@link Happening.Killed}. */
    public void killed(Actor a) {
        append(a, EventKind.THREAD_KILLED, -1, 0);
    }

    /** See {@link Happening.Spawned}. */
    public void spawned(Actor a, int child) {
        append(a, EventKind.SPAWN, -1, child);
    }

    /** See {@link Happening.Joining}. */
    public void joining(Actor a, int target) {
        append(a, EventKind.JOIN, -1, target);
    }

    /** See {@link Happening.Joined}. */
    public void joined(Actor a, int target) {
        append(a, EventKind.JOINED, -1, target);
    }

    /** See {@link Happening.Slept}. */
    public void slept(Actor a, int duration) {
        append(a, EventKind.SLEEP, -1, duration);
    }

    /** See {@link Happening.Yielded}. */
    public void yielded(Actor a) {
        append(a, EventKind.YIELD, -1, 0);
    }

    /** See {@link Happening.Stepped}. */
    public void stepped(Actor a) {
        append(a, EventKind.STEP, -1, 0);
    }

    /** See {@link Happening.Woken}. */
    public void woken(Actor a, int object, int value) {
        append(a, EventKind.WAKE, object, value);
    }

    /** See {@link Happening.Switched}. */
    public void switched(Actor a, int out, SwitchReason reason) {
        append(a, EventKind.SWITCH, out, reason.ordinal());
    }

    /** See {@link Happening.Read}. */
    public void read(Actor a, int object, int value) {
        append(a, EventKind.READ, object, value);
    }

    /** See {@link Happening.Wrote}. */
    public void wrote(Actor a, int object, int value) {
        append(a, EventKind.WRITE, object, value);
    }

    /** See {@link Happening.LocalSet}. */
    public void localSet(Actor a, int object, int text) {
        append(a, EventKind.LOCAL_SET, object, text);
    }

    /** See {@link Happening.LocalGot}. */
    public void localGot(Actor a, int object, int text) {
        append(a, EventKind.LOCAL_GET, object, text);
    }

    /** See {@link Happening.LocalDeleted}. */
    public void localDeleted(Actor a, int object) {
        append(a, EventKind.LOCAL_DELETE, object, 0);
    }

    /** See {@link Happening.Printed}. */
    public void printed(Actor a, int text) {
        append(a, EventKind.PRINT, -1, text);
    }

    /** See {@link Happening.WroteStderr}. */
    public void wroteStderr(Actor a, int text) {
        append(a, EventKind.STDERR, -1, text);
    }

    /** See {@link Happening.Raised}. */
    public void raised(Actor a, int text) {
        append(a, EventKind.ERROR, -1, text);
    }

    /** See {@link Happening.Acquired}. */
    public void acquired(Actor a, int object, int level) {
        append(a, EventKind.ACQUIRE, object, level);
    }

    /** See {@link Happening.Blocked}. */
    public void blocked(Actor a, int object, int holder) {
        append(a, EventKind.BLOCK, object, holder);
    }

    /** See {@link Happening.Released}. */
    public void released(Actor a, int object, int level) {
        append(a, EventKind.RELEASE, object, level);
    }

    /** See {@link Happening.TriedBusy}. */
    public void triedBusy(Actor a, int object, int holder) {
        append(a, EventKind.TRY_FAIL, object, holder);
    }

    /** See {@link Happening.GaveUp}. */
    public void gaveUp(Actor a, int object, int level) {
        append(a, EventKind.TIMEOUT, object, level);
    }

    /** See {@link Happening.EventSet}. */
    public void eventSet(Actor a, int object) {
        append(a, EventKind.EVENT_SET, object, 1);
    }

    /** See {@link Happening.EventCleared}. */
    public void eventCleared(Actor a, int object) {
        append(a, EventKind.EVENT_CLEAR, object, 0);
    }

    /** See {@link Happening.EventWaited}. */
    public void eventWaited(Actor a, int object, boolean alreadySet) {
        append(a, EventKind.EVENT_WAIT, object, alreadySet ? 1 : 0);
    }

    /** See {@link Happening.WaitEnded}. */
    public void waitEnded(Actor a, int object, boolean signalled) {
        append(a, EventKind.EVENT_DONE, object, signalled ? 1 : 0);
    }

    /** See {@link Happening.ConditionWaited}. */
    public void conditionWaited(Actor a, int object) {
        append(a, EventKind.COND_WAIT, object, 0);
    }

    /** See {@link Happening.Notified}. */
    public void notified(Actor a, int object, int woken) {
        append(a, EventKind.COND_NOTIFY, object, woken);
    }

    /** See {@link Happening.BarrierArrived}. */
    public void barrierArrived(Actor a, int object, int arrived) {
        append(a, EventKind.BARRIER_WAIT, object, arrived);
    }

    /** See {@link Happening.BarrierPassed}. */
    public void barrierPassed(Actor a, int object, int index) {
        append(a, EventKind.BARRIER_PASS, object, index);
    }

    /** See {@link Happening.BarrierReset}. */
    public void barrierReset(Actor a, int object, boolean aborted) {
        append(a, EventKind.BARRIER_RESET, object, aborted ? 1 : 0);
    }

    /** See {@link Happening.Put}. */
    public void put(Actor a, int object, int size) {
        append(a, EventKind.QUEUE_PUT, object, size);
    }

    /** See {@link Happening.Got}. */
    public void got(Actor a, int object, int size) {
        append(a, EventKind.QUEUE_GET, object, size);
    }

    /** See {@link Happening.TaskDone}. */
    public void taskDone(Actor a, int object, int left) {
        append(a, EventKind.TASK_DONE, object, left);
    }

    /** See {@link Happening.QueueJoined}. */
    public void queueJoined(Actor a, int object, int left) {
        append(a, EventKind.QUEUE_JOIN, object, left);
    }

    /** See {@link Happening.InputAsked}. */
    public void inputAsked(Actor a, int object, int prompt) {
        append(a, EventKind.INPUT_WAIT, object, prompt);
    }

    /** See {@link Happening.Typed}. */
    public void typed(Actor a, int object, int line) {
        append(a, EventKind.INPUT_TYPED, object, line);
    }

    /** See {@link Happening.InputRead}. */
    public void inputRead(Actor a, int object, int line) {
        append(a, EventKind.INPUT_READ, object, line);
    }

    /** See {@link Happening.ParamChanged}. */
    public void paramChanged(Actor a, int param, int value) {
        append(a, EventKind.PARAM, param, value);
    }

    /** See {@link Happening.ActionFired}. */
    public void actionFired(Actor a, int action) {
        append(a, EventKind.ACTION, action, 0);
    }

    /** See {@link Happening.InDeadlock}. */
    public void inDeadlock(Actor a, int object, int next) {
        append(a, EventKind.DEADLOCK, object, next);
    }
}
