package interleave.engine;

import interleave.trace.Deadlock;
import interleave.trace.SwitchReason;
import interleave.trace.Trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * The baton runtime of the deterministic modes (sim and cooperative), over real platform threads. The rules
 * of the primitives are not here (see the Py* classes); this class decides who runs.
 *
 * <p>Only a thread that holds the baton executes; all others wait for their turn. Every instrumented
 * operation is a scheduling point: the thread records its event, spends one slot of the current tick,
 * and the kernel decides who holds the baton next. With N virtual cores, the N running threads take one
 * slot each per tick, one after the other, so a tick of N cores is serialised underneath and the run stays
 * deterministic. Time is virtual: a tick per round of slots, and sleeps jump the clock. Who goes next and
 * for how long is the {@link SchedulingPolicy}'s choice.
 *
 * <p>All kernel state is touched only by the baton holder (see {@link Baton}), which is also why
 * {@link #begin()} needs no lock. What a Python program's threads may do before the runtime decides (plans,
 * continuations, hand-offs), and the checks of it, are {@link RunAhead}'s.
 */
final class SimKernel extends Kernel {
    final SchedulingPolicy policy;
    private final SimThread[] core;
    private final int[] vacatedBy;
    private final SwitchReason[] vacatedWhy;
    final List<SimThread> ready = new ArrayList<>();
    final PriorityQueue<SimThread> timed = new PriorityQueue<>(
            Comparator.comparingLong((SimThread t) -> t.deadline).thenComparingInt(t -> t.id));
    private final List<SimThread> all = new ArrayList<>();
    private final SimThread[] byId = new SimThread[Trace.MAX_THREADS + 1];
    private final List<SimThread> wokenFromSleep = new ArrayList<>();
    private int cursor;
    long now;
    SimThread cur;
    private SimThread user;
    private volatile boolean stopping;
    private final Baton baton = new Baton(() -> stopping);
    /** What the Python side is told it may do before the runtime decides, checked as it comes. */
    private final RunAhead runAhead = new RunAhead(this);

    SimKernel(Trace trace, RunSettings settings, RunControl control) {
        super(trace, settings, control);
        this.policy = SchedulingPolicy.of(settings);
        int n = policy.cores();
        this.core = new SimThread[n];
        this.vacatedBy = new int[n];
        this.vacatedWhy = new SwitchReason[n];
        Arrays.fill(vacatedBy, -1);
        Arrays.fill(vacatedWhy, SwitchReason.IDLE);
        control.onStop(this::stopAll);
    }

    // =====================================================================================
    // threads
    // =====================================================================================

    /** A thread as the baton runtime sees it: its core, its slice, and the turn flag it waits on. */
    final class SimThread extends Strand {
        final Baton.Seat seat = new Baton.Seat();
        int sliceUsed;
        int sliceLen;
        int core = -1;
        boolean yieldRequested;
        /** Set once the thread has had the core for the first time (start() then has nothing to wait for). */
        boolean begun;
        /** Points of a {@link #grant()} not yet gone through: picks and commands wait for them. */
        int granted;
        /** Switched in as a {@link #plan} foresaw, not yet told to its worker. */
        boolean plannedIn;
        /** Went on with a new slice as a {@link #continuation} foresaw, not yet told to its worker. */
        boolean continued;
        /** Of those, one told it took the lock it waits for: see {@link #takeForTheWaiter}. */
        boolean toldItTookTheLock;

        SimThread(String name, boolean daemon, boolean external, Runnable body) {
            super(SimKernel.this, name, daemon, external, body);
            byId[id] = this;
            if (!external) {
                all.add(this);
            }
        }
    }

    @Override
    Strand newStrand(String name, boolean daemon, boolean external, Runnable body) {
        return new SimThread(name, daemon, external, body);
    }

    @Override
    List<SimThread> strands() {
        return all;
    }

    @Override
    Strand current() {
        return cur;
    }

    @Override
    void launch(Strand s) {
        SimThread t = (SimThread) s;
        startJavaThread(t);
        t.state = Strand.State.READY;
        ready.add(t);
    }

