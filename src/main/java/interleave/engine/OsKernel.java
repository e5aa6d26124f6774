package interleave.engine;

import interleave.trace.Deadlock;
import interleave.trace.EventKind;
import interleave.trace.ObjectType;
import interleave.trace.Trace;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * The os mode: worker threads run truly in parallel under the operating system and the primitives delegate
 * to java.util.concurrent. Events carry nanoseconds since the start. Writers of the trace are serialised by
 * one lock; a shared variable's access and its event happen under that lock together, so the trace shows the
 * real order of reads and writes. Nothing here is deterministic, and the trace says so in its header.
 *
 * <p>A watchdog looks for a deadlock every 100 ms and ends the run when it sees the same one twice (see
 * {@link #findDeadlock()}).
 */
final class OsKernel extends Kernel {
    private static final long WATCH_MILLIS = 100;

    private final Object traceLock = new Object();
    /**
     * Serialises the user's commands. Not traceLock: a command may release a lock, which takes that lock's
     * monitor, while a worker holding the monitor waits for traceLock to record (a lock-order cycle).
     */
    private final Object commandLock = new Object();
    private final long t0 = System.nanoTime();
    private final ThreadLocal<OsThread> current = new ThreadLocal<>();
    private final List<OsThread> all = new CopyOnWriteArrayList<>();
    private final AtomicInteger aliveNonDaemon = new AtomicInteger();
    private volatile boolean stopping;
    private OsThread user;

    OsKernel(Trace trace, RunSettings settings, RunControl control) {
        super(trace, settings, control);
        control.onStop(() -> end(new RunOutcome(RunOutcome.Status.STOPPED, null, errors())));
    }

    /** Something a thread can wait for, with the threads that hold it (for the wait-for graph). */
    private interface Resource {
        List<OsThread> holders();

        int traceId();

        /**
         * True if any thread may end the wait (release a Lock or a Semaphore, set an Event), false if only the
         * holders can (an RLock's owner, a joined thread by finishing).
         */
        default boolean anyoneMayRelease() {
            return true;
        }

        /** True if a waiter could go on now (it was woken and has not run yet): such a wait is not stuck. */
        default boolean free() {
            return false;
        }
    }

    final class OsThread implements Worker, Resource {
        final int id;
        final String name;
        final boolean daemon;
        final Runnable body;
        final Thread java;
        volatile Resource waitingOn;
        /** The wait has a deadline: it ends by itself, so it is never part of a deadlock. */
        volatile boolean waitTimed;
        /** Counts this thread's waits, so the watchdog can tell the same wait from a new one. */
        volatile int waitCount;
        volatile boolean started;
        volatile boolean finished;
        volatile int line;

        OsThread(String name, boolean daemon, boolean external, Runnable body) {
            synchronized (traceLock) {
                this.id = trace.addThread(name, daemon, external);
            }
            this.name = name;
            this.daemon = daemon;
            this.body = body;
            this.java = new Thread(this::run, "interleave-" + name);
            this.java.setDaemon(true);
            if (!external) {
                all.add(this);
            }
        }

        private void run() {
            current.set(this);
            try {
                enter();
                record(this, EventKind.THREAD_START, -1, 0);
                body.run();
            } catch (RunStopped stopped) {
                return;
            } catch (Throwable e) {
                if (!stopping) {
                    errors.add(name + ": " + describe(e));
                    synchronized (traceLock) {
                        record(this, EventKind.ERROR, -1, trace.intern(describe(e)));
                    }
                }
            }
            exit(this);
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
            OsThread me = enter();
            if (started) {
                throw new ThreadingError("RuntimeError", "threads can only be started once");
            }
            started = true;
            if (!daemon) {
                aliveNonDaemon.incrementAndGet();
            }
            record(me, EventKind.SPAWN, -1, id);
            javaThreads.add(java);
            java.start();
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
            OsThread me = enter();
            if (this == me) {
                throw new ThreadingError("RuntimeError", "cannot join current thread");
            }
            if (!started) {
                throw new ThreadingError("RuntimeError", "cannot join thread before it is started");
            }
            if (!finished) {
                long nanos = timed ? Timeouts.nanos(Timeouts.joinTimeout(timeoutSeconds)) : -1;
                record(me, EventKind.JOIN, -1, id);
                me.waitOn(this, nanos >= 0);
                try {
                    if (nanos < 0) {
                        java.join();
                    } else {
                        TimeUnit.NANOSECONDS.timedJoin(java, nanos);
                    }
                } catch (InterruptedException e) {
                    throw new RunStopped();
                } finally {
                    me.waitingOn = null;
                }
            }
            record(me, EventKind.JOINED, -1, id);
        }

        @Override
        public boolean isAlive() {
            return started && !finished;
        }

        @Override
        public List<OsThread> holders() {
            return finished ? List.of() : List.of(this);
        }

        @Override
        public int traceId() {
            return -1;
        }

        @Override
        public boolean anyoneMayRelease() {
            return false;
        }

        void waitOn(Resource r, boolean timed) {
            waitTimed = timed;
            waitCount++;
            waitingOn = r;
        }
    }

    private void exit(OsThread t) {
        boolean last;
        synchronized (traceLock) {
            if (stopping) {
                return;
            }
            record(t, EventKind.THREAD_END, -1, 0);
            t.finished = true;
            last = !t.daemon && aliveNonDaemon.decrementAndGet() == 0;
            if (last) {
                for (OsThread d : all) {
                    if (d.isAlive()) {
                        d.finished = true;
                        trace.append(now(), d.id, EventKind.THREAD_KILLED, -1, 0, d.line);
                    }
                }
            }
        }
        if (last) {
            end(new RunOutcome(RunOutcome.Status.FINISHED, null, errors()));
        }
    }

    private void end(RunOutcome outcome) {
        stopping = true;
        complete(outcome);
        for (Thread j : javaThreads) {
            if (j != Thread.currentThread()) {
                j.interrupt();
            }
        }
        synchronized (control) {
            control.notifyAll();
        }
    }

    @Override
    public void start(Runnable main) {
        OsThread m = new OsThread("MainThread", false, false, main);
        m.started = true;
        aliveNonDaemon.incrementAndGet();
        javaThreads.add(m.java);
        m.java.start();
        Thread watchdog = new Thread(this::watch, "interleave-deadlock-watchdog");
        watchdog.setDaemon(true);
        javaThreads.add(watchdog);
        watchdog.start();
    }

    // ---- recording and the gate ----

    private OsThread enter() {
        OsThread me = current.get();
        if (stopping || me == null && user == null) {
            throw new RunStopped();
        }
        if (me == null) {
            me = user;
        }
        if (control.attention && me != user) {
            attend();
        }
        return me;
    }

    private void attend() {
        while (true) {
            if (stopping) {
                throw new RunStopped();
            }
            applyCommands();
            control.takePick(); // there is no scheduler to pick for in os mode
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
        synchronized (commandLock) {
            for (Command c : control.drainCommands()) {
                if (user == null) {
                    user = new OsThread("you", false, true, () -> { });
                }
                record(user, c.kind() == Command.Kind.PARAM ? EventKind.PARAM : EventKind.ACTION, c.index(), c.value());
                OsThread saved = current.get();
                current.set(user);
                try {
                    c.effect().run();
                } catch (ThreadingError e) {
                    errors.add("action: " + e);
                } finally {
                    current.set(saved);
                }
            }
        }
    }

    private void record(OsThread t, EventKind kind, int object, int value) {
        synchronized (traceLock) {
            trace.append(now(), t.id, kind, object, value, t.line);
        }
    }

    // ---- deadlock watchdog ----

    private void watch() {
        List<Long> previous = null;
        while (!stopping) {
            try {
                Thread.sleep(WATCH_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            Deadlock d = findDeadlock();
            // the same waits (thread, wait count) seen twice, 100 ms apart: nobody moved in between
            List<Long> waits = d == null ? null : d.threads().stream()
                    .map(id -> ((long) id << 32) | (threadById(id).waitCount & 0xffffffffL)).sorted().toList();
            if (waits != null && waits.equals(previous)) {
                synchronized (traceLock) {
                    int n = d.threads().size();
                    for (int i = 0; i < n; i++) {
                        OsThread t = threadById(d.threads().get(i));
                        int next = d.cycle() ? d.threads().get((i + 1) % n) : -1;
                        trace.append(now(), t.id, EventKind.DEADLOCK, d.resources().get(i), next, t.line);
                    }
                }
                end(new RunOutcome(RunOutcome.Status.DEADLOCK, d, errors()));
                return;
            }
            previous = waits;
        }
    }

    private OsThread threadById(int id) {
        for (OsThread t : all) {
            if (t.id == id) {
                return t;
            }
        }
        throw new IllegalArgumentException("no thread " + id);
    }

    /**
     * A set of threads is deadlocked when each waits with no deadline and nobody outside the set can end its
     * wait: a Lock, a Semaphore or an Event can be released or set by any thread, so a wait on one of them
     * is stuck only while every live thread is stuck; an RLock only by its owner and a join only by the joined
     * thread. The stuck set is found by removing, until nothing changes, every waiter that a thread outside it
     * can free. Reported: a wait-for cycle inside that set, or, with no user to press a button, the whole set
     * when every live thread is in it.
     */
    private Deadlock findDeadlock() {
        List<OsThread> live = new ArrayList<>();
        java.util.Set<OsThread> stuck = new java.util.HashSet<>();
        for (OsThread t : all) {
            if (t.started && !t.finished) {
                live.add(t);
                if (t.waitingOn != null && !t.waitTimed) {
                    stuck.add(t);
                }
            }
        }
        boolean changed = true;
        while (changed && !stuck.isEmpty()) {
            changed = false;
            boolean someoneFree = stuck.size() < live.size();
            for (java.util.Iterator<OsThread> it = stuck.iterator(); it.hasNext(); ) {
                Resource r = it.next().waitingOn;
                boolean canEnd = r == null || r.free()
                        || (r.anyoneMayRelease() ? someoneFree : holdersCanEnd(r, stuck));
                if (canEnd) {
                    it.remove();
                    changed = true;
                }
            }
        }
        if (stuck.isEmpty()) {
            return null;
        }
        List<OsThread> cycle = findCycle(stuck);
        if (cycle != null) {
            return new Deadlock(cycle.stream().map(t -> t.id).toList(),
                    cycle.stream().map(OsKernel::resourceId).toList(), true);
        }
        if (stuck.size() < live.size() || control.interactive()) {
            return null; // a user may still set an event or press a button
        }
        List<OsThread> all = live.stream().sorted(java.util.Comparator.comparingInt(t -> t.id)).toList();
        return new Deadlock(all.stream().map(t -> t.id).toList(), all.stream().map(OsKernel::resourceId).toList(),
                false);
    }

    private static boolean holdersCanEnd(Resource r, java.util.Set<OsThread> stuck) {
        List<OsThread> holders = r.holders();
        if (holders.isEmpty()) {
            return true; // free again (or the joined thread has ended): the waiter is about to go on
        }
        for (OsThread h : holders) {
            if (h.started && !h.finished && !stuck.contains(h)) {
                return true;
            }
        }
        return false;
    }

    private static int resourceId(OsThread t) {
        Resource r = t.waitingOn;
        return r == null ? -1 : r.traceId();
    }

    private static List<OsThread> findCycle(java.util.Set<OsThread> stuck) {
        for (OsThread start : stuck) {
            List<OsThread> path = new ArrayList<>();
            OsThread t = start;
            while (t != null && stuck.contains(t)) {
                int seen = path.indexOf(t);
                if (seen >= 0) {
                    return List.copyOf(path.subList(seen, path.size()));
                }
                path.add(t);
                Resource r = t.waitingOn;
                OsThread next = null;
                for (OsThread h : r == null ? List.<OsThread>of() : r.holders()) {
                    if (stuck.contains(h)) {
                        next = h;
                        break;
                    }
                }
                t = next;
            }
        }
        return null;
    }

    // ---- the threading API ----

    @Override
    public Worker thread(String name, boolean daemon, Runnable body) {
        return new OsThread(name, daemon, false, body);
    }

    @Override
    public void sleep(double seconds) {
        long n = Timeouts.nanos(Timeouts.sleepSeconds(seconds));
        OsThread me = enter();
        if (n == 0) {
            yieldNow();
            return;
        }
        record(me, EventKind.SLEEP, -1, (int) Math.min(Integer.MAX_VALUE, n / 1000));
        try {
            TimeUnit.NANOSECONDS.sleep(n);
        } catch (InterruptedException e) {
            throw new RunStopped();
        }
        record(me, EventKind.WAKE, -1, 0);
    }

    @Override
    public void yieldNow() {
        OsThread me = enter();
        record(me, EventKind.YIELD, -1, 0);
        Thread.yield();
    }

    @Override
    public void print(String text) {
        OsThread me = enter();
        synchronized (traceLock) {
            record(me, EventKind.PRINT, -1, trace.intern(text));
        }
    }

    @Override
    public void step() {
        record(enter(), EventKind.STEP, -1, 0);
    }

    @Override
    public void line(int line) {
        OsThread me = current.get();
        if (me != null) {
            me.line = line;
        }
    }

    @Override
    public long now() {
        return System.nanoTime() - t0;
    }

    @Override
    public String currentThreadName() {
        OsThread me = current.get();
        return me == null ? "?" : me.name;
    }

    private int addObject(String name, ObjectType type, int initial) {
        synchronized (traceLock) {
            return trace.addObject(name, type, initial);
        }
    }

    @Override
    public SharedInt sharedInt(String name, int initial) {
        int id = addObject(name, ObjectType.VARIABLE, initial);
        return new SharedInt() {
            private int value = initial;

            @Override
            public int read() {
                OsThread me = enter();
                synchronized (traceLock) {
                    trace.append(now(), me.id, EventKind.READ, id, value, me.line);
                    return value;
                }
            }

            @Override
            public void write(int v) {
                OsThread me = enter();
                synchronized (traceLock) {
                    value = v;
                    trace.append(now(), me.id, EventKind.WRITE, id, v, me.line);
                }
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
                synchronized (traceLock) {
                    return value;
                }
            }
        };
    }

    /** The blocking protocol of every lock-like primitive in os mode. */
    private abstract class Blocking implements Acquirable, Resource {
        final int id;
        final String name;

        Blocking(String name, ObjectType type, int initial) {
            this.id = addObject(name, type, initial);
            this.name = name;
        }

        /** Takes it now if free, recording the taker (and the ACQUIRE, {@link #acquired}) in the same step. */
        abstract boolean take(OsThread me);

        /** Takes it, waiting at most {@code nanos} (-1: no timeout); false if the time ran out. */
        abstract boolean takeWithin(OsThread me, long nanos) throws InterruptedException;

        abstract int stateValue();

        /** Records that {@code me} now has it: every {@link #take} and {@link #takeWithin} calls it on success. */
        final void acquired(OsThread me) {
            record(me, EventKind.ACQUIRE, id, stateValue());
        }

        /** Takes it, waiting at most {@code seconds}: {@link Timeouts#FOREVER}, 0 (do not wait) or a timeout. */
        boolean acquireWithin(double seconds) {
            OsThread me = enter();
            if (take(me)) {
                return true;
            }
            if (seconds == 0) {
                record(me, EventKind.TRY_FAIL, id, holderId());
                return false;
            }
            long nanos = Timeouts.nanos(seconds); // too large: OverflowError, only when it must wait, as CPython
            record(me, EventKind.BLOCK, id, holderId());
            me.waitOn(this, nanos >= 0);
            boolean got;
            try {
                got = takeWithin(me, nanos);
            } catch (InterruptedException e) {
                throw new RunStopped();
            } finally {
                me.waitingOn = null;
            }
            if (!got) {
                record(me, EventKind.TIMEOUT, id, 0);
            }
            return got;
        }

        int holderId() {
            List<OsThread> h = holders();
            return h.isEmpty() ? -1 : h.get(0).id;
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
            return acquire(true, timeoutSeconds);
        }

        @Override
        public boolean acquire(boolean blocking, double timeoutSeconds) {
            return acquireWithin(Timeouts.lockAcquire(blocking, timeoutSeconds));
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
        public int traceId() {
            return id;
        }
    }

    /** A lock a Condition can sit on. */
    private interface Owned extends Acquirable {
        boolean ownedByCurrent();

        int releaseAll(OsThread me);

        void reacquire(int depth);
    }

    @Override
    public Lock lock(String name) {
        return new OsLock(name);
    }

    /**
     * Any thread may release a Lock, also one that another thread has only just taken. So "locked" and "taken
     * by whom" change together, under this object's monitor: there is no moment where the lock is taken but
     * looks free, and a release in that moment cannot raise "release unlocked lock". The ACQUIRE and RELEASE
     * events are recorded in the same step too, so the trace never shows a release before the acquire it ends.
     */
    private final class OsLock extends Blocking implements Lock, Owned {
        private volatile OsThread owner; // null: unlocked; written only under the monitor

        OsLock(String name) {
            super(name, ObjectType.LOCK, 0);
        }

        @Override
        synchronized boolean take(OsThread me) {
            if (owner != null) {
                return false;
            }
            taken(me);
            return true;
        }

        private void taken(OsThread me) {
            owner = me;
            acquired(me); // in the same monitor step as taking it: a release may come from any thread
        }

        @Override
        synchronized boolean takeWithin(OsThread me, long nanos) throws InterruptedException {
            long deadline = System.nanoTime() + Math.max(0, nanos);
            while (owner != null) {
                if (nanos < 0) {
                    wait();
                } else {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                }
            }
            taken(me);
            return true;
        }

        @Override
        int stateValue() {
            return 1;
        }

        @Override
        public void release() {
            OsThread me = enter();
            synchronized (this) {
                if (owner == null) {
                    throw new ThreadingError("RuntimeError", "release unlocked lock");
                }
                record(me, EventKind.RELEASE, id, 0);
                owner = null;
                notify(); // no hand-over: the woken waiter takes it if it is still free when it runs
            }
        }

        @Override
        public boolean locked() {
            return owner != null;
        }

        @Override
        public boolean free() {
            return owner == null;
        }

        @Override
        public List<OsThread> holders() {
            OsThread o = owner;
            return o == null ? List.of() : List.of(o);
        }

        @Override
        public boolean ownedByCurrent() {
            return owner != null;
        }

        @Override
        public int releaseAll(OsThread me) {
            release();
            return 1;
        }

        @Override
        public void reacquire(int depth) {
            acquire();
        }
    }

    @Override
    public RLock rlock(String name) {
        return new OsRLock(name);
    }

    /** Only the owner releases an RLock, so taking it and recording the owner need not be one step. */
    private final class OsRLock extends Blocking implements RLock, Owned {
        private final ReentrantLock lock = new ReentrantLock(true);
        private volatile OsThread owner;

        OsRLock(String name) {
            super(name, ObjectType.RLOCK, 0);
        }

        @Override
        boolean take(OsThread me) {
            if (lock.tryLock()) {
                owner = me;
                acquired(me);
                return true;
            }
            return false;
        }

        @Override
        boolean takeWithin(OsThread me, long nanos) throws InterruptedException {
            if (nanos < 0) {
                lock.lockInterruptibly();
            } else if (!lock.tryLock(nanos, TimeUnit.NANOSECONDS)) {
                return false;
            }
            owner = me;
            acquired(me);
            return true;
        }

        @Override
        int stateValue() {
            return lock.getHoldCount();
        }

        @Override
        public void release() {
            OsThread me = enter();
            if (!lock.isHeldByCurrentThread()) {
                throw new ThreadingError("RuntimeError", "cannot release un-acquired lock");
            }
            int depth = lock.getHoldCount() - 1;
            record(me, EventKind.RELEASE, id, depth);
            if (depth == 0) {
                owner = null;
            }
            lock.unlock();
        }

        @Override
        public List<OsThread> holders() {
            OsThread o = owner;
            return o == null ? List.of() : List.of(o);
        }

        @Override
        public boolean anyoneMayRelease() {
            return false;
        }

        @Override
        public boolean ownedByCurrent() {
            return lock.isHeldByCurrentThread();
        }

        @Override
        public int releaseAll(OsThread me) {
            int depth = lock.getHoldCount();
            record(me, EventKind.RELEASE, id, 0);
            owner = null;
            for (int i = 0; i < depth; i++) {
                lock.unlock();
            }
            return depth;
        }

        @Override
        public void reacquire(int depth) {
            acquire();
            for (int i = 1; i < depth; i++) {
                lock.lock();
            }
        }
    }

    @Override
    public Semaphore semaphore(String name, int value) {
        return new OsSemaphore(name, value, false);
    }

    @Override
    public Semaphore boundedSemaphore(String name, int value) {
        return new OsSemaphore(name, value, true);
    }

    private final class OsSemaphore extends Blocking implements Semaphore {
        private final java.util.concurrent.Semaphore permits;
        private final int initial;
        private final boolean bounded;
        private final List<OsThread> holders = new CopyOnWriteArrayList<>();

        OsSemaphore(String name, int value, boolean bounded) {
            super(name, bounded ? ObjectType.BOUNDED_SEMAPHORE : ObjectType.SEMAPHORE, value);
            if (value < 0) {
                throw new ThreadingError("ValueError", "semaphore initial value must be >= 0");
            }
            this.permits = new java.util.concurrent.Semaphore(value, true);
            this.initial = value;
            this.bounded = bounded;
        }

        @Override
        boolean take(OsThread me) {
            if (permits.tryAcquire()) {
                holders.add(me);
                acquired(me);
                return true;
            }
            return false;
        }

        @Override
        boolean takeWithin(OsThread me, long nanos) throws InterruptedException {
            if (nanos < 0) {
                permits.acquire();
            } else if (!permits.tryAcquire(nanos, TimeUnit.NANOSECONDS)) {
                return false;
            }
            holders.add(me);
            acquired(me);
            return true;
        }

        @Override
        int stateValue() {
            return permits.availablePermits();
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
            OsThread me = enter();
            if (n < 1) {
                throw new ThreadingError("ValueError", "n must be one or more");
            }
            synchronized (this) { // permits only go down outside: the bound check and the release are one step
                if (bounded && (long) permits.availablePermits() + n > initial) {
                    throw new ThreadingError("ValueError", "Semaphore released too many times");
                }
                for (int i = 0; i < n; i++) {
                    holders.remove(me);
                }
                record(me, EventKind.RELEASE, id, permits.availablePermits() + n);
                permits.release(n);
            }
        }

        @Override
        public int value() {
            return permits.availablePermits();
        }

        @Override
        public boolean free() {
            return permits.availablePermits() > 0;
        }

        @Override
        public List<OsThread> holders() {
            return List.copyOf(holders);
        }
    }

    @Override
    public Event event(String name) {
        return new OsEvent(name);
    }

    /**
     * A flag and a count of set() calls: a waiter returns true once the count has moved, even if a clear()
     * came before it ran (CPython's waiters do, gh-57711).
     */
    private final class OsEvent implements Event, Resource {
        private final int id;
        private final String name;
        private final ReentrantLock lock = new ReentrantLock();
        private final java.util.concurrent.locks.Condition changed = lock.newCondition();
        private volatile boolean flag;
        private long sets; // guarded by lock

        OsEvent(String name) {
            this.id = addObject(name, ObjectType.EVENT, 0);
            this.name = name;
        }

        @Override
        public void set() {
            OsThread me = enter();
            lock.lock();
            try {
                flag = true;
                sets++;
                record(me, EventKind.EVENT_SET, id, 1);
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void clear() {
            OsThread me = enter();
            lock.lock();
            try {
                flag = false;
                record(me, EventKind.EVENT_CLEAR, id, 0);
            } finally {
                lock.unlock();
            }
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

        private boolean awaitWithin(double seconds) {
            OsThread me = enter();
            lock.lock();
            try {
                long nanos = flag || seconds == 0 ? 0 : Timeouts.nanos(seconds);
                record(me, EventKind.EVENT_WAIT, id, flag ? 1 : 0);
                if (flag || seconds == 0) {
                    return flag;
                }
                long setsBefore = sets;
                me.waitOn(this, nanos >= 0);
                long left = nanos;
                while (sets == setsBefore && (nanos < 0 || left > 0)) {
                    if (nanos < 0) {
                        changed.await();
                    } else {
                        left = changed.awaitNanos(left);
                    }
                }
                boolean signaled = sets != setsBefore;
                record(me, EventKind.EVENT_DONE, id, signaled ? 1 : 0);
                return signaled;
            } catch (InterruptedException e) {
                throw new RunStopped();
            } finally {
                me.waitingOn = null;
                lock.unlock();
            }
        }

        @Override
        public List<OsThread> holders() {
            return List.of();
        }

        @Override
        public boolean free() {
            return flag;
        }

        @Override
        public int traceId() {
            return id;
        }

        @Override
        public String name() {
            return name;
        }
    }

    @Override
    public Condition condition(String name, Acquirable lock) {
        if (!(lock instanceof Owned owned)) {
            throw new IllegalArgumentException("a Condition needs a Lock or an RLock of the same run");
        }
        return new OsCondition(name, owned);
    }

    /** CPython's own design: each waiter parks on a private semaphore that notify releases. */
    private final class OsCondition implements Condition {
        private final int id;
        private final String name;
        private final Owned lock;
        private final ArrayDeque<java.util.concurrent.Semaphore> waiters = new ArrayDeque<>();

        OsCondition(String name, Owned lock) {
            this.id = addObject(name, ObjectType.CONDITION, 0);
            this.name = name;
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
        public String name() {
            return name;
        }

        @Override
        public int id() {
            return id;
        }

        @Override
        public boolean await() {
            return awaitWithin(Timeouts.FOREVER);
        }

        @Override
        public boolean await(double timeoutSeconds) {
            return awaitWithin(Timeouts.waitTimeout(timeoutSeconds));
        }

        private boolean awaitWithin(double seconds) {
            OsThread me = enter();
            if (!lock.ownedByCurrent()) {
                throw new ThreadingError("RuntimeError", "cannot wait on un-acquired lock");
            }
            long nanos = Timeouts.nanos(seconds); // 0: register, release, check once, take back (as CPython)
            java.util.concurrent.Semaphore mine = new java.util.concurrent.Semaphore(0);
            synchronized (waiters) {
                waiters.add(mine);
            }
            record(me, EventKind.COND_WAIT, id, 0);
            int depth = lock.releaseAll(me);
            boolean notified;
            try {
                notified = nanos < 0 ? acquireFully(mine) : mine.tryAcquire(nanos, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                throw new RunStopped();
            }
            if (!notified) {
                synchronized (waiters) {
                    notified = !waiters.remove(mine); // a notify that raced the timeout still counts
                }
            }
            record(me, EventKind.EVENT_DONE, id, notified ? 1 : 0);
            lock.reacquire(depth);
            return notified;
        }

        private boolean acquireFully(java.util.concurrent.Semaphore s) throws InterruptedException {
            s.acquire();
            return true;
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
            OsThread me = enter();
            if (!lock.ownedByCurrent()) {
                throw new ThreadingError("RuntimeError", "cannot notify on un-acquired lock");
            }
            int woken = 0;
            synchronized (waiters) {
                while (woken < n && !waiters.isEmpty()) {
                    waiters.poll().release();
                    woken++;
                }
            }
            record(me, EventKind.COND_NOTIFY, id, woken);
        }

        @Override
        public void notifyAllWaiters() {
            notify(Integer.MAX_VALUE);
        }
    }

    @Override
    public ThreadLocalVar local(String name) {
        int id = addObject(name, ObjectType.LOCAL, 0);
        ThreadLocal<String> values = new ThreadLocal<>();
        return new ThreadLocalVar() {
            @Override
            public void set(String value) {
                OsThread me = enter();
                values.set(value);
                synchronized (traceLock) {
                    record(me, EventKind.LOCAL_SET, id, trace.intern(value));
                }
            }

            @Override
            public String get() {
                OsThread me = enter();
                String v = values.get();
                if (v == null) {
                    throw new ThreadingError("AttributeError",
                            "'_thread._local' object has no attribute '" + name + "'");
                }
                synchronized (traceLock) {
                    record(me, EventKind.LOCAL_GET, id, trace.intern(v));
                }
                return v;
            }

            @Override
            public String name() {
                return name;
            }
        };
    }
}
