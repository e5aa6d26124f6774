package interleave.engine;

import interleave.trace.EventWriter;

import java.util.List;

/**
 * One thread of a run, {@code threading.Thread}'s rules included (start once, join, daemon). The runtime that
 * runs it (one at a time in {@link SimKernel}, in parallel in {@link OsKernel}) extends it with what it needs.
 * Its fields are read and written under the kernel's exclusive access (see {@link Kernel#begin()}).
 */
abstract class Strand implements Worker, Waitable, EventWriter.Actor {
    enum State { NEW, READY, RUNNING, BLOCKED, WAITING, SLEEPING, FINISHED }

    final Kernel kernel;
    final int id;
    final String name;
    final Runnable body;
    /** The user's own strand ("you"): actions run on it; it never runs a body and never blocks. */
    final boolean external;
    final WaitQueue joiners = new WaitQueue();
    boolean daemon;
    volatile State state = State.NEW;
    Waitable waitingOn;
    /** When a timed wait or a sleep ends, in the runtime's clock; -1: none. */
    long deadline = -1;
    boolean timedOut;
    /** While it waits in {@link Queued#awaitFree}: its re-check once woken; else null. */
    Queued.Recheck recheck;
    /** How many Locks and RLocks it holds, at any depth. */
    int locksHeld;
    /** Woken from {@link Queued#awaitFree}, with the taking done for it already (see {@link Queued.Recheck}). */
    boolean takenForIt;
    /** The Python line this thread is on. Written by the thread itself; a stale read elsewhere only shows a line. */
    int line;

    Strand(Kernel kernel, String name, boolean daemon, boolean external, Runnable body) {
        this.kernel = kernel;
        this.id = kernel.addThread(name, daemon, external);
        this.name = name;
        this.daemon = daemon;
        this.external = external;
        this.body = body;
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
    public void setDaemon(boolean value) {
        if (state != State.NEW) {
            throw PyErrors.daemonOfActiveThread();
        }
        daemon = value;
        kernel.trace.setDaemon(id, value);
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public boolean isAlive() {
        State s = state;
        return s != State.NEW && s != State.FINISHED;
    }

    @Override
    public void start() {
        Strand me = kernel.begin();
        try {
            if (state != State.NEW) {
                throw PyErrors.startedTwice();
            }
            kernel.launch(this);
            kernel.out.spawned(me, id);
            kernel.commit(me);
        } finally {
            kernel.leave(me);
        }
        kernel.awaitStart(me, this);
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
        Strand me = kernel.begin();
        try {
            if (this == me) {
                throw PyErrors.joinCurrent();
            }
            if (state == State.NEW) {
                throw PyErrors.joinNotStarted();
            }
            if (state != State.FINISHED) {
                long deadline = timed ? kernel.deadline(Timeouts.joinTimeout(timeoutSeconds)) : -1;
                kernel.out.joining(me, id);
                joiners.add(me);
                kernel.block(me, this, deadline, State.BLOCKED);
            }
            kernel.out.joined(me, id);
            kernel.commit(me);
        } finally {
            kernel.leave(me);
        }
    }

    @Override
    public void removeWaiter(Strand t) {
        joiners.remove(t);
    }

    @Override
    public List<Strand> holders() {
        return isAlive() ? List.of(this) : List.of();
    }

    @Override
    public int traceId() {
        return -1;
    }

    @Override
    public boolean anyoneMayRelease() {
        return false;
    }

    /** Waiting with no deadline: only someone else in the run can end the wait. */
    boolean stuck() {
        Waitable on = waitingOn;
        return (state == State.BLOCKED || state == State.WAITING) && deadline < 0 && on != null
                && !on.outsideMayEnd();
    }

    @Override
    public int traceThread() {
        return id;
    }

    @Override
    public int traceLine() {
        return line;
    }

    @Override
    public String toString() {
        return name;
    }
}
