package interleave.trace;

/**
 * What one trace event means, kind by kind: the one place where an event's raw object and value fields get
 * their meaning. {@link EventWriter} writes each record's fields into an event; {@link #decode} reads them back.
 * Readers (the analyzer, the story, the sentences, the Perfetto exporter) work on these records instead of
 * re-reading raw ints. Thread ids, object ids and string ids index the trace's registries.
 */
public sealed interface Happening {
    EventKind kind();

    /** The trace object the event is about, or -1. */
    default int object() {
        return -1;
    }

    // ---- threads ----

    record Started() implements Happening {
        public EventKind kind() { return EventKind.THREAD_START; }
    }

    record Ended() implements Happening {
        public EventKind kind() { return EventKind.THREAD_END; }
    }

    /** A daemon thread killed mid-step when the last non-daemon thread ended. */
    record Killed() implements Happening {
        public EventKind kind() { return EventKind.THREAD_KILLED; }
    }

    record Spawned(int child) implements Happening {
        public EventKind kind() { return EventKind.SPAWN; }
    }

    record Joining(int target) implements Happening {
        public EventKind kind() { return EventKind.JOIN; }
    }

    record Joined(int target) implements Happening {
        public EventKind kind() { return EventKind.JOINED; }
    }

    /** {@code time.sleep}: for {@code duration} ticks (sim) or microseconds (os). */
    record Slept(int duration) implements Happening {
        public EventKind kind() { return EventKind.SLEEP; }
    }

    record Yielded() implements Happening {
        public EventKind kind() { return EventKind.YIELD; }
    }

    record Stepped() implements Happening {
        public EventKind kind() { return EventKind.STEP; }
    }

    /**
     * The thread can run again: woken by {@code object} (a release, a set, a notify: {@code value} is what that
     * primitive says, e.g. permits left), at the end of a sleep (object -1), or because its timeout passed
     * (value -1).
     */
    record Woken(int object, int value) implements Happening {
        public EventKind kind() { return EventKind.WAKE; }

        public boolean fromSleep() {
            return object < 0 && value == 0;
        }

        public boolean timedOut() {
            return value == -1;
        }
    }

    /** The thread took a core from {@code out} (-1: it was idle) for {@code reason}. */
    record Switched(int out, SwitchReason reason) implements Happening {
        public EventKind kind() { return EventKind.SWITCH; }
    }

    // ---- shared variables and output ----

    record Read(int object, int value) implements Happening {
        public EventKind kind() { return EventKind.READ; }
    }

    record Wrote(int object, int value) implements Happening {
        public EventKind kind() { return EventKind.WRITE; }
    }

    record LocalSet(int object, int text) implements Happening {
        public EventKind kind() { return EventKind.LOCAL_SET; }
    }

    record LocalGot(int object, int text) implements Happening {
        public EventKind kind() { return EventKind.LOCAL_GET; }
    }

    /** The thread unbound its own value of the attribute ({@code del data.x}). */
    record LocalDeleted(int object) implements Happening {
        public EventKind kind() { return EventKind.LOCAL_DELETE; }
    }

    record Printed(int text) implements Happening {
        public EventKind kind() { return EventKind.PRINT; }
    }

    /** Wrote lines to stderr: {@code text} is the lines, joined by line ends. */
    record WroteStderr(int text) implements Happening {
        public EventKind kind() { return EventKind.STDERR; }
    }

    /** A Python exception ended the thread (or an action): {@code text} is "Type: message". */
    record Raised(int text) implements Happening {
        public EventKind kind() { return EventKind.ERROR; }
    }

    // ---- locks and semaphores ----

    /**
     * Took it: {@code level} is the RLock's depth (1 for a Lock) or, for a semaphore, the permits left
     * (see {@link ObjectType#countsPermits()}).
     */
    record Acquired(int object, int level) implements Happening {
        public EventKind kind() { return EventKind.ACQUIRE; }
    }

    /** Must wait for it: {@code holder} is the thread that has it, -1 if none is named (a semaphore, a queue). */
    record Blocked(int object, int holder) implements Happening {
        public EventKind kind() { return EventKind.BLOCK; }
    }

    /** Let go: {@code level} is the depth left (0: free) or, for a semaphore, the permits now. */
    record Released(int object, int level) implements Happening {
        public EventKind kind() { return EventKind.RELEASE; }
    }

    /** {@code acquire(blocking=False)} (or a non-blocking put/get) found it busy; {@code holder} as in Blocked. */
    record TriedBusy(int object, int holder) implements Happening {
        public EventKind kind() { return EventKind.TRY_FAIL; }
    }

    /** Gave up waiting for it when the timeout passed. */
    record GaveUp(int object, int level) implements Happening {
        public EventKind kind() { return EventKind.TIMEOUT; }
    }

    // ---- events and conditions ----

    record EventSet(int object) implements Happening {
        public EventKind kind() { return EventKind.EVENT_SET; }
    }

    record EventCleared(int object) implements Happening {
        public EventKind kind() { return EventKind.EVENT_CLEAR; }
    }

    /** {@code event.wait()}: {@code alreadySet} means it goes on at once. */
    record EventWaited(int object, boolean alreadySet) implements Happening {
        public EventKind kind() { return EventKind.EVENT_WAIT; }
    }

    /** A wait on an event, a condition or a queue's join is over: {@code signalled} false means it timed out. */
    record WaitEnded(int object, boolean signalled) implements Happening {
        public EventKind kind() { return EventKind.EVENT_DONE; }
    }

