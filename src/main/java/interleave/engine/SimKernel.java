package interleave.engine;

import interleave.trace.Deadlock;
import interleave.trace.EventKind;
import interleave.trace.ObjectType;
import interleave.trace.SwitchReason;
import interleave.trace.Trace;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * The deterministic scheduler of sim and cooperative modes, over real platform threads.
 *
 * <p>Only a thread that holds the baton executes; all others wait for their turn. Every instrumented
 * operation is a scheduling point: the thread records its event, spends one slot of the current tick,
 * and the kernel decides who holds the baton next. With N virtual cores, the N running threads take one
 * slot each per tick, one after the other, so a tick of N cores is serialised underneath and the run stays
 * deterministic. Time is virtual: a tick per round of slots, and sleeps jump the clock.
 *
 * <p>All kernel state is touched only by the baton holder. The hand-off writes the next thread's volatile
 * {@code turn} flag, which orders every write before it; the waiting side spins briefly (when a CPU is free
 * for it) and then parks.
 */
final class SimKernel extends Kernel {
    /** How long a waiting worker spins before it parks: a park/unpark hand-off costs 5 to 25 us here. */
    private static final long SPIN_NANOS = 50_000;
    /*
     * One spinner per CPU. Not CPUs - 1: at a hand-off the receiver is still leaving its spin loop when the
     * giver starts its own, so two slots are briefly taken even though only one thread runs.
     */
    private static final int MAX_SPINNERS = Runtime.getRuntime().availableProcessors();
    private static final AtomicInteger SPINNERS = new AtomicInteger();

    enum St { NEW, READY, RUNNING, BLOCKED, WAITING, SLEEPING, FINISHED }

    /** Something a thread can block on: it knows its waiters (to drop one on timeout) and its holders. */
    interface Waitable {
        void removeWaiter(SimThread t);

        List<SimThread> holders();

        int traceId();
    }

    private final boolean cooperative;
    private final SplittableRandom rng;
    private final SimThread[] core;
    private final int[] vacatedBy;
    private final SwitchReason[] vacatedWhy;
    private final List<SimThread> ready = new ArrayList<>();
    private final PriorityQueue<SimThread> timed = new PriorityQueue<>(
            Comparator.comparingLong((SimThread t) -> t.deadline).thenComparingInt(t -> t.id));
    private final List<SimThread> all = new ArrayList<>();
    private final SimThread[] byId = new SimThread[Trace.MAX_THREADS + 1];
    private final List<SimThread> wokenFromSleep = new ArrayList<>();
    private int cursor;
    private long now;
    private int alive;
    private int aliveNonDaemon;
    private SimThread cur;
    private SimThread user;
    private volatile boolean stopping;

    SimKernel(Trace trace, RunSettings settings, RunControl control) {
        super(trace, settings, control);
        this.cooperative = settings.mode() == Mode.COOPERATIVE;
        this.rng = new SplittableRandom(settings.seed());
        int n = cooperative ? 1 : settings.cores();
        this.core = new SimThread[n];
        this.vacatedBy = new int[n];
        this.vacatedWhy = new SwitchReason[n];
        java.util.Arrays.fill(vacatedBy, -1);
        java.util.Arrays.fill(vacatedWhy, SwitchReason.IDLE);
        control.onStop(this::stopAll);
    }

    // =====================================================================================
    // threads
    // =====================================================================================

    final class SimThread implements Worker, Waitable {
        final int id;
        final String name;
        final boolean daemon;
        final Runnable body;
        final List<SimThread> joiners = new ArrayList<>();
        Thread java;
        St state = St.NEW;
        Waitable waitingOn;
        long deadline = -1;
        boolean timedOut;
        int line;
        int sliceUsed;
        /** Waits this thread parked at once (a busy machine): every 64th tries spinning again. */
        int parkedWaits;
        int sliceLen;
        int core = -1;
        boolean yieldRequested;
        volatile boolean turn;
        volatile boolean parked;