    /**
     * The new thread takes the parent's core at once (the parent is ready again, as CPython's parent is once the
     * new thread has set its started event); where a core is free, the new thread starts there at the next tick.
     */
    @Override
    void awaitStart(Strand parent, Strand child) {
        SimThread me = (SimThread) parent;
        SimThread t = (SimThread) child;
        // cooperative mode (greenlets, gevent): spawning never switches; a child that has begun already (the
        // parent was switched out at its point) needs no hand-off
        if (me == user || me.core < 0 || t.begun || t.state != Strand.State.READY || !policy.preemptive()) {
            return;
        }
        for (SimThread c : core) {
            if (c == null) {
                return;
            }
        }
        giveCore(me, t, SwitchReason.STARTED);
    }

    /** The running thread {@code me} gives its core to the ready thread {@code t} now and waits its turn. */
    private void giveCore(SimThread me, SimThread t, SwitchReason why) {
        int c = me.core;
        ready.remove(t);
        me.state = Strand.State.READY;
        ready.add(me);
        core[c] = null;
        me.core = -1;
        place(c, t, me.id, why);
        handTo(me, t);
    }

    private void startJavaThread(SimThread t) {
        Thread j = new Thread(() -> body(t), "interleave-" + t.name);
        j.setDaemon(true); // the JVM never waits for a worker; the kernel decides when a run is over
        t.seat.java = j;
        javaThreads.add(j);
        j.start();
    }

    private void body(SimThread t) {
        try {
            baton.await(t.seat);
            t.begun = true;
            resume(t);
            out.started(t);
            endPoint(t);
            t.body.run();
            exit(t);
        } catch (RunStopped stopped) {
            // the run ended around this thread
        } catch (Throwable e) {
            if (!stopping) {
                errors.add(t.name + ": " + describe(e));
                try {
                    out.raised(t, trace.intern(describe(e)));
                    exit(t);
                } catch (RunStopped stopped) {
                    // ended while reporting
                }
            }
        }
    }

    private void exit(SimThread t) {
        if (retire(t)) {
            finish(new RunOutcome(RunOutcome.Status.FINISHED, null, errors()));
            return;
        }
        vacate(t, SwitchReason.FINISHED);
        advance(t);
    }

    // =====================================================================================
    // the baton
    // =====================================================================================

    @Override
    public void start(Runnable main) {
        SimThread m = new SimThread("MainThread", false, false, main);
        cursor = 0;
        place(0, m, -1, SwitchReason.IDLE);
        cur = m;
        baton.give(m.seat);
        startJavaThread(m);
    }

    private void handTo(SimThread me, SimThread next) {
        next = skipFailingRechecks(me, next);
        if (next == me) {
            return;
        }
        takeForTheWaiter(next);
        cur = next;
        baton.pass(next.seat);
        if (me.state == Strand.State.FINISHED) {
            return;
        }
        baton.await(me.seat);
    }

    /** Off only in tests, which compare the traces of both ways. */
    boolean rechecksInPlace = true;
    /** How many re-checks {@link #skipFailingRechecks} carried out (read by tests and benchmarks, after a run). */
    int rechecksDoneInPlace;

    /**
     * A thread about to get the core that was woken to re-check a Lock or Semaphore it waits for, and would find it
     * taken again (the thread that let it go kept running and took it back), would only record that and wait again.
     * The thread handing over does that for it, with the same events in the same order and the same choice of the
     * next thread, instead of waking its platform thread to put it back to sleep: two hand-overs saved, each a
     * wake-up of a parked thread. Not while a pause, step or command waits (the waiter's own gate comes first).
     * Returns the thread that runs next.
     */
    private SimThread skipFailingRechecks(SimThread me, SimThread next) {
        while (rechecksInPlace && next != me && !stopping && !control.attention && next.recheck != null
                && !next.timedOut && !next.recheck.isFree()) {
            SimThread waiter = next;
            Queued.Recheck recheck = waiter.recheck;
            rechecksDoneInPlace++;
            cur = waiter;
            recheck.waitAgain();
            Kernel.markBlocked(waiter, recheck.on(), recheck.state());
            setDeadline(waiter, recheck.deadline());
            vacate(waiter, SwitchReason.BLOCKED);
            int i = nextInRound(waiter);
            if (i < 0) {
                break;
            }
            next = core[i];
        }
        cur = me;
        if (stopping && next != me) {
            return stoppedAround(me);
        }
        return next;
    }

