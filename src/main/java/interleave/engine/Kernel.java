package interleave.engine;

import interleave.trace.EventWriter;
import interleave.trace.Trace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The {@code threading} module of one run: it makes threads and primitives, and it schedules them. Scenario
 * code calls it only from worker threads; {@link RunControl} steers it from outside.
 *
 * <p>{@link SimKernel} serves the deterministic modes (sim and cooperative), {@link OsKernel} the os mode.
 */
public abstract class Kernel {
    /** One virtual tick is one virtual microsecond. */
    public static final long TICKS_PER_SECOND = 1_000_000L;

    protected final Trace trace;
    protected final RunSettings settings;
    protected final RunControl control;
    /** Every event of the run is written through this, typed: see {@link interleave.trace.Happening}. */
    final EventWriter out;
    protected final List<Thread> javaThreads = new CopyOnWriteArrayList<>();
    protected final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    private final CompletableFuture<RunOutcome> outcome = new CompletableFuture<>();
    private Keyboard keyboard;

    protected Kernel(Trace trace, RunSettings settings, RunControl control) {
        this.trace = trace;
        this.settings = settings;
        this.control = control;
        this.out = new EventWriter(trace, this::now);
        control.countPointsWith(trace::pointCount);
        trace.onFull(control::stop); // out of room for events: stop the run, keep what it recorded
    }

    /** True if the run was stopped because its trace reached the most this heap can hold. */
    public boolean stoppedForMemory() {
        return trace.full();
    }

    public static Kernel create(Trace trace, RunSettings settings, RunControl control) {
        return settings.mode() == Mode.OS ? new OsKernel(trace, settings, control)
                : new SimKernel(trace, settings, control);
    }

    public Trace trace() {
        return trace;
    }

    public RunSettings settings() {
        return settings;
    }

    public RunControl control() {
        return control;
    }

    // ---- what scenario code calls: the primitives, written once (Py*), run by either runtime ----

    public final Lock lock(String name) {
        return new PyLock(this, name);
    }

    public final RLock rlock(String name) {
        return new PyRLock(this, name);
    }

    public final Semaphore semaphore(String name, int value) {
        return new PySemaphore(this, name, value, false);
    }

    public final Semaphore boundedSemaphore(String name, int value) {
        return new PySemaphore(this, name, value, true);
    }

    /** {@code threading.Semaphore()}: the initial value is 1. */
    public final Semaphore semaphore(String name) {
        return semaphore(name, 1);
    }

    public final Event event(String name) {
        return new PyEvent(this, name);
    }

    /**
     * {@code threading.Condition()}: a condition with an RLock of its own, named after it ("cond (lock)", as
     * interleave_rewrite.py names a lock made in its call, {@code Condition(Lock())}).
     */
    public final Condition condition(String name) {
        return condition(name, rlock(name + " (lock)"));
    }

    public final Condition condition(String name, Acquirable lock) {
        if (!(lock instanceof Owned owned)) {
            throw new IllegalArgumentException("a Condition needs a Lock or an RLock of the same run");
        }
        return new PyCondition(this, name, owned);
    }

    public final ThreadLocalVar local(String name) {
        return new PyLocal(this, name);
    }

    public final SharedInt sharedInt(String name, int initial) {
        return new PyInt(this, name, initial);
    }

    public final Worker thread(String name, boolean daemon, Runnable body) {
        return newStrand(name, daemon, false, body);
    }

    /** {@code threading.Thread(name=..., target=...)}: daemon if the thread that makes it is a daemon. */
    public final Worker thread(String name, Runnable body) {
        return newStrand(name, currentDaemon(), false, body);
    }

    /** {@code threading.Barrier(parties, action, timeout)}; a null timeout waits for ever. */
    public final Barrier barrier(String name, int parties, Runnable action, Double timeoutSeconds) {
        return new PyBarrier(this, name, parties, action, timeoutSeconds);
    }

    /**
     * The same as CPython 3.13 makes it: fewer than one party is a ValueError at once (3.11's such barrier is made,
     * and its first wait waits for ever).
     */
    public final Barrier barrierOf313(String name, int parties, Runnable action, Double timeoutSeconds) {
        if (parties < 1) {
            throw PyErrors.noParties();
        }
        return barrier(name, parties, action, timeoutSeconds);
    }

    public final Barrier barrier(String name, int parties) {
        return barrier(name, parties, null, null);
    }

