package interleave.app.cpu;

import interleave.trace.ObjectInfo;
import interleave.trace.ObjectType;
import interleave.trace.ThreadInfo;
import interleave.trace.ThreadState;
import interleave.trace.Trace;
import interleave.trace.TraceAnalyzer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each thread belongs right now: on a core, in the ready queue, in the queue of the resource it waits
 * for, asleep, or finished. Cores keep their thread between frames so nobody jumps needlessly.
 */
public final class CpuViewModel {
    public enum Area { CORE, READY, SLEEPING, RESOURCE, JOIN, FINISHED }

    /** A thread's place: the area, which core / resource / joined thread, and its position in that queue. */
    public record Place(Area area, int slot, int order) {
    }

    private final Map<Integer, Integer> coreOf = new HashMap<>();

    public void reset() {
        coreOf.clear();
    }

    /** Objects that get a box in the view, in trace order (a thread-local's box lists each thread's value). */
    public static List<ObjectInfo> resources(Trace t) {
        return new ArrayList<>(t.objects());
    }

    public Map<Integer, Place> places(TraceAnalyzer a, int cores) {
        Trace t = a.trace();
        Map<Integer, Place> out = new LinkedHashMap<>();
        Map<Integer, Integer> queueLength = new HashMap<>();
        boolean[] coreTaken = new boolean[Math.max(1, cores)];
        List<Integer> running = new ArrayList<>();
        int ready = 0;
        int sleeping = 0;
        int finished = 0;
        for (ThreadInfo th : t.threads()) {
            if (th.external() || th.id() >= a.threadLaneCount()) {
                continue;
            }
            ThreadState s = a.stateOf(th.id());
            switch (s) {
                case RUNNING -> running.add(th.id());
                case READY -> out.put(th.id(), new Place(Area.READY, 0, ready++));
                case SLEEPING -> out.put(th.id(), new Place(Area.SLEEPING, 0, sleeping++));
                case FINISHED -> out.put(th.id(), new Place(Area.FINISHED, 0, finished++));
                case BLOCKED, WAITING -> {
                    int obj = a.waitingOn(th.id());
                    if (obj <= TraceAnalyzer.JOIN_BASE) {
                        int target = TraceAnalyzer.JOIN_BASE - obj;
                        int n = queueLength.merge(-1000 - target, 1, Integer::sum) - 1;
                        out.put(th.id(), new Place(Area.JOIN, target, n));
                    } else {
                        int n = queueLength.merge(obj, 1, Integer::sum) - 1;
                        out.put(th.id(), new Place(Area.RESOURCE, obj, n));
                    }
                }
                default -> {
                    // not started yet: not shown
                }
            }
        }
        // in virtual time the trace says which core each running thread is on (as the timeline's core lanes show)
        Map<Integer, Integer> onCores = new HashMap<>();
        for (int c = 0; c < Math.min(a.coreCount(), coreTaken.length); c++) {
            if (running.contains(a.onCore(c))) {
                onCores.put(a.onCore(c), c);
            }
        }
        if (!onCores.isEmpty()) {
            coreOf.clear();
            coreOf.putAll(onCores);
        }
        coreOf.keySet().retainAll(running);
        for (int id : running) {
            Integer c = coreOf.get(id);
            if (c != null && c < coreTaken.length && !coreTaken[c]) {
                coreTaken[c] = true;
            } else {
                coreOf.remove(id);
            }
        }
        int overflow = 0;
        for (int id : running) {
            Integer c = coreOf.get(id);
            if (c == null) {
                for (int i = 0; i < coreTaken.length; i++) {
                    if (!coreTaken[i]) {
                        c = i;
                        coreTaken[i] = true;
                        coreOf.put(id, i);
                        break;
                    }
                }
            }
            // os mode has no cores of ours: extra running threads share the last row
            out.put(id, c != null ? new Place(Area.CORE, c, 0)
                    : new Place(Area.CORE, coreTaken.length - 1, ++overflow));
        }
        return out;
    }

    /** Threads that wait to join a thread, by joined thread. */
    public static List<Integer> joinTargets(Map<Integer, Place> places) {
        List<Integer> out = new ArrayList<>();
        for (Place p : places.values()) {
            if (p.area() == Area.JOIN && !out.contains(p.slot())) {
                out.add(p.slot());
            }
        }
        out.sort(Integer::compare);
        return out;
    }
}