    /** See {@link #whenTakenForTheWaiter}; null: nobody is told. */
    private IntConsumer takenForTheWaiter;

    @Override
    public void whenTakenForTheWaiter(IntConsumer then) {
        takenForTheWaiter = then;
    }

    /**
     * A woken waiter about to get the core that its program's side was told took the lock (a continuation foresaw
     * it) and that finds it free: the thread handing over takes it for the waiter, with the same events in the
     * same order, and tells {@link #whenTakenForTheWaiter} at once, so that what the waiter's worker would say
     * next goes out before that worker is woken (a wake-up of a parked thread less on the waiter's way). Only where
     * the taking is sure to be a plain point: neither its slice nor the tick ends there.
     */
    private void takeForTheWaiter(SimThread next) {
        boolean told = next.toldItTookTheLock;
        next.toldItTookTheLock = false;
        Queued.Recheck recheck = next.recheck;
        if (!told || takenForTheWaiter == null || !rechecksInPlace || stopping || control.attention
                || recheck == null || recheck.takes() == null || next.timedOut || !recheck.isFree()
                || core.length != 1 || next.yieldRequested || next.sliceUsed + 1 >= next.sliceLen
                || !timed.isEmpty() && timed.peek().deadline <= now + 1
                // the waiter keeps a point of its grant after the taking: a pause that comes before its worker
                // runs then takes no pick or command there, as with the worker's own taking (see attend)
                || next.granted < 2) {
            return;
        }
        cur = next;
        recheck.takeForIt();
        takenForTheWaiter.accept(next.id);
    }

    private void stopAll() {
        stopping = true;
        complete(new RunOutcome(RunOutcome.Status.STOPPED, null, errors()));
        wakeEveryone();
    }

    @Override
    void stopRecording() {
        stopping = true;
    }

    @Override
    void endRun(RunOutcome outcome) {
        finish(outcome);
    }

    private void finish(RunOutcome outcome) {
        stopping = true;
        complete(outcome);
        wakeEveryone();
    }

    private void wakeEveryone() {
        for (Thread j : javaThreads) {
            LockSupport.unpark(j);
        }
        synchronized (control) {
            control.notifyAll();
        }
    }

    // =====================================================================================
    // scheduling points
    // =====================================================================================

    /** The gate for pause, step, commands, picks and stop. The baton holder is the only thread running. */
    @Override
    Strand begin() {
        SimThread me = cur;
        if (stopping) {
            throw new RunStopped();
        }
        if (control.attention && me != user) {
            attend(me);
        }
        return me;
    }

    @Override
    void commit(Strand me) {
        endPoint((SimThread) me);
    }

    @Override
    void leave(Strand me) {
        // one thread at a time: nothing to give back
    }

    /** The points the fast path of {@link #endPoint} is sure to take: one core, the slice and the clock allow. */
    @Override
    public int grant() {
        SimThread me = cur;
        if (me == null || me == user) {
            return 0;
        }
        if (!goesOnUnasked(me)) {
            me.granted = 0; // what is left of an earlier grant is given back: a pick may apply at once
            return 0;
        }
        long bySlice = policy.preemptive() ? me.sliceLen - me.sliceUsed - 1L : Integer.MAX_VALUE;
        long byClock = timed.isEmpty() ? Integer.MAX_VALUE : timed.peek().deadline - now - 1;
        me.granted = (int) Math.max(0, Math.min(Integer.MAX_VALUE, Math.min(bySlice, byClock)));
        return me.granted;
    }

    /** How many times a thread was put on a core: see {@link #coreSample()}. */
    private volatile long placements;

    @Override
    public CoreSample coreSample() {
        if (policy.preemptive()) {
            return null;
        }
        SimThread running = cur;
        return new CoreSample(placements, running == null ? null : running.name, !ready.isEmpty());
    }

