package interleave.engine;

import interleave.trace.Deadlock;
import interleave.trace.ObjectType;
import interleave.trace.Trace;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The os runtime: worker threads run truly in parallel under the operating system, and nothing is
 * deterministic (the trace says so in its header). Between two scheduling points a thread runs on its own;
 * each scheduling point (a primitive's operation, a read, a write) runs under one monitor that guards the
 * state of every primitive and the trace, much as CPython's primitives do their bookkeeping under the GIL.
 * So the rules of the primitives are the same classes as in sim mode, and the trace shows the real order of
 * reads and writes. Events carry nanoseconds since the start.
 *
 * <p>Because every wait is recorded under the monitor, the waits the deadlock search sees are exact: it runs
 * when a thread blocks with no deadline and when a thread ends, and reports a deadlock at once.
 */
final class OsKernel extends Kernel {
    /** How often the command poller applies a user's action while no worker passes a gate (all blocked). */
    private static final long POLL_MILLIS = 50;

    private final ReentrantLock monitor = new ReentrantLock();
    /** Serialises the user's commands, which both the workers' gates and the poller may apply. */
    private final Object commandLock = new Object();
    private final long t0 = System.nanoTime();
    private final ThreadLocal<OsThread> current = new ThreadLocal<>();
    private final List<OsThread> all = new CopyOnWriteArrayList<>();
    private volatile boolean stopping;
    private volatile OsThread user;

    OsKernel(Trace trace, RunSettings settings, RunControl control) {
        super(trace, settings, control);
        control.onStop(() -> end(new RunOutcome(RunOutcome.Status.STOPPED, null, errors())));
    }

    /** A thread on a platform thread of its own, and the condition it waits on while blocked. */
    final class OsThread extends Strand {
        final Thread java;
        final java.util.concurrent.locks.Condition signal = monitor.newCondition();
        /** Counted down once the thread has begun (its start recorded): start() waits for it, as CPython's does. */
        final java.util.concurrent.CountDownLatch begun = new java.util.concurrent.CountDownLatch(1);

        OsThread(String name, boolean daemon, boolean external, Runnable body) {
            super(OsKernel.this, name, daemon, external, body);
            this.java = new Thread(this::run, "interleave-" + name);
            this.java.setDaemon(true);
            if (!external) {
                all.add(this);
            }
        }

        private void run() {
            current.set(this);
            try {
                Strand me = begin();
                try {
                    out.started(me);
                } finally {
                    leave(me);
                    begun.countDown();
                }
                body.run();
            } catch (RunStopped stopped) {
                return;
            } catch (Throwable e) {
                if (!stopping) {
                    errors.add(name + ": " + describe(e));
                    locked(() -> out.raised(this, trace.intern(describe(e))));
                }
            }
            exit(this);
        }
    }

    @Override
    Strand newStrand(String name, boolean daemon, boolean external, Runnable body) {
        return new OsThread(name, daemon, external, body);
    }

    @Override
    List<OsThread> strands() {
        return all;
    }

    @Override
    Strand current() {
        OsThread me = current.get();
        return me == null ? user : me;
    }

    @Override
    void awaitStart(Strand parent, Strand child) {
        if (parent == user || monitor.isHeldByCurrentThread()) {
            // an action from the app (the user does not wait), or a Barrier's action, which runs holding the
            // monitor: the new thread could not record its start until the action is over
            return;
        }
        try {
            while (!((OsThread) child).begun.await(10, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                if (stopping) {
                    throw new RunStopped();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunStopped();
        }
    }

    @Override
    void launch(Strand s) {
        OsThread t = (OsThread) s;
        t.state = Strand.State.RUNNING;
        javaThreads.add(t.java);
        t.java.start();
    }

    private void exit(OsThread t) {
        boolean over;
        monitor.lock();
        try {
            if (stopping) {
                return;
            }
            over = retire(t);
            if (!over) {
                checkDeadlock(); // the last thread that could have freed the others may have been this one
            }
        } catch (RunStopped deadlocked) {
            return;
        } finally {
            monitor.unlock();
        }
        if (over) {
            end(new RunOutcome(RunOutcome.Status.FINISHED, null, errors()));
        }
    }

    @Override
    void stopRecording() {
        stopping = true;
    }

    @Override
    void endRun(RunOutcome outcome) {
        end(outcome);
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
        m.state = Strand.State.RUNNING;
        javaThreads.add(m.java);
        m.java.start();
        Thread poller = new Thread(this::pollCommands, "interleave-commands");
        poller.setDaemon(true);
        javaThreads.add(poller);
        poller.start();
    }

    // ---- exclusive access and the gate ----

    @Override
    Strand begin() {
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
        monitor.lock();
        if (stopping) {
            monitor.unlock();
            throw new RunStopped();
        }
        return me;
    }

    @Override
    void commit(Strand me) {
        // the operating system switches threads whenever it likes; a point changes nothing here
    }

    @Override
    void leave(Strand me) {
        if (monitor.isHeldByCurrentThread()) {
            monitor.unlock();
        }
    }

    private void locked(Runnable r) {
        locked(() -> {
            r.run();
            return null;
        });
    }

    private <T> T locked(java.util.function.Supplier<T> s) {
        monitor.lock();
        try {
            return s.get();
        } finally {
            monitor.unlock();
        }
    }

    @Override
    int addObject(String name, ObjectType type, int initial) {
        return locked(() -> super.addObject(name, type, initial));
    }

    @Override
    int addThread(String name, boolean daemon, boolean external) {
        return locked(() -> super.addThread(name, daemon, external));
    }

    private void attend() {
        while (true) {
            if (stopping) {
                throw new RunStopped();
            }
            // a point inside another operation (a barrier's action) holds the monitor: taking the command lock
            // there could deadlock with the poller, which holds it and waits for the monitor; the commands wait
            boolean takesInput = !monitor.isHeldByCurrentThread();
            if (takesInput) {
                applyCommands();
                control.takePick(); // there is no scheduler to pick for in os mode
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
        synchronized (commandLock) {
            for (Command c : control.drainCommands()) {
                if (user == null) {
                    user = new OsThread("you", false, true, () -> { });
                }
                OsThread u = user;
                locked(() -> recordCommand(u, c));
                OsThread saved = current.get();
                current.set(u);
                try {
                    c.effect().run();
                } catch (ThreadingError e) {
                    errors.add("action: " + e);
                    locked(() -> out.raised(u, trace.intern(e.toString())));
                } finally {
                    current.set(saved);
                }
            }
        }
    }

    /** Every thread may be blocked on something only an action can end (an event a button sets). */
    private void pollCommands() {
        while (!stopping) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            if (control.hasCommands()) {
                try {
                    applyCommands();
                } catch (RunStopped stopped) {
                    return;
                }
            }
        }
    }

    // ---- blocking ----

    @Override
    void suspend(Strand s, long deadline) {
        OsThread me = (OsThread) s;
        me.deadline = deadline;
        if (deadline < 0) {
            checkDeadlock();
        }
        try {
            while (me.waitingOn != null) {
                if (stopping) {
                    throw new RunStopped();
                }
                if (deadline < 0) {
                    me.signal.await();
                } else {
                    long left = deadline - now();
                    if (left <= 0) {
                        timedOut(me);
                        break;
                    }
                    me.signal.awaitNanos(left);
                }
            }
        } catch (InterruptedException e) {
            throw new RunStopped();
        } finally {
            me.deadline = -1;
        }
        me.state = Strand.State.RUNNING;
    }

    @Override
    void resumable(Strand s) {
        OsThread t = (OsThread) s;
        t.deadline = -1;
        t.state = Strand.State.RUNNING;
        t.signal.signal();
    }

    @Override
    long deadline(double seconds) {
        long n = Timeouts.nanos(seconds);
        return n < 0 ? -1 : now() + n;
    }

    /** Under the monitor: ends the run if the threads' waits form a deadlock (see {@link WaitForGraph}). */
    private void checkDeadlock() {
        Deadlock d = WaitForGraph.cycle(all);
        if (d == null && !control.interactive()) {
            d = WaitForGraph.everyoneStuck(all);
        }
        if (d == null) {
            return;
        }
        int n = d.threads().size();
        for (int i = 0; i < n; i++) {
            OsThread t = threadById(d.threads().get(i));
            out.inDeadlock(t, d.resources().get(i), d.waitsFor().get(i));
        }
        end(new RunOutcome(RunOutcome.Status.DEADLOCK, d, errors()));
        throw new RunStopped();
    }

    private OsThread threadById(int id) {
        for (OsThread t : all) {
            if (t.id == id) {
                return t;
            }
        }
        throw new IllegalArgumentException("no thread " + id);
    }

    // ---- time ----

    @Override
    public void sleep(double seconds) {
        long n = Timeouts.nanos(Timeouts.sleepSeconds(seconds));
        if (n == 0) {
            yieldNow();
            return;
        }
        Strand me = begin();
        try {
            out.slept(me, (int) Math.min(Integer.MAX_VALUE, n / 1000));
            me.state = Strand.State.SLEEPING;
        } finally {
            leave(me);
        }
        try {
            TimeUnit.NANOSECONDS.sleep(n);
        } catch (InterruptedException e) {
            throw new RunStopped();
        }
        locked(() -> {
            me.state = Strand.State.RUNNING;
            out.woken(me, -1, 0);
        });
    }

    @Override
    public void yieldNow() {
        Strand me = begin();
        try {
            out.yielded(me);
        } finally {
            leave(me);
        }
        Thread.yield();
    }

    @Override
    public long now() {
        return System.nanoTime() - t0;
    }
}