    /** {@code queue.Queue(maxsize)}: 0 or less is unbounded. */
    public final <T> Queue<T> queue(String name, int maxsize) {
        return new PyQueue<>(this, name, Math.max(0, maxsize));
    }

    /** {@code threading.Timer(interval, function)}. */
    public final Timer timer(String name, double intervalSeconds, Runnable function) {
        return new PyTimer(this, name, intervalSeconds, function);
    }

    /** {@code threading.current_thread()}. */
    public final Worker currentThread() {
        return current();
    }

    /** {@code threading.main_thread()}. */
    public final Worker mainThread() {
        return strands().get(0);
    }

    /** {@code threading.enumerate()}: the threads alive now, in the order they were made. */
    public final List<Worker> enumerate() {
        List<Worker> alive = new ArrayList<>();
        for (Strand t : strands()) {
            if (t.isAlive()) {
                alive.add(t);
            }
        }
        return alive;
    }

    /** {@code threading.active_count()}. */
    public final int activeCount() {
        return enumerate().size();
    }

    final boolean currentDaemon() {
        Strand me = current();
        return me != null && !me.external && me.daemon;
    }

    /** {@code time.sleep}: virtual seconds in sim and cooperative modes, real ones in os mode. */
    public abstract void sleep(double seconds);

    /** {@code time.sleep(0)}: offers the core to another ready thread. */
    public abstract void yieldNow();

    /** {@code print}: a line of output, recorded in the trace. */
    public final void print(String text) {
        wrote(text, false);
    }

    /** Whole lines a program wrote to stderr (logging, print to sys.stderr), recorded in the trace. */
    public final void writeStderr(String lines) {
        wrote(lines, true);
    }

    private void wrote(String text, boolean toStderr) {
        Strand me = begin();
        try {
            int id = trace.intern(text);
            if (toStderr) {
                out.wroteStderr(me, id);
            } else {
                out.printed(me, id);
            }
            commit(me);
        } finally {
            leave(me);
        }
    }

    /**
     * {@code input()} read from the keyboard: with a user present the thread waits for a line typed with
     * {@link #typeLine} (the line, without its end), or null if the user ended the input ({@link #endInput});
     * with none (the command line, a test) there is no keyboard and the answer is null at once, end of file, as
     * CPython's input() with nothing on its standard input.
     */
    public final String readLine(String prompt) {
        if (!control.userPresent()) {
            return null;
        }
        Strand me = begin();
        try {
            String line = keyboard().readLine(me, prompt);
            commit(me);
            return line;
        } finally {
            leave(me);
        }
    }

    /**
     * The user typed a line: a command the run takes in at its next scheduling point, like a button; it wakes
     * the first thread waiting in {@link #readLine}, or waits for the next one that asks.
     */
    public final void typeLine(String line) {
        java.util.Objects.requireNonNull(line, "a line (see endInput for the end of input)");
        typeEntry(line);
    }

    /** The user ended the input (Ctrl+D at a terminal): the next reader's input() gets end of file. */
    public final void endInput() {
        typeEntry(null);
    }

    private void typeEntry(String line) {
        control.submit(new Command(Command.Kind.INPUT, 0, 0, () -> {
            Strand me = begin();
            try {
                keyboard().type(me, line);
                commit(me);
            } finally {
                leave(me);
            }
        }));
    }

    /** Made when first used, inside an operation (the trace registers it then). */
    private Keyboard keyboard() {
        if (keyboard == null) {
            keyboard = new Keyboard(this);
        }
        return keyboard;
    }

    /** A point where the scheduler may switch with no other effect (a CPU step of a computation). */
    public final void step() {
        Strand me = begin();
        try {
            out.stepped(me);
            commit(me);
        } finally {
            leave(me);
        }
    }

    /**
     * How many of the current thread's next scheduling points are sure to pass without anything changing hands
     * (no switch, no pause, no pick, no timer due), so that a thread run elsewhere (a Python program's) may go
     * through them without waiting for an answer at each one. 0 means: ask at the next point. Within a grant the
     * thread still records every point; a teacher's pick or command waits until the grant is spent.
     */
    public int grant() {
        return 0;
    }

    /**
     * Who holds the core, sampled by a watchdog from another thread: how many times a thread has been put on a core
     * so far, the running thread's name and whether another thread is ready to run. Only where a thread keeps the
     * core until it blocks, sleeps or yields (cooperative mode), so that one that does none of those while others
     * wait can be named; null elsewhere. A sample may be a moment stale.
     */
    public CoreSample coreSample() {
        return null;
    }