    @Override
    public long tickOfTheGrant() {
        return goesOnUnasked(cur) ? now : -1;
    }

    /**
     * What a grant, and the plans after it, need: one core (one thread runs at a time), nothing asked of the run
     * (stop, pause, step, a pick or a command), and the thread on its core, not yielding.
     */
    boolean goesOnUnasked(SimThread me) {
        return me != null && me != user && core.length == 1 && !stopping && !control.attention && !me.yieldRequested
                && me.core >= 0;
    }

    @Override
    public void grantReturned() {
        SimThread me = cur;
        if (me != null && me != user) {
            me.granted = 0;
            runAhead.asked();
        }
    }

    @Override
    public int[] plan(java.util.function.IntPredicate waitsForGo, int maxSlices) {
        return runAhead.plan(waitsForGo, maxSlices);
    }

    @Override
    public Continuation aheadOf(int slice) {
        return runAhead.aheadOf(slice);
    }

    @Override
    public Continuation continuation(java.util.function.Predicate<Acquirable> known,
                                     java.util.function.IntPredicate inAcquire) {
        return runAhead.continuation(known, inAcquire);
    }

    @Override
    public boolean goesOnAsItKnows() {
        return runAhead.goesOnAsItKnows();
    }

    @Override
    public void handedOnIfBlocked(int thread, int budget, boolean withItsContinuation) {
        SimThread next = thread >= 0 && thread < byId.length ? byId[thread] : null;
        runAhead.handedOnIfBlocked(next, thread, budget, withItsContinuation);
    }

    @Override
    public void handedOnAsForeseen() {
        runAhead.handedOnAsForeseen();
    }

    @Override
    public boolean continuedByPlan() {
        SimThread me = cur;
        if (me == null || !me.continued) {
            return false;
        }
        me.continued = false;
        me.plannedIn = false; // resumed by the plan too: nothing more to tell its worker
        me.toldItTookTheLock = false;
        return true;
    }

    @Override
    boolean plansAhead() {
        return runAhead.plansAhead();
    }

    @Override
    public boolean resumedByPlan() {
        SimThread me = cur;
        if (me == null || !me.plannedIn) {
            return false;
        }
        me.plannedIn = false;
        return true;
    }

    @Override
    public boolean mayRunAhead() {
        return core.length == 1 && !control.attention && !stopping;
    }

    @Override
    public void oneMorePointGranted() {
        SimThread me = cur;
        if (me != null && me != user) {
            me.granted++;
        }
    }

    /** After a blocked thread gets the core back: the gate again, so each point is one step. */
    private void resume(SimThread me) {
        if (stopping) {
            throw new RunStopped();
        }
        if (control.attention) {
            attend(me);
        }
    }

    private void attend(SimThread me) {
        while (true) {
            if (stopping) {
                throw new RunStopped();
            }
            // granted points have happened elsewhere: pause and step only
            boolean takesInput = me.granted == 0 && runAhead.nothingForeseen();
            if (takesInput) {
                applyCommands();
                int pick = control.takePick();
                if (pick >= 0) {
                    manualPick(me, pick);
                }
            }
            RunControl.Gate gate = control.passGate(takesInput);
            if (gate == RunControl.Gate.STOPPED) {
                throw new RunStopped();
            }
            if (gate == RunControl.Gate.PROCEED) {
                return;
            }
        }
    }

    private void applyCommands() {
        for (Command c : control.drainCommands()) {
            SimThread saved = cur;
            cur = user();
            try {
                recordCommand(cur, c);
                c.effect().run();
            } catch (ThreadingError e) {
                errors.add("action: " + e);
                out.raised(cur, trace.intern(e.toString()));
            } finally {
                cur = saved;
            }
        }
    }

    private SimThread user() {
        if (user == null) {
            user = new SimThread("you", false, true, () -> { });
        }
        return user;
    }

