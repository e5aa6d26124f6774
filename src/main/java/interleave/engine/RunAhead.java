package interleave.engine;

import interleave.engine.SimKernel.SimThread;
import interleave.trace.SwitchReason;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * What the baton runtime lets a Python program's threads do before it decides: the slices a {@link #plan} foresaw,
 * the levels of a {@link #continuation}, a hand-off by a thread about to block. The runtime still makes every
 * decision when its point comes; this class draws the forecasts and checks each decision against what the Python
 * side was told (a difference ends the run: two threads would run). Its own class because none of it is needed to
 * run a demo: {@link SimKernel} calls it at a slice's end, a switch and a new slice.
 */
final class RunAhead {
    /**
     * How many slices' ends a {@link #continuation} may foresee. A teacher's pick or command waits until the thread
     * asks or its levels run out, so where a teacher is present they are few.
     */
    private static final int LEVELS = 64;
    private static final int LEVELS_WITH_A_TEACHER = 2;
    /**
     * How many of a plan's first slices come with the continuation their thread goes on under if the thread before
     * blocks on a lock it holds, and how many levels each has: enough for the engine to catch up and send the rest.
     */
    private static final int AHEAD_SLICES = 4;
    private static final int AHEAD_LEVELS = 16;

    private final SimKernel k;

    /** The switches a {@link #plan} foresaw, in order, each with its thread's grant: checked as they come. */
    private final ArrayDeque<Foreseen> foreseen = new ArrayDeque<>();
    /** The {@link #aheadOf} of the last plan's first slices, as the Python side is told them. */
    private final List<Kernel.Continuation> aheads = new ArrayList<>(AHEAD_SLICES);
    /** The first slice of the last plan, kept when the thread asks: it may be handed the core as the thread blocks. */
    private Foreseen handable;
    /** A {@link #continuation}'s chain, and the level of it whose slice has not ended yet (-1: none). */
    private Continuing.Chain chain;
    private int chainAt = -1;
    /** A thread the Python side has told to go on already, before the engine gave it the core. */
    private GoneOn goneOn;
    private final PlanReach reach = new PlanReach();

    /**
     * A foreseen slice; {@code ahead}: the continuation its thread goes on under if the thread before it blocks on a
     * lock it holds and hands it the core (see {@link #aheadOf}), null where that cannot be foreseen.
     */
    private record Foreseen(SimThread thread, int budget, Continuing.Chain ahead, int aheadLevels) {
    }

    /**
     * A thread the Python side has told to go on already: the next slice given to it must be {@code sliceLen}
     * points long (-1: long enough, the clock too, for the grant), and leave it {@code granted} points.
     */
    private record GoneOn(SimThread thread, int sliceLen, int granted, Foreseen ahead, boolean tookTheLock) {
        /** It went on at its slice's end with a new grant, as a continuation foresaw. */
        static GoneOn wentOn(SimThread t, int budget) {
            return new GoneOn(t, budget + 1, budget, null, false);
        }

        /** It took the lock it waited for, the first point of its slice, and went on with the rest. */
        static GoneOn tookTheLock(SimThread t, int budget) {
            return new GoneOn(t, budget + 2, budget + 1, null, true); // the taking counts the grant down: endPoint
        }

        /**
         * It was handed the core by a thread about to block, with its grant from a plan: at most what its slice
         * and the clock allow now (the plan foresaw the slice starting later, at the blocker's slice's end). With
         * {@code ahead}, it goes on under that slice's continuation, which it was told with the plan.
         */
        static GoneOn handedOn(SimThread t, int budget, Foreseen ahead) {
            return new GoneOn(t, -1, budget, ahead, false);
        }
    }

    RunAhead(SimKernel k) {
        this.k = k;
    }

    /** The running thread asks the engine: the slices after it are decided when they come. */
    void asked() {
        reach.ended(foreseen.size());
        handable = foreseen.peekFirst();
        foreseen.clear();
        chainAt = -1;
    }

    /** See {@link Kernel#plan}. */
    int[] plan(IntPredicate waitsForGo, int maxSlices) {
        reach.ended(foreseen.size());
        foreseen.clear();
        aheads.clear();
        chainAt = -1;
        SimThread me = k.cur;
        if (!k.goesOnUnasked(me) || !k.policy.preemptive() || holdsAWaitedLock(me)) {
            return Kernel.NO_PLAN;
        }
        long deadline = k.timed.isEmpty() ? Long.MAX_VALUE : k.timed.peek().deadline;
        // the grant must end exactly at the slice's end, a tick before any sleeper wakes (who would then be ready)
        if (me.granted != me.sliceLen - me.sliceUsed - 1 || deadline <= k.now + me.granted + 1) {
            return Kernel.NO_PLAN;
        }
        long start = k.now + me.granted + 1; // the tick the next slice starts at
        SchedulingPolicy forecast = k.policy.forecast();
        List<SimThread> readySoon = new ArrayList<>(k.ready);
        List<SimThread> planned = new ArrayList<>(); // each thread once: it waits at its slice's end from then on
        SimThread out = me;
        maxSlices = reach.next(maxSlices);
        int[] slices = new int[2 * maxSlices];
        int n = 0;
        int aheadLevels = k.control.userPresent() ? LEVELS_WITH_A_TEACHER : AHEAD_LEVELS;
        while (n < maxSlices && !readySoon.isEmpty()) {
            SimThread in = forecast.next(readySoon); // the same calls, in the same order, as preempt's
            if (in != me && !planned.contains(in) && !waitsForGo.test(in.id)) {
                break;
            }
            // were the thread before it to block on a lock it holds, it would run alone with one waiter (the first
            // slice's thread, which does not run before then, can only hold what it holds now)
            boolean aloneWithTheBlocker = readySoon.isEmpty() && k.timed.isEmpty() && lockWaitersOf(in).isEmpty()
                    && (n > 0 || in.locksHeld > 0);
            readySoon.add(out);
            int length = forecast.sliceLength();
            long budget = Math.min(length - 1L, deadline - start - 1);
            Continuing.Chain ahead = n < AHEAD_SLICES && aloneWithTheBlocker
                    ? Continuing.chain(forecast, in, null, out, true, aheadLevels) : null;
            foreseen.add(new Foreseen(in, (int) budget, ahead, aheadLevels));
            if (n < AHEAD_SLICES) {
                aheads.add(ahead == null ? null : ahead.asSeen());
            }
            if (!planned.contains(in)) {
                planned.add(in);
            }
            slices[2 * n] = in.id;
            slices[2 * n + 1] = (int) budget;
            n++;
            start += length;
            if (deadline <= start) {
                break; // a sleeper wakes within this slice or at its end: what follows is decided then
            }
            out = in;
        }
        reach.drawn(n);
        return Arrays.copyOf(slices, 2 * n);
    }

    /** See {@link Kernel#aheadOf}. */
    Kernel.Continuation aheadOf(int slice) {
        return slice < foreseen.size() && slice < AHEAD_SLICES ? aheads.get(slice) : null;
    }

    /**
     * The engine decided otherwise than a plan the Python side has already followed: the run cannot go on
     * truthfully (two threads would run there), so it ends at once, with the reason among its errors, instead of
     * leaving threads waiting for a turn that never comes.
     */
    private RunStopped planBroken(String why) {
        foreseen.clear();
        k.errors.add("internal error, the run was stopped: " + why);
        k.control.stop();
        return new RunStopped();
    }

    /** The threads waiting for a Lock or RLock that {@code holder} holds or that is free (a grant could wake them). */
    private List<SimThread> lockWaitersOf(SimThread holder) {
        List<SimThread> waiters = new ArrayList<>(1);
        for (SimThread t : k.strands()) {
            if (t != holder && t.waitingOn instanceof Mutex m && (m.owner == null || m.owner == holder)) {
                waiters.add(t);
            }
        }
        return waiters;
    }

    /** Whether a thread waits to take a Lock or RLock {@code me} holds (giving it back would make it ready). */
    private boolean holdsAWaitedLock(SimThread me) {
        for (SimThread t : k.strands()) {
            if (t.waitingOn instanceof Mutex m && m.owner == me) {
                return true;
            }
        }
        return false;
    }

    /** See {@link Kernel#continuation}. */
    Kernel.Continuation continuation(Predicate<Acquirable> known, IntPredicate inAcquire) {
        chainAt = -1;
        SimThread me = k.cur;
        // one core, a grant to the slice's end, nobody else ready and no clock running: the slice's end is decided
        // by the lock alone, and the policy's draws for each outcome can be made ahead on a forecast
        if (!k.goesOnUnasked(me) || !k.policy.preemptive() || !k.ready.isEmpty() || !k.timed.isEmpty()
                || me.granted != me.sliceLen - me.sliceUsed - 1) {
            return null;
        }
        // a lock another thread holds: nothing the grant does wakes its waiters; ours, with one waiter that waits
        // for ever; or free with waiters, which a grant could wake
        List<SimThread> waiters = lockWaitersOf(me);
        if (waiters.size() > 1 || waiters.size() == 1 && !waitsForeverFor(waiters.get(0), me, known)) {
            return null;
        }
        SimThread waiter = waiters.isEmpty() ? null : waiters.get(0);
        // the waiter's Python side is told it took the lock only where it waits in acquire() (not in a Condition's
        // wait, which takes the lock back and returns its own result)
        chain = Continuing.chain(k.policy, me, waiter == null ? null : (Mutex) waiter.waitingOn, waiter,
                waiter != null && inAcquire.test(waiter.id),
                k.control.userPresent() ? LEVELS_WITH_A_TEACHER : LEVELS);
        chainAt = 0;
        return chain.asSeen();
    }

    /** Whether {@code t} waits in an acquire without a timeout for a Lock or RLock {@code holder} holds. */
    private static boolean waitsForeverFor(SimThread t, SimThread holder, Predicate<Acquirable> known) {
        return t.waitingOn instanceof Mutex m && m.owner == holder && t.recheck != null && t.deadline < 0
                && known.test(m);
    }

    /** The level of the {@link #chain} whose slice has not ended yet, or null. */
    private Continuing continuing() {
        return chainAt < 0 ? null : chain.levels().get(chainAt);
    }

    /** See {@link Kernel#goesOnAsItKnows}. */
    boolean goesOnAsItKnows() {
        Continuing c = continuing();
        return c != null && c.thread() == k.cur;
    }

    /** See {@link Kernel#handedOnIfBlocked}. */
    void handedOnIfBlocked(SimThread next, int thread, int budget, boolean withItsContinuation) {
        Foreseen f = handable;
        handable = null;
        if (next == null || budget < 0 || withItsContinuation
                && (f == null || f.thread() != next || f.budget() != budget || f.ahead() == null)) {
            throw planBroken("the Python side handed the core to thread " + thread + " with " + budget + " points"
                    + (withItsContinuation ? " and the continuation of the plan's first slice" : ""));
        }
        goneOn = GoneOn.handedOn(next, budget, withItsContinuation ? f : null);
    }

    /** See {@link Kernel#handedOnAsForeseen}. */
    void handedOnAsForeseen() {
        if (goneOn != null) {
            GoneOn g = goneOn;
            goneOn = null;
            throw planBroken("the Python side handed the core to " + g.thread().name + " for when " + k.cur.name
                    + " blocked, but it did not block");
        }
    }

    /**
     * The slice of {@code t} ended: if it has a {@link #continuation}, which grant its next slice must give it, if
     * it still holds the lock (else the waiter takes it, and the thread waits to be told to go on).
     */
    void sliceEnds(SimThread t) {
        Continuing c = continuing();
        if (c == null || c.thread() != t) {
            return;
        }
        int at = chainAt;
        chainAt = -1;
        if (c.lock() != null && c.lock().owner != t) { // let go: the waiter takes it, told by the thread
            if (c.ifLetGo() >= 0) {
                goneOn = GoneOn.tookTheLock((SimThread) c.waiter(), c.ifLetGo());
            }
            return;
        }
        boolean untouched = c.lock() == null || c.waiter().waitingOn == c.lock();
        int budget = untouched ? c.ifUntouched() : c.ifRetaken();
        if (budget >= 0) {
            goneOn = GoneOn.wentOn(t, budget);
            chainAt = chain.after(at, untouched); // its next level, if foreseen
        }
    }

    /** {@code t} got a new slice (its length drawn): if the Python side told it to go on, the one it foresaw. */
    void newSlice(SimThread t) {
        GoneOn g = goneOn;
        if (g == null || g.thread() != t) {
            return;
        }
        goneOn = null;
        long byClock = k.timed.isEmpty() ? Long.MAX_VALUE : k.timed.peek().deadline - k.now - 1;
        if (g.sliceLen() < 0 ? g.granted() > Math.min(t.sliceLen - 1L, byClock)
                : g.sliceLen() != t.sliceLen || !k.timed.isEmpty()) {
            throw planBroken("the Python side told " + t.name + " to go on with a slice of " + g.sliceLen()
                    + " points, but its slice is " + t.sliceLen + (k.timed.isEmpty() ? "" : " with a clock running"));
        }
        t.granted = g.granted();
        t.plannedIn = true;
        t.continued = true;
        t.toldItTookTheLock = g.tookTheLock();
        if (g.ahead() != null) {
            goesOnUnderItsContinuation(t, g.ahead());
        }
    }

    /**
     * A thread handed the core by one that blocked on a lock it holds goes on under the continuation its plan
     * foresaw for it: the same as {@link #continuation} would draw now, from the same place of the policy.
     */
    private void goesOnUnderItsContinuation(SimThread t, Foreseen f) {
        List<SimThread> waiters = lockWaitersOf(t);
        SimThread waiter = waiters.size() == 1 ? waiters.get(0) : null;
        // (not asked whether a teacher waits: the Python side goes on already; a pick waits for the levels' end)
        Continuing.Chain now = waiter != null && k.ready.isEmpty() && k.timed.isEmpty() && k.policy.cores() == 1
                && waitsForeverFor(waiter, t, m -> true)
                ? Continuing.chain(k.policy, t, (Mutex) waiter.waitingOn, waiter, true, f.aheadLevels()) : null;
        if (now == null || !now.asSeen().levels().equals(f.ahead().asSeen().levels())) {
            throw planBroken("the Python side told " + t.name + " to go on under a continuation the engine does not"
                    + " foresee now");
        }
        chain = now;
        chainAt = 0;
    }

    /** {@code in} got the core by {@code why}: if a plan foresaw this switch, as it foresaw it. */
    void switchedIn(SimThread in, SwitchReason why) {
        Foreseen f = foreseen.poll();
        if (f != null) {
            if (f.thread() != in || why != SwitchReason.SLICE_OVER || f.budget() > in.sliceLen - 1) {
                throw planBroken("the plan foresaw " + f.thread().name + " with " + f.budget() + " points, but "
                        + in.name + " got the core (" + why + ", slice " + in.sliceLen + ")");
            }
            in.granted = f.budget();
            in.plannedIn = true;
        }
    }

    /** {@code t} is about to get a core by {@code why}: only the end of a slice may come while a plan foresees. */
    void placing(SimThread t, SwitchReason why) {
        if (!foreseen.isEmpty() && why != SwitchReason.SLICE_OVER) {
            throw planBroken("a plan foresaw the next switches, but " + t.name + " got the core: " + why);
        }
    }

    /** Whether slices foreseen after the current one are still to come. */
    boolean plansAhead() {
        return !foreseen.isEmpty() || chainAt >= 0;
    }

    /** Whether nothing was foreseen that the Python side may be doing now (a teacher's pick may then apply). */
    boolean nothingForeseen() {
        return foreseen.isEmpty() && chainAt < 0 && goneOn == null;
    }
}