    /** See {@link #coreSample()}. */
    public record CoreSample(long placements, String running, boolean othersReady) {
    }

    /**
     * After a {@link #grant()}: the virtual clock's tick, where the current thread alone moves it from now on, one
     * tick a point, until it asks again (one core, nothing asked of the run), so that a thread run elsewhere may
     * read the clock within its grant without asking; -1 where that does not hold.
     */
    public long tickOfTheGrant() {
        return -1;
    }

    /**
     * The current thread asks again before its grant is spent (a call that may block): what is left of the grant
     * is given back, so a pick or command applies at this point as it would without grants.
     */
    public void grantReturned() {
    }

    /** No slices foreseen. */
    protected static final int[] NO_PLAN = new int[0];

    /**
     * After a {@link #grant()} that ends with the current thread's slice: the slices sure to follow it, while no
     * thread asks the engine anything, as pairs (thread id, the points it may go through before its own slice
     * ends). Only threads that {@code waitsForGo} may be in it (the caller knows which can be handed the core
     * without an answer); each slice but the last is whole, so the plan is the engine's own next decisions, drawn
     * ahead on a forecast of the policy. The engine still makes every decision when its point comes, checks it
     * against the plan, and holds picks and commands until the plan is spent. Empty if nothing can be foreseen.
     * At most {@code maxSlices} slices, fewer where the last plans were cut short (see PlanReach).
     */
    public int[] plan(java.util.function.IntPredicate waitsForGo, int maxSlices) {
        return NO_PLAN;
    }

    /** Whether the current thread got the core back as its plan said (and so was told to go already); clears it. */
    public boolean resumedByPlan() {
        return false;
    }

    /**
     * What a thread that holds a Lock or RLock another thread waits for does at the end of its slice, as the engine
     * foresees it after a {@link #grant()} that ends with the slice, level by level ({@link Level}): at each end it
     * goes on with a new grant of {@code ifUntouched} points if it never let the lock go during the slice (its
     * waiter still waits), of {@code ifRetaken} points if it let it go and holds it again at the end (the woken
     * waiter finds it taken and waits again); -1 where the engine cannot foresee it. If the thread does not hold the
     * lock at the end, the {@code waiter} (a thread's id) takes it and goes on from its acquire with a grant of
     * {@code ifLetGo} points (-1: it waits for its answer). {@code lock} is null for a thread that runs alone: it
     * goes on with {@code ifUntouched} whatever it does. The engine checks each outcome against this when it comes.
     */
    public record Continuation(Acquirable lock, int depth, int waiter, List<Level> levels) {
        /**
         * One slice's end: the grants if untouched, retaken or let go (to the waiter); and the level that follows
         * if untouched or retaken (an index into the levels, -1 where not foreseen: that end is decided when it
         * comes).
         */
        public record Level(int ifUntouched, int ifRetaken, int ifLetGo, int nextIfUntouched, int nextIfRetaken) {
        }
    }

    /**
     * After a {@link #plan} that foresaw nothing because the current thread holds a lock another thread waits for:
     * how it goes on at its slice's end, if the engine can foresee that (one core, nothing else ready, no clock
     * running) and the lock is one the caller {@code known}s; else null. The waiter is told it took the lock only
     * where it waits in an acquire ({@code inAcquire}, by thread id). Holds picks and commands until the outcome
     * has come. {@code depth}: how deep the thread holds the lock.
     */
    public Continuation continuation(java.util.function.Predicate<Acquirable> known,
                                     java.util.function.IntPredicate inAcquire) {
        return null;
    }

    /** Whether the current thread went on at its slice's end under a {@link #continuation} it knows the next level of. */
    public boolean goesOnAsItKnows() {
        return false;
    }

    /**
     * The current thread's Python side is about to block in a call (an acquire of a lock another thread holds)
     * under a plan whose next slice is {@code thread}'s: it has told that thread to go on with {@code budget}
     * points, as the engine gives the core to the plan's next thread when the current one blocks; and, if
     * {@code withItsContinuation}, that thread goes on under the continuation {@link #aheadOf} foresaw for it.
     */
    public void handedOnIfBlocked(int thread, int budget, boolean withItsContinuation) {
        throw new ThreadingError("RuntimeError", "this runtime makes no plans");
    }

    /**
     * For slice {@code slice} of the last {@link #plan}: the continuation its thread goes on under if the thread
     * before it (the current one for slice 0) blocks in an acquire of a Lock or RLock that it holds, and hands it
     * the core ({@link #handedOnIfBlocked} with its continuation); null where the engine cannot foresee that.
     */
    public Continuation aheadOf(int slice) {
        return null;
    }