    private void manualPick(SimThread me, int id) {
        SimThread t = id < byId.length ? byId[id] : null;
        if (t == null || t == me || !policy.acceptsPicks() || t.state != Strand.State.READY || me.core < 0) {
            return;
        }
        giveCore(me, t, SwitchReason.MANUAL);
    }

    /** The thread spent its slot of this tick. */
    private void endPoint(SimThread me) {
        if (me == user) {
            return;
        }
        me.sliceUsed++;
        if (me.granted > 0) {
            me.granted--;
        }
        // Fast path, one core: the tick ends and nothing can change hands, exactly as endOfTick would find
        if (core.length == 1 && !me.yieldRequested && me.sliceUsed < me.sliceLen
                && (timed.isEmpty() || timed.peek().deadline > now + 1)) {
            now++;
            return;
        }
        advance(me);
    }

    private void advance(SimThread me) {
        int next = nextInRound(me);
        if (next < 0) {
            stoppedAround(me);
            return;
        }
        handTo(me, core[next]);
    }

    /**
     * The core whose thread has the next slot after {@code me}'s point, ending the tick when every core had its
     * slot; -1 if the run ended meanwhile.
     */
    private int nextInRound(SimThread me) {
        int next = nextBusyCore(cursor + 1);
        if (next < 0) {
            endOfTick(me);
            if (stopping) {
                return -1;
            }
            next = nextBusyCore(0);
        }
        cursor = next;
        return next;
    }

    /** The run ended while {@code me} handed over: a finished thread's platform thread just ends, others stop. */
    private SimThread stoppedAround(SimThread me) {
        if (me.state == Strand.State.FINISHED) {
            return me;
        }
        throw new RunStopped();
    }

    private int nextBusyCore(int from) {
        for (int i = from; i < core.length; i++) {
            if (core[i] != null) {
                return i;
            }
        }
        return -1;
    }

    private void endOfTick(SimThread me) {
        now++;
        wakeDue();
        for (int i = 0; i < core.length; i++) {
            SimThread t = core[i];
            if (t == null) {
                fill(i);
            } else if (t.yieldRequested) {
                t.yieldRequested = false;
                if (!ready.isEmpty()) {
                    preempt(i, SwitchReason.YIELD);
                }
            } else if (policy.preemptive() && t.sliceUsed >= t.sliceLen) {
                runAhead.sliceEnds(t);
                if (ready.isEmpty()) {
                    newSlice(t);
                } else {
                    preempt(i, SwitchReason.SLICE_OVER);
                }
            }
        }
        if (policy.preemptive() && !wokenFromSleep.isEmpty()) {
            preemptForWoken();
        }
        wokenFromSleep.clear();
        while (nextBusyCore(0) < 0) {
            if (!ready.isEmpty()) {
                for (int i = 0; i < core.length; i++) {
                    fill(i);
                }
            } else if (!timed.isEmpty()) {
                now = Math.max(now, timed.peek().deadline);
                wakeDue();
                wokenFromSleep.clear();
            } else {
                Deadlock d = WaitForGraph.cycle(all);
                if (d == null && !control.interactive()) {
                    d = WaitForGraph.everyoneStuck(all);
                }
                if (d != null) {
                    reportDeadlock(d);
                    return;
                }
                // a user is present: wait for a button (e.g. "Set event") to release someone
                if (!control.awaitOutsideInput()) {
                    throw new RunStopped();
                }
                applyCommands();
            }
        }
    }

    private void preemptForWoken() {
        for (SimThread w : wokenFromSleep) {
            if (w.state != Strand.State.READY) {
                continue;
            }
            int victim = -1;
            for (int i = 0; i < core.length; i++) {
                if (core[i] != null && (victim < 0 || core[i].sliceUsed > core[victim].sliceUsed)) {
                    victim = i;
                }
            }
            if (victim < 0) {
                break;
            }
            SimThread out = core[victim];
            ready.remove(w);
            out.state = Strand.State.READY;
            ready.add(out);
            place(victim, w, out.id, SwitchReason.PREEMPTED);
        }
        wokenFromSleep.clear();
    }