    /** {@code cond.wait()}: waits, and lets go of the condition's lock (a Released follows). */
    record ConditionWaited(int object) implements Happening {
        public EventKind kind() { return EventKind.COND_WAIT; }
    }

    record Notified(int object, int woken) implements Happening {
        public EventKind kind() { return EventKind.COND_NOTIFY; }
    }

    // ---- barriers and queues ----

    /** Arrived at a barrier; {@code arrived} of its parties (the object's initial value) are there. */
    record BarrierArrived(int object, int arrived) implements Happening {
        public EventKind kind() { return EventKind.BARRIER_WAIT; }
    }

    record BarrierPassed(int object, int index) implements Happening {
        public EventKind kind() { return EventKind.BARRIER_PASS; }
    }

    record BarrierReset(int object, boolean aborted) implements Happening {
        public EventKind kind() { return EventKind.BARRIER_RESET; }
    }

    record Put(int object, int size) implements Happening {
        public EventKind kind() { return EventKind.QUEUE_PUT; }
    }

    record Got(int object, int size) implements Happening {
        public EventKind kind() { return EventKind.QUEUE_GET; }
    }

    record TaskDone(int object, int left) implements Happening {
        public EventKind kind() { return EventKind.TASK_DONE; }
    }

    record QueueJoined(int object, int left) implements Happening {
        public EventKind kind() { return EventKind.QUEUE_JOIN; }
    }

    // ---- the keyboard (input() with a user present) ----

    /** The line of a Typed or InputRead that is no line: the user ended the input (input() raises EOFError). */
    int END_OF_INPUT = -1;

    /** input() must wait for the keyboard ({@code object}): no line is typed yet. {@code prompt}: a string id. */
    record InputAsked(int object, int prompt) implements Happening {
        public EventKind kind() { return EventKind.INPUT_WAIT; }
    }

    /**
     * The user typed {@code line} (a string id, or {@link #END_OF_INPUT}) at the keyboard {@code object}; it wakes
     * the first waiter.
     */
    record Typed(int object, int line) implements Happening {
        public EventKind kind() { return EventKind.INPUT_TYPED; }

        public boolean endOfInput() {
            return line == END_OF_INPUT;
        }
    }

    /** The thread took the typed {@code line} (a string id, or {@link #END_OF_INPUT}) from the keyboard {@code object}. */
    record InputRead(int object, int line) implements Happening {
        public EventKind kind() { return EventKind.INPUT_READ; }

        public boolean endOfInput() {
            return line == END_OF_INPUT;
        }
    }

    // ---- the user and the end ----

    record ParamChanged(int param, int value) implements Happening {
        public EventKind kind() { return EventKind.PARAM; }
    }

    record ActionFired(int action) implements Happening {
        public EventKind kind() { return EventKind.ACTION; }
    }

    /**
     * One thread of a deadlock: it waits for {@code object} (-1: a thread to finish) and for thread {@code next},
     * the next in the cycle or the thread it joins (-1: none; see {@link Deadlock}).
     */
    record InDeadlock(int object, int next) implements Happening {
        public EventKind kind() { return EventKind.DEADLOCK; }
    }

    /** The meaning of event {@code i} of the trace. */
    static Happening decode(Trace t, long i) {
        return decode(t.kind(i), t.object(i), t.value(i));
    }

    static Happening decode(EventKind kind, int o, int v) {
        return switch (kind) {
            case THREAD_START -> new Started();
            case THREAD_END -> new Ended();
            case THREAD_KILLED -> new Killed();
            case SPAWN -> new Spawned(v);
            case JOIN -> new Joining(v);
            case JOINED -> new Joined(v);
            case SLEEP -> new Slept(v);
            case YIELD -> new Yielded();
            case STEP -> new Stepped();
            case WAKE -> new Woken(o, v);
            case SWITCH -> new Switched(o, SwitchReason.of(v));
            case READ -> new Read(o, v);
            case WRITE -> new Wrote(o, v);
            case LOCAL_SET -> new LocalSet(o, v);
            case LOCAL_GET -> new LocalGot(o, v);
            case LOCAL_DELETE -> new LocalDeleted(o);
            case PRINT -> new Printed(v);
            case STDERR -> new WroteStderr(v);
            case ERROR -> new Raised(v);
            case ACQUIRE -> new Acquired(o, v);
            case BLOCK -> new Blocked(o, v);
            case RELEASE -> new Released(o, v);
            case TRY_FAIL -> new TriedBusy(o, v);
            case TIMEOUT -> new GaveUp(o, v);
            case EVENT_SET -> new EventSet(o);
            case EVENT_CLEAR -> new EventCleared(o);
            case EVENT_WAIT -> new EventWaited(o, v != 0);
            case EVENT_DONE -> new WaitEnded(o, v != 0);
            case COND_WAIT -> new ConditionWaited(o);
            case COND_NOTIFY -> new Notified(o, v);
            case BARRIER_WAIT -> new BarrierArrived(o, v);
            case BARRIER_PASS -> new BarrierPassed(o, v);
            case BARRIER_RESET -> new BarrierReset(o, v != 0);
            case QUEUE_PUT -> new Put(o, v);
            case QUEUE_GET -> new Got(o, v);
            case TASK_DONE -> new TaskDone(o, v);
            case QUEUE_JOIN -> new QueueJoined(o, v);
            case INPUT_WAIT -> new InputAsked(o, v);
            case INPUT_TYPED -> new Typed(o, v);
            case INPUT_READ -> new InputRead(o, v);
            case PARAM -> new ParamChanged(o, v);
            case ACTION -> new ActionFired(o);
            case DEADLOCK -> new InDeadlock(o, v);
        };
    }
}
