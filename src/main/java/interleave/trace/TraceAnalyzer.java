package interleave.trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Derives what the timeline draws from the raw events, incrementally: each {@link #update()} reads only
 * the events recorded since the last call (the app calls it once per frame; the CLI once at the end).
 *
 * <ul>
 *   <li>a lane per thread: running, ready, blocked on X, waiting on X, sleeping, finished;</li>
 *   <li>a lane per object: holder, waiter count and a level (RLock depth, semaphore permits, event flag,
 *       variable value);</li>
 *   <li>context switches with their reason;</li>
 *   <li>lost updates: a write computed from a read that another thread's write had already made stale;</li>
 *   <li>the deadlock, if the run reported one.</li>
 * </ul>
 * Not thread-safe: one reader thread owns an analyzer.
 */
public final class TraceAnalyzer {
    /** Object code of a thread lane blocked on joining thread t: {@code JOIN_BASE - t}. */
    public static final int JOIN_BASE = -2;

    private final Trace trace;
    private final boolean os;
    private final List<Lane> threadLanes = new ArrayList<>();
    private final List<Lane> objectLanes = new ArrayList<>();
    /** The context switches, kept as their SWITCH events' indexes (4 bytes each) and read back when asked. */
    private final IntChunks switchSeqs = new IntChunks();
    private final List<ContextSwitch> switches = new java.util.AbstractList<>() {
        @Override
        public ContextSwitch get(int i) {
            java.util.Objects.checkIndex(i, switchSeqs.size());
            long seq = switchSeqs.get(i);
            Happening.Switched s = (Happening.Switched) Happening.decode(trace, seq);
            return new ContextSwitch(seq, trace.time(seq), s.out(), trace.thread(seq), s.reason());
        }

        @Override
        public int size() {
            return switchSeqs.size();
        }
    };
    /**
     * The lost updates, kept as the indexes of their three events (the stale read, the overwritten write and the
     * write that overwrote it: 12 bytes each) and read back from the trace when asked.
     */
    private final IntChunks lostSeqs = new IntChunks();
    private final List<LostUpdate> lostUpdates = new java.util.AbstractList<>() {
        @Override
        public LostUpdate get(int i) {
            java.util.Objects.checkIndex(i, size());
            long read = lostSeqs.get(3L * i);
            long lost = lostSeqs.get(3L * i + 1);
            long write = lostSeqs.get(3L * i + 2);
            return new LostUpdate(trace.object(write), trace.thread(write), read, trace.value(read),
                    trace.thread(lost), lost, trace.value(lost), write, trace.value(write), trace.time(write));
        }

        @Override
        public int size() {
            return lostSeqs.size() / 3;
        }
    };
    private final List<Long> printSeqs = new ArrayList<>();
    private final List<Long> stderrSeqs = new ArrayList<>();
    /** The errors threads ended with (ERROR events), in order. */
    private final List<Long> errorSeqs = new ArrayList<>();
    private final List<Long> markSeqs = new ArrayList<>();
    // cores (virtual time only: an os run has no cores of ours): a lane per core whose a = the thread on it
    private final Lane[] coreLanes;
    private final int[] coreHolder;
    private int[] coreOfThread = new int[0];
    private int[] lastCoreOfThread = new int[0];
    private int preferredCore = -1;
    private int[] state = new int[0];
    private int[] line = new int[0];
    private int[] stateObject = new int[0];
    /** Per thread, the INPUT_WAIT event it still waits in (-1: none): who asks the user, with which prompt. */
    private long[] askedAt = new long[0];
    /** Lines typed at the keyboard since the last scheduling point: the ones typed at the moment shown. */
    private int typedSincePoint;
    /** The keyboard's trace object (stdin), -1 until a thread asks or the user types. */
    private int keyboardObject = -1;
    private int[] holder = new int[0];
    private int[] waiters = new int[0];
    private int[] level = new int[0];
    // lost-update bookkeeping: per (thread, variable) the pending read, per (variable, thread) the last write
    private long[][] readSeq = new long[0][];
    private long[][] writeSeq = new long[0][];
    private int sizedThreads;
    private int sizedObjects;
    private Deadlock deadlock;
    private long processed;
    private long lastTime;

    public TraceAnalyzer(Trace trace) {
        this.trace = trace;
        this.os = !trace.header().virtualTime();
        int cores = os ? 0 : Math.max(0, trace.header().cores());
        coreLanes = new Lane[cores];
        coreHolder = new int[cores];
        for (int c = 0; c < cores; c++) {
            coreLanes[c] = new Lane(trace);
            coreHolder[c] = -1;
        }
    }

    public Trace trace() {
        return trace;
    }

    /** Processes the events recorded since the last call; returns how many were new. */
    public long update() {
        return update(Long.MAX_VALUE);
    }

    /** Processes at most {@code max} of the events recorded since the last call (to bound a frame's work). */
    public long update(long max) {
        long size = trace.size();
        long end = size - processed <= max ? size : processed + max;
        long start = processed;
        ensureCapacity();
        for (long i = start; i < end; i++) {
            apply(i);
        }
        processed = end;
        return end - start;
    }

    public long processed() {
        return processed;
    }

    /** Time of the last processed event. */
    public long lastTime() {
        return lastTime;
    }

    private void ensureCapacity() {
        int nt = trace.threads().size();
        int no = trace.objects().size();
        while (threadLanes.size() < nt) {
            threadLanes.add(new Lane(trace, ThreadState.RUNNING.ordinal()));
        }
        while (objectLanes.size() < no) {
            int id = objectLanes.size();
            // a variable's lane is its writes, read back from the trace (4 bytes a write)
            Lane lane = trace.object(id).type() == ObjectType.VARIABLE ? Lane.ofEvents(trace) : new Lane(trace);
            objectLanes.add(lane);
            if (level.length <= id) {
                holder = grow(holder, no, -1);
                waiters = grow(waiters, no, 0);
                level = grow(level, no, 0);
            }
            level[id] = trace.object(id).initial();
        }
        if (state.length < nt) {
            int old = state.length;
            state = Arrays.copyOf(state, nt);
            line = Arrays.copyOf(line, nt);
            stateObject = grow(stateObject, nt, -1);
            askedAt = Arrays.copyOf(askedAt, nt);
            Arrays.fill(askedAt, old, nt, -1L);
            coreOfThread = grow(coreOfThread, nt, -1);
            lastCoreOfThread = grow(lastCoreOfThread, nt, -1);
            for (int t = old; t < nt; t++) {
                state[t] = ThreadState.NEW.ordinal();
            }
        }
        if (nt != sizedThreads || no != sizedObjects) {
            sizedThreads = nt;
            sizedObjects = no;
            readSeq = resize(readSeq, nt, no);
            writeSeq = resize(writeSeq, no, nt);
        }
    }

    private static int[] grow(int[] a, int n, int fill) {
        int old = a.length;
        int[] b = Arrays.copyOf(a, Math.max(n, old));
        Arrays.fill(b, old, b.length, fill);
        return b;
    }

    private static long[][] resize(long[][] a, int rows, int cols) {
        long[][] b = new long[Math.max(rows, a.length)][];
        for (int r = 0; r < b.length; r++) {
            long[] old = r < a.length ? a[r] : new long[0];
            b[r] = Arrays.copyOf(old, Math.max(cols, old.length));
            Arrays.fill(b[r], old.length, b[r].length, -1L);
        }
        return b;
    }

    private void apply(long i) {
        int t = trace.thread(i);
        Happening h = Happening.decode(trace, i);
        lastTime = trace.time(i);
        if (h.kind().point) {
            line[t] = trace.line(i);
            typedSincePoint = 0;
        }
        // the commonest first: reads and writes are most of a race's events
        if (h instanceof Happening.Read r) {
            running(t, i);
            readSeq[t][r.object()] = i;
        } else if (h instanceof Happening.Wrote w) {
            running(t, i);
            write(t, w.object(), w.value(), i);
        } else if (h instanceof Happening.Switched s) {
            int out = s.out();
            if (out >= 0 && state[out] == ThreadState.RUNNING.ordinal()) {
                setState(out, ThreadState.READY, -1, i);
            }
            // the incoming thread takes the core the outgoing one left
            preferredCore = out >= 0 && out < lastCoreOfThread.length ? lastCoreOfThread[out] : -1;
            setState(t, ThreadState.RUNNING, -1, i);
            preferredCore = -1;
            switchSeqs.add(Math.toIntExact(i));
        } else if (h instanceof Happening.Woken w) {
            setState(t, os ? ThreadState.RUNNING : ThreadState.READY, -1, i);
            if (w.object() >= 0 && w.value() == 1 && isMutex(w.object())) {
                // traces written before locks stopped handing over (value 1 = the woken thread holds it)
                setObject(w.object(), i, t, level[w.object()]);
            }
        } else if (h instanceof Happening.Spawned s) {
            setState(s.child(), os ? ThreadState.RUNNING : ThreadState.READY, -1, i);
        } else if (h instanceof Happening.Blocked b) {
            setState(t, ThreadState.BLOCKED, b.object(), i);
        } else if (h instanceof Happening.Joining j) {
            setState(t, ThreadState.BLOCKED, JOIN_BASE - j.target(), i);
        } else if (h instanceof Happening.EventWaited e) {
            if (e.alreadySet()) {
                running(t, i);
            } else {
                setState(t, ThreadState.WAITING, e.object(), i);
            }
        } else if (h instanceof Happening.ConditionWaited c) {
            setState(t, ThreadState.WAITING, c.object(), i);
        } else if (h instanceof Happening.Slept) {
            setState(t, ThreadState.SLEEPING, -1, i);
        } else if (h instanceof Happening.Ended || h instanceof Happening.Killed) {
            setState(t, ThreadState.FINISHED, -1, i);
        } else if (h instanceof Happening.Acquired a) {
            running(t, i);
            int o = a.object();
            setObject(o, i, trace.object(o).type().countsPermits() ? -1 : t, a.level());
        } else if (h instanceof Happening.Released r) {
            int o = r.object();
            if (!insideConditionWait(t)) {
                running(t, i);
            }
            if (trace.object(o).type().countsPermits()) {
                setObject(o, i, -1, r.level());
            } else {
                setObject(o, i, r.level() == 0 ? -1 : holder[o], r.level());
            }
        } else if (h instanceof Happening.EventSet e) {
            running(t, i);
            setObject(e.object(), i, -1, 1);
        } else if (h instanceof Happening.EventCleared e) {
            running(t, i);
            setObject(e.object(), i, -1, 0);
        } else if (h instanceof Happening.InDeadlock d) {
            deadlockEvent(t, d.object(), d.next());
        } else if (h instanceof Happening.Printed) {
            running(t, i);
            printSeqs.add(i);
        } else if (h instanceof Happening.WroteStderr) {
            running(t, i);
            stderrSeqs.add(i);
        } else if (h instanceof Happening.BarrierArrived b) {
            int parties = trace.object(b.object()).initial();
            if (b.arrived() < parties) {
                setState(t, ThreadState.WAITING, b.object(), i);
            } else {
                running(t, i);
            }
            setObject(b.object(), i, -1, b.arrived() < parties ? b.arrived() : 0);
        } else if (h instanceof Happening.QueueJoined q) {
            if (q.left() > 0) {
                setState(t, ThreadState.WAITING, q.object(), i);
            } else {
                running(t, i);
            }
        } else if (h instanceof Happening.Put p) {
            running(t, i);
            setObject(p.object(), i, -1, p.size());
        } else if (h instanceof Happening.Got g) {
            running(t, i);
            setObject(g.object(), i, -1, g.size());
        } else if (h instanceof Happening.InputAsked a) {
            setState(t, ThreadState.WAITING, a.object(), i);
            askedAt[t] = i;
            keyboardObject = a.object();
        } else if (h instanceof Happening.Typed k) { // the level: lines typed that no thread has read yet
            markSeqs.add(i);
            typedSincePoint++;
            keyboardObject = k.object();
            setObject(k.object(), i, -1, level[k.object()] + 1);
        } else if (h instanceof Happening.InputRead r) {
            askedAt[t] = -1;
            running(t, i);
            setObject(r.object(), i, -1, Math.max(0, level[r.object()] - 1));
        } else if (h instanceof Happening.ParamChanged || h instanceof Happening.ActionFired) {
            markSeqs.add(i);
        } else if (h instanceof Happening.Raised) { // an error changes no state of its own
            errorSeqs.add(i);
        } else {
            running(t, i);
        }
    }

    /**
     * cond.wait() records COND_WAIT and then releases the condition's lock as the same thread: that release
     * must not make the waiter look running again (the next switch would then draw it as ready).
     */
    private boolean insideConditionWait(int t) {
        int obj = t < stateObject.length ? stateObject[t] : -1;
        return state[t] == ThreadState.WAITING.ordinal() && obj >= 0
                && trace.object(obj).type() == ObjectType.CONDITION;
    }

    private boolean isMutex(int obj) {
        ObjectType type = trace.object(obj).type();
        return type == ObjectType.LOCK || type == ObjectType.RLOCK;
    }

    private void running(int t, long seq) {
        if (trace.thread(t).external()) {
            return;
        }
        setState(t, ThreadState.RUNNING, -1, seq);
    }

    private void setState(int t, ThreadState s, int obj, long seq) {
        if (t < 0 || t >= state.length || trace.thread(t).external()) {
            return;
        }
        int oldObj = stateObject[t];
        boolean wasWaiting = state[t] == ThreadState.BLOCKED.ordinal() || state[t] == ThreadState.WAITING.ordinal();
        boolean waiting = s == ThreadState.BLOCKED || s == ThreadState.WAITING;
        if (wasWaiting && oldObj >= 0 && (!waiting || oldObj != obj)) {
            waiters[oldObj]--;
            pushObject(oldObj, seq);
        }
        if (waiting && obj >= 0 && (!wasWaiting || oldObj != obj)) {
            waiters[obj]++;
            pushObject(obj, seq);
        }
        boolean wasRunning = state[t] == ThreadState.RUNNING.ordinal();
        if (wasRunning && s != ThreadState.RUNNING) {
            leaveCore(t, seq);
        } else if (!wasRunning && s == ThreadState.RUNNING) {
            takeCore(t, seq);
        }
        state[t] = s.ordinal();
        stateObject[t] = obj;
        threadLanes.get(t).add(seq, s.ordinal(), obj, 0);
    }

    private void takeCore(int t, long seq) {
        int c = preferredCore >= 0 && preferredCore < coreHolder.length && coreHolder[preferredCore] < 0
                ? preferredCore : -1;
        for (int i = 0; c < 0 && i < coreHolder.length; i++) {
            if (coreHolder[i] < 0) {
                c = i;
            }
        }
        if (c < 0) {
            return; // more running threads than cores: only an inconsistent trace does that
        }
        coreHolder[c] = t;
        coreOfThread[t] = c;
        lastCoreOfThread[t] = c;
        coreLanes[c].add(seq, t, 0, 0);
    }

    private void leaveCore(int t, long seq) {
        int c = coreOfThread[t];
        if (c >= 0) {
            coreHolder[c] = -1;
            coreOfThread[t] = -1;
            coreLanes[c].add(seq, -1, 0, 0);
        }
    }

    private void setObject(int obj, long seq, int newHolder, int newLevel) {
        holder[obj] = newHolder;
        level[obj] = newLevel;
        pushObject(obj, seq);
    }

    private void pushObject(int obj, long seq) {
        objectLanes.get(obj).add(seq, holder[obj], waiters[obj], level[obj]);
    }

    private void write(int t, int v, int value, long seq) {
        long read = readSeq[t][v];
        if (read >= 0) {
            // the latest write by another thread since this thread's read was overwritten unseen
            int victim = -1;
            long lost = -1;
            for (int u = 0; u < writeSeq[v].length; u++) {
                if (u != t && writeSeq[v][u] > read && writeSeq[v][u] > lost) {
                    lost = writeSeq[v][u];
                    victim = u;
                }
            }
            if (victim >= 0) {
                lostSeqs.add(Math.toIntExact(read));
                lostSeqs.add(Math.toIntExact(lost));
                lostSeqs.add(Math.toIntExact(seq));
            }
            readSeq[t][v] = -1;
        }
        writeSeq[v][t] = seq;
        setObject(v, seq, t, value);
    }

    private final List<Integer> dlThreads = new ArrayList<>();
    private final List<Integer> dlResources = new ArrayList<>();

    private final List<Integer> dlWaitsFor = new ArrayList<>();

    /** A cycle when every thread in it waits for a thread (see {@link Deadlock}); a stall has one that does not. */
    private void deadlockEvent(int t, int obj, int next) {
        dlThreads.add(t);
        dlResources.add(obj);
        dlWaitsFor.add(next);
        deadlock = new Deadlock(dlThreads, dlResources, dlWaitsFor, dlWaitsFor.stream().allMatch(n -> n >= 0));
    }

    // ---- results ----

    public Lane threadLane(int thread) {
        return threadLanes.get(thread);
    }

    public Lane objectLane(int object) {
        return objectLanes.get(object);
    }

    /** Number of core lanes: the run's cores in virtual time, none for an os run. */
    public int coreCount() {
        return coreLanes.length;
    }

    /** Who held core c over time: a = the thread on it, -1 while idle. */
    public Lane coreLane(int c) {
        return coreLanes[c];
    }

    /** The thread on core c now, or -1. */
    public int onCore(int c) {
        return coreHolder[c];
    }

    /** Seqs of the live parameter changes and actions (PARAM and ACTION events), in order. */
    public List<Long> marks() {
        return markSeqs;
    }

    /**
     * The INPUT_WAIT event of the question still open: the threads waiting at the keyboard, in the order they asked,
     * get the lines typed and not read yet one each (a line typed goes to the first of them); the first one left
     * without a line asks. -1 when every waiting thread has its line, or none waits.
     */
    public long keyboardRequest() {
        return asker(typedUnread());
    }

    /**
     * The INPUT_WAIT event of the thread that has waited longest at the keyboard, whether or not a line is typed for
     * it already, or -1.
     */
    public long firstKeyboardRequest() {
        return asker(0);
    }

    /**
     * Looking back: the question a line typed now would answer. A line typed at this moment again replaces the
     * lines typed at this same moment (a branch leaves them out), so those do not answer anyone; lines typed at
     * earlier moments still do. -1 if every waiting thread has a line from before.
     */
    public long keyboardRequestToRetype() {
        return asker(Math.max(0, typedUnread() - typedSincePoint));
    }

    /** True while some thread waits for a line typed at the keyboard and has none yet. */
    public boolean keyboardAwaited() {
        return keyboardRequest() >= 0;
    }

    /** The INPUT_WAIT of the waiting thread that asked {@code skip + 1}-th in order, or -1. */
    private long asker(int skip) {
        if (keyboardObject < 0) { // no thread has asked (most runs): nothing to search, frame after frame
            return -1;
        }
        long[] asks = java.util.stream.IntStream.range(0, askedAt.length)
                .filter(t -> askedAt[t] >= 0 && state[t] != ThreadState.FINISHED.ordinal())
                .mapToLong(t -> askedAt[t]).sorted().toArray();
        return skip < asks.length ? asks[skip] : -1;
    }

    /** Lines typed at the keyboard that no thread has read yet (the keyboard object's level). */
    private int typedUnread() {
        return keyboardObject < 0 ? 0 : level[keyboardObject];
    }

    public int threadLaneCount() {
        return threadLanes.size();
    }

    public int objectLaneCount() {
        return objectLanes.size();
    }

    public ThreadState stateOf(int thread) {
        return thread < state.length ? ThreadState.of(state[thread]) : ThreadState.NEW;
    }

    /** The object a blocked or waiting thread waits for ({@link #JOIN_BASE} minus t for a join on t). */
    public int waitingOn(int thread) {
        return thread < stateObject.length ? stateObject[thread] : -1;
    }

    /** The line of the Python equivalent the thread was on at its latest event (0: unknown). */
    public int lineOf(int thread) {
        return thread < line.length ? line[thread] : 0;
    }

    public int holderOf(int object) {
        return object < holder.length ? holder[object] : -1;
    }

    public int waitersOf(int object) {
        return object < waiters.length ? waiters[object] : 0;
    }

    public int levelOf(int object) {
        return object < level.length ? level[object] : 0;
    }

    public List<ContextSwitch> switches() {
        return switches;
    }

    public List<LostUpdate> lostUpdates() {
        return lostUpdates;
    }

    /** The events at which a Python program wrote lines to stderr, in order (see {@link Happening.WroteStderr}). */
    public List<Long> stderrWrites() {
        return stderrSeqs;
    }

    public List<Long> prints() {
        return printSeqs;
    }

    /** The ERROR events so far: a thread that ended with an exception, in order. */
    public List<Long> errors() {
        return errorSeqs;
    }

    /** The deadlock the run reported, or null. */
    public Deadlock deadlock() {
        return deadlock;
    }
}
