package interleave.engine;

import interleave.trace.Deadlock;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The one deadlock search of both runtimes. A set of threads is deadlocked when each waits with no deadline
 * and nobody outside the set can end its wait: a Lock, a Semaphore, an Event or a Condition can be released,
 * set or notified by any thread, so a wait on one of them is stuck only while every live thread is stuck; an
 * RLock only by its owner, a join only by the joined thread. The stuck set is found by removing, until
 * nothing changes, every waiter that a thread outside it can free. Called with the kernel's exclusive access,
 * so the waits it sees are exact.
 */
final class WaitForGraph {
    private WaitForGraph() {
    }

    /** A wait-for cycle that no thread outside it can break, or null. Threads are visited in the given order. */
    static Deadlock cycle(List<? extends Strand> strands) {
        Set<Strand> stuck = stuckSet(strands);
        for (Strand start : stuck) {
            List<Strand> path = new ArrayList<>();
            Strand t = start;
            while (t != null && stuck.contains(t)) {
                int seen = path.indexOf(t);
                if (seen >= 0) {
                    return deadlock(path.subList(seen, path.size()), true);
                }
                path.add(t);
                Strand next = null;
                for (Strand h : t.waitingOn.holders()) {
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

    /** Every live thread waits with no deadline: the whole set, as a stall with no cycle; else null. */
    static Deadlock everyoneStuck(List<? extends Strand> strands) {
        List<Strand> live = new ArrayList<>();
        for (Strand t : strands) {
            if (t.isAlive()) {
                if (!t.stuck()) {
                    return null;
                }
                live.add(t);
            }
        }
        return live.isEmpty() ? null : deadlock(live, false);
    }

    private static Set<Strand> stuckSet(List<? extends Strand> strands) {
        int live = 0;
        Set<Strand> stuck = new LinkedHashSet<>();
        for (Strand t : strands) {
            if (t.isAlive()) {
                live++;
                if (t.stuck()) {
                    stuck.add(t);
                }
            }
        }
        boolean changed = true;
        while (changed && !stuck.isEmpty()) {
            changed = false;
            boolean someoneFree = stuck.size() < live;
            for (var it = stuck.iterator(); it.hasNext(); ) {
                Waitable w = it.next().waitingOn;
                if (w.anyoneMayRelease() ? someoneFree : holdersCanEnd(w, stuck)) {
                    it.remove();
                    changed = true;
                }
            }
        }
        return stuck;
    }

    private static boolean holdersCanEnd(Waitable w, Set<Strand> stuck) {
        List<Strand> holders = w.holders();
        if (holders.isEmpty()) {
            return true; // free again (or the joined thread has ended): the waiter is about to go on
        }
        for (Strand h : holders) {
            if (h.isAlive() && !stuck.contains(h)) {
                return true;
            }
        }
        return false;
    }

    private static Deadlock deadlock(List<Strand> threads, boolean cycle) {
        List<Integer> waitsFor = new ArrayList<>();
        for (int i = 0; i < threads.size(); i++) {
            waitsFor.add(cycle ? threads.get((i + 1) % threads.size()).id : joined(threads.get(i)));
        }
        return new Deadlock(threads.stream().map(t -> t.id).toList(),
                threads.stream().map(t -> t.waitingOn == null ? -1 : t.waitingOn.traceId()).toList(), waitsFor,
                cycle);
    }

    /** The thread {@code t} joins, or -1 when it waits for something else. */
    private static int joined(Strand t) {
        Waitable w = t.waitingOn;
        if (w == null || w.traceId() >= 0 || w.holders().isEmpty()) {
            return -1;
        }
        return w.holders().get(0).id;
    }
}