    private void fill(int i) {
        if (core[i] == null && !ready.isEmpty()) {
            SimThread t = policy.next(ready);
            place(i, t, vacatedBy[i], vacatedBy[i] < 0 ? SwitchReason.IDLE : vacatedWhy[i]);
        }
    }

    private void preempt(int i, SwitchReason why) {
        SimThread out = core[i];
        SimThread in = policy.next(ready);
        out.state = Strand.State.READY;
        ready.add(out);
        place(i, in, out.id, why);
        runAhead.switchedIn(in, why);
    }

    private void place(int i, SimThread t, int outId, SwitchReason why) {
        runAhead.placing(t, why);
        placements++; // (written by the baton's holder only; read by a watchdog)
        core[i] = t;
        t.core = i;
        t.state = Strand.State.RUNNING;
        newSlice(t);
        vacatedBy[i] = -1;
        vacatedWhy[i] = SwitchReason.IDLE;
        out.switched(t, outId, why);
    }

    private void newSlice(SimThread t) {
        t.sliceUsed = 0;
        t.sliceLen = policy.sliceLength();
        runAhead.newSlice(t);
    }

    private void vacate(SimThread t, SwitchReason why) {
        if (t.core >= 0) {
            core[t.core] = null;
            vacatedBy[t.core] = t.id;
            vacatedWhy[t.core] = why;
            t.core = -1;
        }
    }

    // =====================================================================================
    // blocking and waking
    // =====================================================================================

    @Override
    void suspend(Strand s, long deadline) {
        SimThread me = (SimThread) s;
        setDeadline(me, deadline);
        vacate(me, SwitchReason.BLOCKED);
        advance(me);
        resume(me);
    }

    private void setDeadline(SimThread me, long deadline) {
        // a deadline that passed while the thread waited for a core ends the wait at the next tick
        me.deadline = deadline < 0 ? -1 : Math.max(now, deadline);
        if (deadline >= 0) {
            timed.add(me);
        }
    }

    @Override
    void resumable(Strand s) {
        SimThread t = (SimThread) s;
        if (t.deadline >= 0) {
            timed.remove(t);
            t.deadline = -1;
        }
        t.state = Strand.State.READY;
        ready.add(t);
    }

    @Override
    long deadline(double seconds) {
        long ticks = Timeouts.ticks(seconds);
        return ticks < 0 ? -1 : now + ticks;
    }

    private void wakeDue() {
        while (!timed.isEmpty() && timed.peek().deadline <= now) {
            SimThread t = timed.poll();
            t.deadline = -1;
            if (t.state == Strand.State.SLEEPING) {
                wokenFromSleep.add(t);
                t.state = Strand.State.READY;
                ready.add(t);
                out.woken(t, -1, 0);
            } else {
                t.state = Strand.State.READY;
                ready.add(t);
                timedOut(t);
            }
        }
    }

    private void reportDeadlock(Deadlock d) {
        int n = d.threads().size();
        for (int i = 0; i < n; i++) {
            SimThread t = byId[d.threads().get(i)];
            out.inDeadlock(t, d.resources().get(i), d.waitsFor().get(i));
        }
        finish(new RunOutcome(RunOutcome.Status.DEADLOCK, d, errors()));
    }

    // =====================================================================================
    // time
    // =====================================================================================

    @Override
    public void sleep(double seconds) {
        long t = Timeouts.ticks(Timeouts.sleepSeconds(seconds));
        SimThread me = (SimThread) begin();
        if (t == 0) {
            yieldPoint(me);
            return;
        }
        out.slept(me, (int) Math.min(Integer.MAX_VALUE, t));
        me.state = Strand.State.SLEEPING;
        me.deadline = now + t;
        timed.add(me);
        vacate(me, SwitchReason.SLEEP);
        advance(me);
        // no gate here: waking records nothing, so the thread's next operation is the next step
        if (stopping) {
            throw new RunStopped();
        }
    }

    @Override
    public void yieldNow() {
        yieldPoint((SimThread) begin());
    }

    private void yieldPoint(SimThread me) {
        out.yielded(me);
        me.yieldRequested = true;
        endPoint(me);
    }

    @Override
    public long now() {
        return now;
    }
}