    /** After a call {@link #handedOnIfBlocked}: it must have blocked and the core gone as said (else the run ends). */
    public void handedOnAsForeseen() {
    }

    /**
     * Whether the current thread got the core back at once, as its {@link #continuation} said, or was told to go
     * on by another thread's Python side; clears it, and {@link #resumedByPlan} with it.
     */
    public boolean continuedByPlan() {
        return false;
    }

    /**
     * Where a woken waiter's program side was told it took the lock it waited for (a {@link #continuation}
     * foresaw it), the thread handing it the core may carry out that taking for it; {@code then} is told at once,
     * with the waiter's id, on the handing thread, while the waiter's own thread still sleeps (the waiter is the
     * current thread meanwhile: {@link #continuedByPlan}, {@link #plan} and the rest are asked for it). Its own
     * thread then finds the acquire done. Runtimes that never do so ignore it.
     */
    public void whenTakenForTheWaiter(java.util.function.IntConsumer then) {
    }

    /**
     * Whether a program run elsewhere may go through the point after its grant before the engine records it: only
     * one thread runs at a time, so nothing else happens between the two, and no pick, command, pause or step
     * waits to apply first.
     */
    public boolean mayRunAhead() {
        return false;
    }

    /**
     * The current thread went through one point more than its grant (the one after it, see {@link #mayRunAhead}):
     * picks and commands wait for that point too.
     */
    public void oneMorePointGranted() {
    }

    /** Marks the line of the scenario's Python equivalent the current thread is on (no scheduling point). */
    public final void line(int line) {
        Strand me = current();
        if (me != null) {
            me.line = line;
        }
    }

    /**
     * For a grant: whether the current thread's acquire of this Lock or RLock would take it at once (false for any
     * other primitive). Within a grant nothing else runs, so it stays true until the thread itself takes it.
     */
    public final boolean acquirePassesNow(Acquirable lock) {
        return lock instanceof Mutex m && m.takesAtOnce(current());
    }

    /** A Lock or RLock as a grant and its plan may use it: who holds it (a thread's id, -1 for none), how deep. */
    public record LockState(int holder, int depth) {
    }

    /**
     * Who holds a Lock, an RLock or a Condition's lock (a thread's id, -1 for none) and how deep, as CPython's reprs
     * and an RLock's {@code _is_owned} and {@code _recursion_count} read them; a query, not a scheduling point.
     */
    public final LockState holderOf(Object primitive) {
        Object lock = primitive instanceof PyCondition c ? c.lock() : primitive;
        return lock instanceof Mutex m && m.owner != null ? new LockState(m.owner.id, m.depth) : new LockState(-1, 0);
    }

    /** How many threads wait in a Condition's wait (0 for anything else): the count in CPython's repr of it. */
    public final int waitingIn(Object primitive) {
        return primitive instanceof PyCondition c ? c.waiting() : 0;
    }

    /**
     * For a grant and its plan: the Lock or RLock as its threads may take and give it back without asking while
     * they last, or null where only the engine may hand it over: it is neither; another thread holds it and someone
     * waits for it (giving it back wakes that one); or it is free with waiters while a plan foresees slices after
     * this one (whoever takes it and gives it back wakes the next waiter, and the slices foreseen would be wrong).
     * The current thread may give back its own even with waiters: no plan is made then. Nobody starts to wait
     * during a plan: a call that may block asks the engine and ends it.
     */
    public final LockState passableLock(Acquirable lock) {
        if (!(lock instanceof Mutex m)) {
            return null;
        }
        boolean waited = !m.waiters.isEmpty();
        if (m.owner == null) {
            return waited && plansAhead() ? null : new LockState(-1, 0);
        }
        return m.owner == current() || !waited ? new LockState(m.owner.id, m.depth) : null;
    }

    /** Whether the last {@link #plan} or {@link #continuation} foresaw slices after the current one still to come. */
    boolean plansAhead() {
        return false;
    }

    /** How deep the current thread holds this Lock or RLock (0: not at all, or not a Lock or RLock). */
    public final int heldDepth(Acquirable lock) {
        return lock instanceof Mutex m ? m.depthHeldBy(current()) : 0;
    }

    /** Virtual ticks (sim, cooperative) or nanoseconds since start (os). */
    public abstract long now();

