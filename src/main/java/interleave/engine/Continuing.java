package interleave.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a thread that runs alone, or holds the one Lock or RLock another thread waits for, goes on at the end of its
 * slice (see {@link Kernel#continuation}): with a new slice of {@code ifUntouched + 1} points if it never let the
 * lock go (or runs alone), of {@code ifRetaken + 1} if it let it go and holds it again (the woken waiter re-checks,
 * finds it taken and waits again); if it let it go, the waiter takes it and goes on with {@code ifLetGo} points. -1
 * where that outcome cannot be foreseen. The runtime checks each outcome against this when it comes.
 */
record Continuing(Strand thread, Mutex lock, Strand waiter, int ifUntouched, int ifRetaken, int ifLetGo) {

    /** A level, and the policy as each of its outcomes leaves it (null: no such outcome). */
    record Forecast(Continuing level, SchedulingPolicy afterUntouched, SchedulingPolicy afterRetaken) {
    }

    /**
     * The level at the end of {@code thread}'s slice, drawn on copies of {@code policy} (which stays as it is): the
     * same calls in the same order as the baton runtime's end of a tick (a new slice for the only ready thread), or
     * its preemption for the woken waiter, the waiter's re-check and the core given back.
     */
    static Forecast of(SchedulingPolicy policy, Strand thread, Mutex lock, Strand waiter, boolean toldItTookIt) {
        SchedulingPolicy untouched = policy.forecast();
        int ifUntouched = untouched.sliceLength() - 1;
        if (waiter == null) { // alone: it goes on, whatever it does
            return new Forecast(new Continuing(thread, null, null, ifUntouched, -1, -1), untouched, null);
        }
        SchedulingPolicy retaken = policy.forecast();
        retaken.next(new ArrayList<>(List.of(waiter)));
        int waitersSlice = retaken.sliceLength();
        retaken.next(new ArrayList<>(List.of(thread)));
        int ifRetaken = retaken.sliceLength() - 1;
        // let go: the waiter takes the lock, the first point of its slice, and goes on with the rest
        int ifLetGo = toldItTookIt && waitersSlice >= 2 ? waitersSlice - 2 : -1;
        return new Forecast(new Continuing(thread, lock, waiter, ifUntouched, ifRetaken, ifLetGo), untouched,
                retaken);
    }

    /**
     * The levels of one slice's end after another while the thread goes on: level 0 is the current slice's end;
     * {@code next[i]} holds the level that follows level i if it ends untouched (index 0) or retaken (index 1), -1
     * beyond what was foreseen. Each outcome only moves the policy along its draws, so levels reached by different
     * ways from the same place are one: the graph grows by about a level a slice, not two.
     */
    record Chain(List<Continuing> levels, int[][] next) {
        /** The level after level {@code at} by its outcome, or -1. */
        int after(int at, boolean untouched) {
            return next[at][untouched ? 0 : 1];
        }

        Kernel.Continuation asSeen() {
            List<Kernel.Continuation.Level> seen = new ArrayList<>(levels.size());
            for (int i = 0; i < levels.size(); i++) {
                Continuing c = levels.get(i);
                seen.add(new Kernel.Continuation.Level(c.ifUntouched, c.ifRetaken, c.ifLetGo, next[i][0], next[i][1]));
            }
            Continuing first = levels.get(0);
            return new Kernel.Continuation(first.lock, first.lock == null ? 0 : first.lock.depth,
                    first.waiter == null ? -1 : first.waiter.id, seen);
        }
    }

    /**
     * The chain of at most {@code max} levels from the end of {@code thread}'s current slice. A level only leads to
     * later ones, so that the chain ends after {@code max} slices' ends at most, even where the policy draws
     * nothing (round-robin, a quantum of 1): a teacher's pick or command waits no longer.
     */
    static Chain chain(SchedulingPolicy policy, Strand thread, Mutex lock, Strand waiter, boolean toldItTookIt,
                       int max) {
        List<Continuing> levels = new ArrayList<>();
        List<int[]> next = new ArrayList<>();
        Map<Long, Integer> byPlace = new HashMap<>();
        ArrayDeque<SchedulingPolicy> toForecast = new ArrayDeque<>();
        toForecast.add(policy);
        byPlace.put(policy.place(), 0);
        levels.add(null);
        next.add(null);
        for (int i = 0; !toForecast.isEmpty(); i++) {
            Forecast f = of(toForecast.poll(), thread, lock, waiter, toldItTookIt);
            levels.set(i, f.level);
            int[] after = {-1, -1};
            SchedulingPolicy[] outcomes = {f.afterUntouched, f.afterRetaken};
            for (int o = 0; o < 2; o++) {
                SchedulingPolicy p = outcomes[o];
                if (p == null) {
                    continue;
                }
                Integer known = byPlace.get(p.place());
                if (known != null && known <= i) {
                    known = null;
                }
                if (known == null && levels.size() < max) {
                    known = levels.size();
                    byPlace.putIfAbsent(p.place(), known);
                    levels.add(null);
                    next.add(null);
                    toForecast.add(p);
                }
                after[o] = known == null ? -1 : known;
            }
            next.set(i, after);
        }
        return new Chain(levels, next.toArray(new int[0][]));
    }
}