        SimThread(String name, boolean daemon, boolean external, Runnable body) {
            this.id = trace.addThread(name, daemon, external);
            this.name = name;
            this.daemon = daemon;
            this.body = body;
            byId[id] = this;
            if (!external) {
                all.add(this);
            }
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean daemon() {
            return daemon;
        }

        @Override
        public int id() {
            return id;
        }

        @Override
        public void start() {
            SimThread me = enter();
            if (state != St.NEW) {
                throw new ThreadingError("RuntimeError", "threads can only be started once");
            }
            launch(this);
            state = St.READY;
            ready.add(this);
            alive++;
            if (!daemon) {
                aliveNonDaemon++;
            }
            emit(me, EventKind.SPAWN, -1, id);
            endPoint(me);
        }

        @Override
        public void join() {
            joinWithin(false, Timeouts.FOREVER);
        }

        @Override
        public void join(double timeoutSeconds) {
            joinWithin(true, timeoutSeconds);
        }

        private void joinWithin(boolean timed, double timeoutSeconds) {
            SimThread me = enter();
            if (this == me) {
                throw new ThreadingError("RuntimeError", "cannot join current thread");
            }
            if (state == St.NEW) {
                throw new ThreadingError("RuntimeError", "cannot join thread before it is started");
            }
            if (state != St.FINISHED) {
                long timeout = timed ? Timeouts.ticks(Timeouts.joinTimeout(timeoutSeconds)) : -1;
                emit(me, EventKind.JOIN, -1, id);
                joiners.add(me);
                block(me, this, timeout, St.BLOCKED, SwitchReason.BLOCKED);
                resume(me);
            }
            emit(me, EventKind.JOINED, -1, id);
            endPoint(me);
        }

        @Override
        public boolean isAlive() {
            return state != St.NEW && state != St.FINISHED;
        }

        @Override
        public void removeWaiter(SimThread t) {
            joiners.remove(t);
        }

        @Override
        public List<SimThread> holders() {
            return List.of(this);
        }

        @Override
        public int traceId() {
            return -1;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private void launch(SimThread t) {
        Thread j = new Thread(() -> body(t), "interleave-" + t.name);
        j.setDaemon(true); // the JVM never waits for a worker; the kernel decides when a run is over
        t.java = j;
        javaThreads.add(j);
        j.start();
    }

    private void body(SimThread t) {
        try {
            awaitTurn(t);
            resume(t);
            emit(t, EventKind.THREAD_START, -1, 0);
            endPoint(t);
            t.body.run();
            exit(t);
        } catch (RunStopped stopped) {
            // the run ended around this thread
        } catch (Throwable e) {
            if (!stopping) {
                String msg = t.name + ": " + describe(e);
                errors.add(msg);
                try {
                    emit(t, EventKind.ERROR, -1, trace.intern(describe(e)));
                    exit(t);
                } catch (RunStopped stopped) {
                    // ended while reporting
                }
            }
        }
    }

    private void exit(SimThread t) {
        emit(t, EventKind.THREAD_END, -1, 0);
        t.state = St.FINISHED;
        alive--;
        if (!t.daemon) {
            aliveNonDaemon--;
        }
        for (SimThread j : List.copyOf(t.joiners)) {
            wake(j, -1, t.id);
        }
        t.joiners.clear();
        if (aliveNonDaemon == 0) {
            // Python: once every non-daemon thread is done, the interpreter exits and daemons die mid-step
            for (SimThread d : all) {
                if (d.isAlive()) {
                    d.state = St.FINISHED;
                    trace.append(now, d.id, EventKind.THREAD_KILLED, -1, 0, d.line);
                }
            }
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
        alive = 1;
        aliveNonDaemon = 1;
        cursor = 0;
        place(0, m, -1, SwitchReason.IDLE);
        cur = m;
        m.turn = true;
        launch(m);
    }

    private void awaitTurn(SimThread me) {
        boolean spin = false;
        if (!me.turn && spinPays(me)) {
            spin = SPINNERS.incrementAndGet() <= MAX_SPINNERS;
            if (!spin) {
                SPINNERS.decrementAndGet();
            }
        }
        if (spin) {
            try {
                long deadline = 0;
                int spins = 0;
                while (!me.turn && !stopping) {
                    Thread.onSpinWait();
                    if ((++spins & 255) == 0) {
                        long now = System.nanoTime();
                        if (deadline == 0) {
                            deadline = now + SPIN_NANOS;
                        } else if (now > deadline) {
                            break;
                        }
                    }
                }
            } finally {
                SPINNERS.decrementAndGet();
            }
        }
        boolean spinWon = me.turn;
        while (!me.turn) {
            if (stopping) {
                throw new RunStopped();
            }
            me.parked = true;
            if (!me.turn && !stopping) {
                LockSupport.park(this);
            }
            me.parked = false;
        }
        me.turn = false;
        if (spin) {
            recordSpin(spinWon); // now holding the baton: the score is ours to touch
        }
        if (stopping) {
            throw new RunStopped();
        }
    }

    /*
     * Spinning pays only while the thread that gets the baton is on a CPU. When the machine is busy (other
     * processes, fewer CPUs than spinners) a spinner mostly burns the CPU the baton holder needs, and every
     * hand-off ends in a park anyway. So the kernel keeps a score: a spin that ended with the baton raises it, a
     * spin that gave up lowers it more; below zero, waiters park at once, and every 64th wait spins again to see
     * whether the machine has calmed down. Only baton holders change the score (the count of parked waits is each
     * thread's own); a waiter may read a stale one,
     * which at worst delays the change between spinning and parking by a hand-off or two. Timing only: the
     * schedule, and so the trace, does not depend on it.
     */
    private int spinScore;

    private boolean spinPays(SimThread me) {
        return spinScore >= 0 || (++me.parkedWaits & 63) == 0;
    }

    private void recordSpin(boolean gotTheBaton) {
        spinScore = gotTheBaton ? Math.min(spinScore + 1, 16) : Math.max(spinScore - 4, -16);
    }

    private void handTo(SimThread me, SimThread next) {
        if (next == me) {
            return;
        }
        cur = next;
        next.turn = true;
        if (next.parked) {
            LockSupport.unpark(next.java);
        }
        if (me.state == St.FINISHED) {
            return;
        }
        awaitTurn(me);
    }

    private void stopAll() {
        stopping = true;
        complete(new RunOutcome(RunOutcome.Status.STOPPED, null, errors()));
        wakeEveryone();
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

    /** Entry of every operation: the gate for pause, step, commands, picks and stop. */
    private SimThread enter() {
        SimThread me = cur;
        if (stopping) {
            throw new RunStopped();
        }
        if (control.attention && me != user) {
            attend(me);
        }
        return me;
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
            applyCommands();
            int pick = control.takePick();
            if (pick >= 0) {
                manualPick(me, pick);
            }
            RunControl.Gate gate = control.passGate();
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
                emit(cur, c.kind() == Command.Kind.PARAM ? EventKind.PARAM : EventKind.ACTION, c.index(), c.value());
                c.effect().run();
            } catch (ThreadingError e) {
                errors.add("action: " + e);
                emit(cur, EventKind.ERROR, -1, trace.intern(e.toString()));
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
        if (t == null || t == me || cooperative || t.state != St.READY || me.core < 0) {
            return;
        }
        int c = me.core;
        ready.remove(t);
        me.state = St.READY;
        ready.add(me);
        core[c] = null;
        me.core = -1;
        place(c, t, me.id, SwitchReason.MANUAL);
        handTo(me, t);
    }

    private void emit(SimThread t, EventKind kind, int object, int value) {
        trace.append(now, t.id, kind, object, value, t.line);
    }

    /** The thread spent its slot of this tick. */
    private void endPoint(SimThread me) {
        if (me == user) {
            return;
        }
        me.sliceUsed++;
        // Fast path, one core: the tick ends and nothing can change hands, exactly as endOfTick would find
        if (core.length == 1 && !me.yieldRequested && (cooperative || me.sliceUsed < me.sliceLen)
                && (timed.isEmpty() || timed.peek().deadline > now + 1)) {
            now++;
            return;
        }
        advance(me);
    }

    private void advance(SimThread me) {
        int next = nextBusyCore(cursor + 1);
        if (next < 0) {
            endOfTick(me);
            if (stopping) {
                if (me.state == St.FINISHED) {
                    return;
                }
                throw new RunStopped();
            }
            next = nextBusyCore(0);
        }
        cursor = next;
        handTo(me, core[next]);
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
            } else if (!cooperative && t.sliceUsed >= t.sliceLen) {
                if (ready.isEmpty()) {
                    newSlice(t);
                } else {
                    preempt(i, SwitchReason.SLICE_OVER);
                }
            }
        }
        if (!cooperative && !wokenFromSleep.isEmpty()) {
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
                Deadlock d = findDeadlock();
                if (d.cycle() || !control.interactive()) {
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
            if (w.state != St.READY) {
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
            out.state = St.READY;
            ready.add(out);
            place(victim, w, out.id, SwitchReason.PREEMPTED);
        }
        wokenFromSleep.clear();
    }

    private void fill(int i) {
        if (core[i] == null && !ready.isEmpty()) {
            SimThread t = pickReady();
            place(i, t, vacatedBy[i], vacatedBy[i] < 0 ? SwitchReason.IDLE : vacatedWhy[i]);
        }
    }

    private void preempt(int i, SwitchReason why) {
        SimThread out = core[i];
        SimThread in = pickReady();
        out.state = St.READY;
        ready.add(out);
        place(i, in, out.id, why);
    }

    private void place(int i, SimThread t, int outId, SwitchReason why) {
        core[i] = t;
        t.core = i;
        t.state = St.RUNNING;
        newSlice(t);
        vacatedBy[i] = -1;
        vacatedWhy[i] = SwitchReason.IDLE;
        trace.append(now, t.id, EventKind.SWITCH, outId, why.ordinal(), t.line);
    }

    private SimThread pickReady() {
        if (settings.policy() == Policy.RANDOM && !cooperative && ready.size() > 1) {
            return ready.remove(rng.nextInt(ready.size()));
        }
        return ready.remove(0);
    }

    private void newSlice(SimThread t) {
        t.sliceUsed = 0;
        int q = settings.quantum();
        if (cooperative) {
            t.sliceLen = Integer.MAX_VALUE;
        } else if (settings.policy() == Policy.RANDOM && q > 1) {
            t.sliceLen = 1 + rng.nextInt(2 * q - 1);
        } else {
            t.sliceLen = q;
        }
    }

    private void vacate(SimThread t, SwitchReason why) {
        if (t.core >= 0) {
            core[t.core] = null;
            vacatedBy[t.core] = t.id;
            vacatedWhy[t.core] = why;
            t.core = -1;
        }
    }

    /** Blocks the current thread; returns false if it woke because its timeout expired. */
    private boolean block(SimThread me, Waitable on, long timeout, St state, SwitchReason why) {
        if (me == user) {
            throw new ThreadingError("RuntimeError", "an action cannot block");
        }
        me.state = state;
        me.waitingOn = on;
        me.timedOut = false;
        me.deadline = timeout < 0 ? -1 : now + timeout;
        if (timeout >= 0) {
            timed.add(me);
        }
        vacate(me, why);
        advance(me);
        return !me.timedOut;
    }

    private void wake(SimThread t, int object, int value) {
        if (t.deadline >= 0) {
            timed.remove(t);
            t.deadline = -1;
        }
        t.waitingOn = null;
        t.state = St.READY;
        ready.add(t);
        trace.append(now, t.id, EventKind.WAKE, object, value, t.line);
    }

    private void wakeDue() {
        while (!timed.isEmpty() && timed.peek().deadline <= now) {
            SimThread t = timed.poll();
            t.deadline = -1;
            if (t.state == St.SLEEPING) {
                wokenFromSleep.add(t);
                t.state = St.READY;
                ready.add(t);
                trace.append(now, t.id, EventKind.WAKE, -1, 0, t.line);
            } else {
                Waitable w = t.waitingOn;
                w.removeWaiter(t);
                t.waitingOn = null;
                t.timedOut = true;
                t.state = St.READY;
                ready.add(t);
                trace.append(now, t.id, EventKind.WAKE, w.traceId(), -1, t.line);
            }
        }
    }

    // =====================================================================================
    // deadlock
    // =====================================================================================

    private Deadlock findDeadlock() {
        List<SimThread> stuck = new ArrayList<>();
        for (SimThread t : all) {
            if (t.state == St.BLOCKED || t.state == St.WAITING) {
                stuck.add(t);
            }
        }
        for (SimThread start : stuck) {
            List<SimThread> path = new ArrayList<>();
            SimThread t = start;
            while (t != null && (t.state == St.BLOCKED || t.state == St.WAITING)) {
                int seen = path.indexOf(t);
                if (seen >= 0) {
                    List<SimThread> cycle = path.subList(seen, path.size());
                    return new Deadlock(cycle.stream().map(x -> x.id).toList(),
                            cycle.stream().map(x -> x.waitingOn.traceId()).toList(), true);
                }
                path.add(t);
                List<SimThread> holders = t.waitingOn.holders();
                t = holders.isEmpty() ? null : holders.get(0);
            }
        }
        return new Deadlock(stuck.stream().map(x -> x.id).toList(),
                stuck.stream().map(x -> x.waitingOn == null ? -1 : x.waitingOn.traceId()).toList(), false);
    }

    private void reportDeadlock(Deadlock d) {
        int n = d.threads().size();
        for (int i = 0; i < n; i++) {
            SimThread t = byId[d.threads().get(i)];
            int next = d.cycle() ? d.threads().get((i + 1) % n) : -1;
            trace.append(now, t.id, EventKind.DEADLOCK, d.resources().get(i), next, t.line);
        }
        finish(new RunOutcome(RunOutcome.Status.DEADLOCK, d, errors()));
    }

    // =====================================================================================
    // the threading API
    // =====================================================================================

    @Override
    public Worker thread(String name, boolean daemon, Runnable body) {
        return new SimThread(name, daemon, false, body);
    }

    @Override
    public void sleep(double seconds) {
        long t = Timeouts.ticks(Timeouts.sleepSeconds(seconds));
        SimThread me = enter();
        if (t == 0) {
            yieldPoint(me);
            return;
        }
        emit(me, EventKind.SLEEP, -1, (int) Math.min(Integer.MAX_VALUE, t));
        me.state = St.SLEEPING;
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
        yieldPoint(enter());
    }

    private void yieldPoint(SimThread me) {
        emit(me, EventKind.YIELD, -1, 0);
        me.yieldRequested = true;
        endPoint(me);
    }

    @Override
    public void print(String text) {
        SimThread me = enter();
        emit(me, EventKind.PRINT, -1, trace.intern(text));
        endPoint(me);
    }

    @Override
    public void step() {
        SimThread me = enter();
        emit(me, EventKind.STEP, -1, 0);
        endPoint(me);
    }

    @Override
    public void line(int line) {
        cur.line = line;
    }

    @Override
    public long now() {
        return now;
    }

    @Override
    public String currentThreadName() {
        return cur.name;
    }

    @Override
    public SharedInt sharedInt(String name, int initial) {
        return new SimInt(name, initial);
    }

    @Override
    public Lock lock(String name) {
        return new SimLock(name);
    }

    @Override
    public RLock rlock(String name) {
        return new SimRLock(name);
    }

    @Override
    public Semaphore semaphore(String name, int value) {
        return new SimSemaphore(name, value, false);
    }

    @Override
    public Semaphore boundedSemaphore(String name, int value) {
        return new SimSemaphore(name, value, true);
    }

    @Override
    public Event event(String name) {
        return new SimEvent(name);
    }

    @Override
    public Condition condition(String name, Acquirable lock) {
        if (!(lock instanceof Owned owned)) {
            throw new IllegalArgumentException("a Condition needs a Lock or an RLock of the same run");
        }
        return new SimCondition(name, owned);
    }

    @Override
    public ThreadLocalVar local(String name) {
        return new SimLocal(name);
    }

    private final class SimInt implements SharedInt {
        private final int id;
        private final String name;
        private int value;

        SimInt(String name, int initial) {
            this.id = trace.addObject(name, ObjectType.VARIABLE, initial);
            this.name = name;
            this.value = initial;
        }

        @Override
        public int read() {
            SimThread me = enter();
            int v = value;
            emit(me, EventKind.READ, id, v);
            endPoint(me);
            return v;
        }

        @Override
        public void write(int v) {
            SimThread me = enter();
            value = v;
            emit(me, EventKind.WRITE, id, v);
            endPoint(me);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public int id() {
            return id;
        }

        @Override
        public int peek() {
            return value;
        }
    }

    /** Base of the primitives with a FIFO queue of blocked threads. */
    private abstract class Queued implements Waitable {
        final int id;
        final String name;
        final ArrayDeque<SimThread> waiters = new ArrayDeque<>();

        Queued(String name, ObjectType type, int initial) {
            this.id = trace.addObject(name, type, initial);
            this.name = name;
        }

        @Override
        public void removeWaiter(SimThread t) {
            waiters.remove(t);
        }

        /**
         * Waits in this queue until woken with the resource free; false when the timeout expires first. Nothing
         * is handed over on release: a waiter that finds the resource taken again by the time it runs (the
         * releasing thread kept the CPU and took it back) blocks again, first in line, its deadline unchanged.
         */
        boolean awaitFree(SimThread me, long timeout, BooleanSupplier free, IntSupplier blockedBy) {
            long deadline = timeout < 0 ? -1 : now + timeout;
            waiters.addLast(me);
            while (true) {
                boolean woken = block(me, this, deadline < 0 ? -1 : Math.max(0, deadline - now), St.BLOCKED,
                        SwitchReason.BLOCKED);
                resume(me);
                if (!woken) {
                    return false;
                }
                if (free.getAsBoolean()) {
                    return true;
                }
                emit(me, EventKind.BLOCK, id, blockedBy.getAsInt());
                waiters.addFirst(me);
            }
        }

        @Override
        public List<SimThread> holders() {
            return List.of();
        }

        @Override
        public int traceId() {
            return id;
        }

        public String name() {
            return name;
        }

        public int id() {
            return id;
        }
    }

    /** A lock a Condition can sit on: it can be released completely and taken back at the same depth. */
    private interface Owned extends Acquirable {
        boolean ownedBy(SimThread t);

        int releaseAll(SimThread me);

        void reacquire(SimThread me, int depth);
    }

    /** Shared acquire logic: take it if {@code free}, else queue and block; the releaser hands it over. */
    private abstract class Mutex extends Queued implements Owned {
        SimThread owner;
        int depth;

        Mutex(String name, ObjectType type) {
            super(name, type, 0);
        }

        boolean acquireTicks(long timeout, boolean blocking) {
            SimThread me = enter();
            if (owner == null || reentrant() && owner == me) {
                owner = me;
                depth++;
                emit(me, EventKind.ACQUIRE, id, depth);
                endPoint(me);
                return true;
            }
            if (!blocking) {
                emit(me, EventKind.TRY_FAIL, id, owner.id);
                endPoint(me);
                return false;
            }
            emit(me, EventKind.BLOCK, id, owner.id);
            if (!awaitFree(me, timeout, () -> owner == null, () -> owner.id)) {
                emit(me, EventKind.TIMEOUT, id, 0);
                endPoint(me);
                return false;
            }
            owner = me;
            depth = 1;
            emit(me, EventKind.ACQUIRE, id, depth);
            endPoint(me);
            return true;
        }

        abstract boolean reentrant();

        /**
         * Frees the lock and wakes the first waiter, which takes it when it next runs if it is still free. As in
         * CPython, the releasing thread keeps running and may take the lock again first (no hand-off): a
         * hand-off would force a context switch at every contended release, which CPython does not do.
         */
        void releaseAndWakeOne() {
            owner = null;
            depth = 0;
            SimThread next = waiters.poll();
            if (next != null) {
                wake(next, id, 0);
            }
        }

        @Override
        public void acquire() {
            acquireTicks(-1, true);
        }

        @Override
        public boolean tryAcquire() {
            return acquireTicks(-1, false);
        }

        @Override
        public boolean acquire(double timeoutSeconds) {
            return acquire(true, timeoutSeconds);
        }

        @Override
        public boolean acquire(boolean blocking, double timeoutSeconds) {
            double t = Timeouts.lockAcquire(blocking, timeoutSeconds);
            return t == 0 ? acquireTicks(-1, false) : acquireTicks(Timeouts.ticks(t), true);
        }

        @Override
        public List<SimThread> holders() {
            return owner == null ? List.of() : List.of(owner);
        }

        @Override
        public boolean ownedBy(SimThread t) {
            return owner == t;
        }

        @Override
        public int releaseAll(SimThread me) {
            int saved = depth;
            emit(me, EventKind.RELEASE, id, 0);
            releaseAndWakeOne();
            return saved;
        }

        @Override
        public void reacquire(SimThread me, int savedDepth) {
            acquireTicks(-1, true);
            depth = savedDepth;
        }
    }

    private final class SimLock extends Mutex implements Lock {
        SimLock(String name) {
            super(name, ObjectType.LOCK);
        }

        @Override
        boolean reentrant() {
            return false;
        }

        @Override
        public void release() {
            SimThread me = enter();
            if (owner == null) {
                throw new ThreadingError("RuntimeError", "release unlocked lock");
            }
            emit(me, EventKind.RELEASE, id, 0);
            releaseAndWakeOne();
            endPoint(me);
        }

        @Override
        public boolean locked() {
            return owner != null;
        }

        @Override
        public boolean ownedBy(SimThread t) {
            return owner != null; // a Lock has no owner in Python: whoever holds the lock may wait
        }
    }

    private final class SimRLock extends Mutex implements RLock {
        SimRLock(String name) {
            super(name, ObjectType.RLOCK);
        }

        @Override
        boolean reentrant() {
            return true;
        }

        @Override
        public void release() {
            SimThread me = enter();
            if (owner != me) {
                throw new ThreadingError("RuntimeError", "cannot release un-acquired lock");
            }
            depth--;
            emit(me, EventKind.RELEASE, id, depth);
            if (depth == 0) {
                releaseAndWakeOne();
            }
            endPoint(me);
        }
    }

    private final class SimSemaphore extends Queued implements Semaphore {
        private final int initial;
        private final boolean bounded;
        private final int[] held = new int[Trace.MAX_THREADS + 1];
        private int value;

        SimSemaphore(String name, int value, boolean bounded) {
            super(name, bounded ? ObjectType.BOUNDED_SEMAPHORE : ObjectType.SEMAPHORE, checkValue(value));
            this.initial = value;
            this.value = value;
            this.bounded = bounded;
        }

        /** Takes a permit, waiting at most {@code seconds} ({@link Timeouts#FOREVER}, 0: not at all). */
        private boolean acquireWithin(double seconds) {
            SimThread me = enter();
            if (value > 0) {
                value--;
                held[me.id]++;
                emit(me, EventKind.ACQUIRE, id, value);
                endPoint(me);
                return true;
            }
            long timeout = Timeouts.ticks(seconds); // too large: OverflowError, as CPython
            if (seconds == 0) {
                emit(me, EventKind.TRY_FAIL, id, -1);
                endPoint(me);
                return false;
            }
            emit(me, EventKind.BLOCK, id, -1);
            if (!awaitFree(me, timeout, () -> value > 0, () -> -1)) {
                emit(me, EventKind.TIMEOUT, id, value);
                endPoint(me);
                return false;
            }
            value--;
            held[me.id]++;
            emit(me, EventKind.ACQUIRE, id, value);
            endPoint(me);
            return true;
        }

        @Override
        public void acquire() {
            acquireWithin(Timeouts.FOREVER);
        }

        @Override
        public boolean tryAcquire() {
            return acquireWithin(0);
        }

        @Override
        public boolean acquire(double timeoutSeconds) {
            return acquireWithin(Timeouts.semaphoreAcquire(timeoutSeconds));
        }

        @Override
        public boolean acquire(boolean blocking, double timeoutSeconds) {
            if (!blocking) {
                throw Timeouts.semaphoreNonBlockingWithTimeout();
            }
            return acquire(timeoutSeconds);
        }

        @Override
        public void release() {
            release(1);
        }

        @Override
        public void release(int n) {
            SimThread me = enter();
            if (n < 1) {
                throw new ThreadingError("ValueError", "n must be one or more");
            }
            if (bounded && (long) value + n > initial) {
                throw new ThreadingError("ValueError", "Semaphore released too many times");
            }
            held[me.id] = Math.max(0, held[me.id] - n);
            value += n;
            emit(me, EventKind.RELEASE, id, value);
            for (int i = 0; i < n && !waiters.isEmpty(); i++) {
                wake(waiters.poll(), id, value); // each takes a permit when it runs, if nobody took it first
            }
            endPoint(me);
        }

        @Override
        public int value() {
            return value;
        }

        @Override
        public List<SimThread> holders() {
            List<SimThread> out = new ArrayList<>();
            for (SimThread t : all) {
                if (held[t.id] > 0 && t.isAlive()) {
                    out.add(t);
                }
            }
            return out;
        }
    }

    private static int checkValue(int v) {
        if (v < 0) {
            throw new ThreadingError("ValueError", "semaphore initial value must be >= 0");
        }
        return v;
    }

    private final class SimEvent extends Queued implements Event {
        private boolean flag;

        SimEvent(String name) {
            super(name, ObjectType.EVENT, 0);
        }

        @Override
        public void set() {
            SimThread me = enter();
            flag = true;
            emit(me, EventKind.EVENT_SET, id, 1);
            for (SimThread w : List.copyOf(waiters)) {
                wake(w, id, 1);
            }
            waiters.clear();
            endPoint(me);
        }

        @Override
        public void clear() {
            SimThread me = enter();
            flag = false;
            emit(me, EventKind.EVENT_CLEAR, id, 0);
            endPoint(me);
        }

        @Override
        public boolean isSet() {
            return flag;
        }

        @Override
        public boolean await() {
            return awaitWithin(Timeouts.FOREVER);
        }

        @Override
        public boolean await(double timeoutSeconds) {
            return awaitWithin(Timeouts.waitTimeout(timeoutSeconds));
        }

        /**
         * As CPython's {@code Event.wait}: true at once if the flag is set; else true if a set() wakes this waiter
         * (even if a clear() follows before it runs), false if the timeout expires first.
         */
        private boolean awaitWithin(double seconds) {
            SimThread me = enter();
            long timeout = flag || seconds == 0 ? 0 : Timeouts.ticks(seconds);
            emit(me, EventKind.EVENT_WAIT, id, flag ? 1 : 0);
            boolean signaled = flag;
            if (!flag && seconds != 0) {
                waiters.add(me);
                signaled = block(me, this, timeout, St.WAITING, SwitchReason.BLOCKED);
                resume(me);
                emit(me, EventKind.EVENT_DONE, id, signaled ? 1 : 0);
            }
            endPoint(me);
            return signaled;
        }
    }

    private final class SimCondition extends Queued implements Condition {
        private final Owned lock;

        SimCondition(String name, Owned lock) {
            super(name, ObjectType.CONDITION, 0);
            this.lock = lock;
        }

        @Override
        public void acquire() {
            lock.acquire();
        }

        @Override
        public boolean tryAcquire() {
            return lock.tryAcquire();
        }

        @Override
        public boolean acquire(double timeoutSeconds) {
            return lock.acquire(timeoutSeconds);
        }

        @Override
        public boolean acquire(boolean blocking, double timeoutSeconds) {
            return lock.acquire(blocking, timeoutSeconds);
        }

        @Override
        public void release() {
            lock.release();
        }

        @Override
        public boolean await() {
            return awaitWithin(Timeouts.FOREVER);
        }

        @Override
        public boolean await(double timeoutSeconds) {
            return awaitWithin(Timeouts.waitTimeout(timeoutSeconds));
        }

        /** Releases the lock, waits at most {@code seconds} (0: not at all, as CPython), takes the lock back. */
        private boolean awaitWithin(double seconds) {
            SimThread me = enter();
            if (!lock.ownedBy(me)) {
                throw new ThreadingError("RuntimeError", "cannot wait on un-acquired lock");
            }
            long timeout = Timeouts.ticks(seconds);
            emit(me, EventKind.COND_WAIT, id, 0);
            int depth = lock.releaseAll(me);
            boolean notified = false;
            if (seconds != 0) {
                waiters.add(me);
                notified = block(me, this, timeout, St.WAITING, SwitchReason.BLOCKED);
                resume(me);
            }
            emit(me, EventKind.EVENT_DONE, id, notified ? 1 : 0);
            endPoint(me);
            lock.reacquire(me, depth);
            return notified;
        }

        @Override
        public boolean awaitFor(BooleanSupplier predicate, double timeoutSeconds) {
            return waitFor(this, predicate, timeoutSeconds);
        }

        @Override
        public void notifyOne() {
            notify(1);
        }

        @Override
        public void notify(int n) {
            SimThread me = enter();
            if (!lock.ownedBy(me)) {
                throw new ThreadingError("RuntimeError", "cannot notify on un-acquired lock");
            }
            int woken = 0;
            while (woken < n && !waiters.isEmpty()) {
                wake(waiters.poll(), id, 1);
                woken++;
            }
            emit(me, EventKind.COND_NOTIFY, id, woken);
            endPoint(me);
        }

        @Override
        public void notifyAllWaiters() {
            notify(Integer.MAX_VALUE);
        }

        @Override
        public List<SimThread> holders() {
            return List.of();
        }
    }

    private final class SimLocal implements ThreadLocalVar {
        private final int id;
        private final String name;
        private final String[] values = new String[Trace.MAX_THREADS + 1];

        SimLocal(String name) {
            this.id = trace.addObject(name, ObjectType.LOCAL, 0);
            this.name = name;
        }

        @Override
        public void set(String value) {
            SimThread me = enter();
            values[me.id] = value;
            emit(me, EventKind.LOCAL_SET, id, trace.intern(value));
            endPoint(me);
        }

        @Override
        public String get() {
            SimThread me = enter();
            String v = values[me.id];
            if (v == null) {
                throw new ThreadingError("AttributeError",
                        "'_thread._local' object has no attribute '" + name + "'");
            }
            emit(me, EventKind.LOCAL_GET, id, trace.intern(v));
            endPoint(me);
            return v;
        }

        @Override
        public String name() {
            return name;
        }
    }
}