    public final String currentThreadName() {
        Strand me = current();
        return me == null ? "?" : me.name;
    }

    // ---- the runtime: how threads are run ----
    //
    // A primitive's operation is written once, as:
    //     Strand me = begin(); try { ...rules...; commit(me); } finally { leave(me); }
    // SimKernel runs one thread at a time (the baton), so begin() only passes the gate and commit() is where
    // the scheduler may switch; OsKernel runs threads in parallel, so begin() takes one monitor that guards
    // every primitive's state and leave() gives it back.

    /** The thread calling, or null outside the run. */
    abstract Strand current();

    /** Starts an operation of the current thread: the gate (pause, step, commands), then exclusive access. */
    abstract Strand begin();

    /** The operation's scheduling point is complete (sim: the thread spends its slot and may be switched out). */
    abstract void commit(Strand me);

    /** Ends exclusive access, whether the operation completed or raised. Always in a finally. */
    abstract void leave(Strand me);

    /**
     * Blocks {@code me} on {@code on} until a {@link #wake} (true) or the deadline (false, after removing it
     * from {@code on}'s queue), giving up exclusive access meanwhile. The caller has queued {@code me}.
     */
    final boolean block(Strand me, Waitable on, long deadline, Strand.State state) {
        if (me.external) {
            throw PyErrors.actionCannotBlock();
        }
        markBlocked(me, on, state);
        suspend(me, deadline);
        return !me.timedOut;
    }

    /** The state of a thread that starts to wait on {@code on}. */
    static void markBlocked(Strand me, Waitable on, Strand.State state) {
        me.state = state;
        me.waitingOn = on;
        me.timedOut = false;
    }

    /** The runtime's half of {@link #block}: sets the deadline, waits, and on a timeout sets timedOut. */
    abstract void suspend(Strand me, long deadline);

    /** Makes a blocked thread runnable again; it re-checks what it waited for when it runs. */
    final void wake(Strand t, int object, int value) {
        t.waitingOn = null;
        resumable(t);
        out.woken(t, object, value);
    }

    /** The runtime's half of {@link #wake}: cancels the deadline and lets the thread run again. */
    abstract void resumable(Strand t);

    /** Called when a timed wait ends with no wake: drops the waiter from its queue and records the timeout. */
    final void timedOut(Strand t) {
        Waitable w = t.waitingOn;
        w.removeWaiter(t);
        t.waitingOn = null;
        t.timedOut = true;
        out.woken(t, w.traceId(), -1);
    }

    /** A checked timeout in seconds as a deadline on the runtime's clock; -1 for {@link Timeouts#FOREVER}. */
    abstract long deadline(double seconds);

    /** Makes the thread's platform thread and lets it run (sim: queues it as ready). */
    abstract void launch(Strand t);

    /**
     * CPython's {@code Thread.start()} returns only once the new thread runs (it waits on the thread's
     * {@code _started} event, and the new thread keeps the interpreter until it blocks or its time is up): the
     * parent, {@code me}, waits until {@code child} has begun.
     */
    abstract void awaitStart(Strand me, Strand child);

    abstract Strand newStrand(String name, boolean daemon, boolean external, Runnable body);

    /** Every thread of the run but the user's, in the order they were made. */
    abstract List<? extends Strand> strands();

    /** A user's command, at the point where the run takes it in. */
    final void recordCommand(Strand user, Command c) {
        switch (c.kind()) {
            case PARAM -> out.paramChanged(user, c.index(), c.value());
            case ACTION -> out.actionFired(user, c.index());
            case INPUT -> { } // the keyboard records the line itself, as it takes it
        }
    }

    /** Registers a shared object in the trace (os: under the monitor, as other threads may register too). */
    int addObject(String name, interleave.trace.ObjectType type, int initial) {
        return trace.addObject(name, type, initial);
    }

    int addThread(String name, boolean daemon, boolean external) {
        return trace.addThread(name, daemon, external);
    }

    /**
     * A thread's body has ended: records it, wakes its joiners, and if it was the last non-daemon thread ends
     * the run (daemon threads die mid-step, as the interpreter exits). Returns true if the run is over.
     */
    final boolean retire(Strand t) {
        out.ended(t);
        t.state = Strand.State.FINISHED;
        t.joiners.wakeAll(this, -1, t.id);
        if (strands().stream().anyMatch(s -> s.isAlive() && !s.daemon)) {
            return false;
        }
        for (Strand d : strands()) {
            if (d.isAlive()) {
                d.state = Strand.State.FINISHED;
                out.killed(d);
            }
        }
        return true;
    }

    // ---- lifecycle ----

    /** Starts the run: {@code main} runs on a new worker named MainThread. Returns at once. */
    public abstract void start(Runnable main);

    /** Ends the run now with this outcome; the other workers end at their next step. */
    abstract void endRun(RunOutcome outcome);

    /**
     * From now on no worker records anything (each ends at its next point): called holding the exclusive access,
     * so that nothing is recorded between the end written there and {@link #endRun}.
     */
    abstract void stopRecording();

    /**
     * {@code os._exit()}: the program's process ends at once, and its other threads with it, where they are (cut
     * off, as daemon threads at the end of a program); the run is over.
     */
    public final void exitProgram() {
        endProcess(null, null, RunOutcome.Status.FINISHED);
    }

    /**
     * The program's process is gone before its threads ended (the watchdog ended it, or it died): the thread named
     * {@code culprit} ends with {@code error} (a ThreadingError's text, "RuntimeError: ..."), the others are cut
     * off where they are, and the run stops. The others are not to blame: no error of theirs. The first worker to
     * see the process gone calls it; those after it find the run stopped.
     */
    public final void programGone(String culprit, String error) {
        endProcess(culprit, error, RunOutcome.Status.STOPPED);
    }

    /**
     * The process is gone: every thread still alive ends where it is, cut off; {@code culprit} (if any) with
     * {@code error}; with none (os._exit) the calling thread simply ends. Then the run is over with {@code status}.
     */
    private void endProcess(String culprit, String error, RunOutcome.Status status) {
        Strand me = begin();
        try {
            for (Strand s : strands()) {
                if (!s.isAlive()) {
                    continue;
                }
                s.state = Strand.State.FINISHED;
                if (s.name.equals(culprit)) {
                    errors.add(s.name + ": " + error);
                    out.raised(s, trace.intern(error));
                }
                if (culprit == null && s == me) {
                    out.ended(s);
                } else {
                    out.killed(s);
                }
            }
            stopRecording();
        } finally {
            leave(me);
        }
        endRun(new RunOutcome(status, null, errors()));
    }

    public boolean done() {
        return outcome.isDone();
    }

    /** Waits for the run to end (finished, deadlock or stopped). */
    public RunOutcome awaitOutcome() throws InterruptedException {
        try {
            return outcome.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Waits at most the given time; null if the run has not ended. */
    public RunOutcome awaitOutcome(long millis) throws InterruptedException {
        try {
            return outcome.get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    public RunOutcome outcomeNow() {
        return outcome.getNow(null);
    }

    /** Waits until every worker thread of the run has terminated; true if they all did in time. */
    public boolean awaitTermination(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        for (Thread t : javaThreads) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return !anyAlive();
            }
            t.join(left);
        }
        return !anyAlive();
    }

    public boolean anyAlive() {
        return javaThreads.stream().anyMatch(Thread::isAlive);
    }

    /** The Python-style errors raised in worker threads, e.g. "T1: RuntimeError: release unlocked lock". */
    public List<String> errors() {
        synchronized (errors) {
            return List.copyOf(errors);
        }
    }

    protected final boolean complete(RunOutcome o) {
        return outcome.complete(o);
    }

    /**
     * CPython's {@code Condition.wait_for(predicate, timeout)}: waits for notifies until the predicate holds or
     * the time is up, counting the time from the first wait. A NaN timeout (CPython then re-checks in a busy loop
     * until the predicate holds) waits for notifies with no timeout.
     */
    final boolean waitFor(Condition c, java.util.function.BooleanSupplier predicate, double timeout) {
        if (Double.isNaN(timeout)) {
            return c.awaitFor(predicate);
        }
        double end = Double.NaN;
        double waitTime = timeout;
        boolean result = predicate.getAsBoolean();
        while (!result) {
            if (Double.isNaN(end)) {
                end = seconds() + waitTime;
            } else {
                waitTime = end - seconds();
                if (waitTime <= 0) {
                    break;
                }
            }
            c.await(waitTime);
            result = predicate.getAsBoolean();
        }
        return result;
    }

    /** {@link #now()} in seconds: virtual ones (sim, cooperative) or real ones since the start (os). */
    public final double seconds() {
        return settings.mode().virtualTime() ? now() / (double) TICKS_PER_SECOND : now() / 1e9;
    }

    protected static String describe(Throwable e) {
        if (e instanceof ThreadingError te) {
            return te.toString();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
