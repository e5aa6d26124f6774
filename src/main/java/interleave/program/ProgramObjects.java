package interleave.program;

import com.fasterxml.jackson.databind.JsonNode;
import interleave.engine.Acquirable;
import interleave.engine.Condition;
import interleave.engine.Event;
import interleave.engine.Kernel;
import interleave.engine.Lock;
import interleave.engine.Semaphore;
import interleave.engine.ThreadingError;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The threading objects a Python program made (its Lock, Event, Queue, ...), each the engine's own primitive,
 * known to the runtime by a number; and the calls on them, carried out by the engine's rules.
 */
final class ProgramObjects {
    private final Kernel k;
    private final Map<Integer, Object> objects = new ConcurrentHashMap<>();
    /** The Locks and RLocks among them: the only ones a grant can name, looked at in every answer. */
    private final Map<Integer, Acquirable> mutexes = new ConcurrentHashMap<>();
    private final Map<String, interleave.engine.ThreadLocalVar> locals = new ConcurrentHashMap<>();


    /** Runs a Barrier's action (by its number) in the Python thread that arrived last. */
    private final java.util.function.IntConsumer barrierAction;

    ProgramObjects(Kernel k, java.util.function.IntConsumer barrierAction) {
        this.k = k;
        this.barrierAction = barrierAction;
    }

    /** How many objects were given each name, so that each object's name in the views is its own. */
    private final Map<String, Integer> namesGiven = new java.util.HashMap<>();

    synchronized int create(String kind, String given, JsonNode args) { // os mode: threads make them at once
        int id = objects.size() + 1;
        String name = given.isEmpty() ? kind.toLowerCase(java.util.Locale.ROOT) + id : given;
        int made = namesGiven.merge(name, 1, Integer::sum);
        if (made > 1) { // two objects named alike (self.lock in two instances): "lock", then "lock-2"
            name = name + "-" + made;
        }
        Object o = switch (kind) {
            case "Lock" -> k.lock(name);
            case "RLock" -> k.rlock(name);
            case "Semaphore" -> k.semaphore(name, pythonInt(args.path(0), 1));
            case "BoundedSemaphore" -> k.boundedSemaphore(name, pythonInt(args.path(0), 1));
            case "Event" -> k.event(name);
            case "Condition" -> args.path(0).isNull() || args.path(0).isMissingNode() ? k.condition(name)
                    : k.condition(name, (Acquirable) objects.get(args.path(0).asInt()));
            case "Barrier" -> barrier(name, id, args);
            case "Queue" -> k.<Integer>queue(name, args.path(0).asInt(0));
            default -> throw new ThreadingError("NotImplementedError", "threading." + kind + " is not modelled yet");
        };
        objects.put(id, o);
        if (kind.equals("Lock") || kind.equals("RLock")) {
            mutexes.put(id, (Acquirable) o);
        }
        return id;
    }

    /**
     * A Python int argument (a Semaphore's value, a Barrier's parties), any size: one past an int's range keeps its
     * sign, which is what the engine's rules look at.
     */
    private static int pythonInt(JsonNode value, int absent) {
        if (value.isMissingNode()) {
            return absent;
        }
        if (value.isBigInteger()) { // past a long (2**64): asLong() would wrap it
            return value.bigIntegerValue().signum() < 0 ? Integer.MIN_VALUE : Integer.MAX_VALUE;
        }
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value.asLong()));
    }

    /** Barrier(parties, timeout, has an action, made by CPython 3.13 or later). */
    private interleave.engine.Barrier barrier(String name, int id, JsonNode args) {
        Runnable action = args.path(2).asBoolean(false) ? () -> barrierAction.accept(id) : null;
        Double timeout = args.path(1).isNull() || args.path(1).isMissingNode() ? null : args.path(1).asDouble();
        int parties = pythonInt(args.path(0), 0);
        return args.path(3).asBoolean(false) ? k.barrierOf313(name, parties, action, timeout)
                : k.barrier(name, parties, action, timeout);
    }

    /** Whether it is one of the program's Locks or RLocks, which a grant can name. */
    boolean isMutex(Acquirable lock) {
        return mutexes.containsValue(lock);
    }

    /** The program's number for one of its Locks or RLocks. */
    int mutexId(Acquirable lock) {
        for (Map.Entry<Integer, Acquirable> e : mutexes.entrySet()) {
            if (e.getValue() == lock) {
                return e.getKey();
            }
        }
        throw new IllegalArgumentException("not one of the program's locks: " + lock);
    }

    Object call(String op, int id, JsonNode req) {
        Object o = objects.get(id);
        switch (op) {
            case "acquire": {
                Acquirable a = (Acquirable) o;
                boolean blocking = req.path("blocking").asBoolean(true);
                JsonNode timeout = req.path("timeout");
                if (timeout.isNull() || timeout.isMissingNode()) { // a Semaphore's None: for ever (or not at all)
                    if (blocking) {
                        a.acquire();
                        return true;
                    }
                    return a.tryAcquire();
                }
                return a.acquire(blocking, timeout.asDouble());
            }
            case "release":
                if (o instanceof Semaphore s) {
                    s.release(req.path("n").asInt(1));
                } else {
                    ((Acquirable) o).release();
                }
                return null;
            case "value": // a Semaphore's, for its repr
                return ((Semaphore) o).value();
            case "locked":
                return o instanceof Lock l ? l.locked() : o instanceof Semaphore s && s.value() == 0;
            case "set":
                ((Event) o).set();
                return null;
            case "clear":
                ((Event) o).clear();
                return null;
            case "is_set":
                return ((Event) o).isSet();
            case "wait": {
                JsonNode t = req.path("timeout");
                boolean forever = t.isNull() || t.isMissingNode();
                if (o instanceof Event e) {
                    return forever ? e.await() : e.await(t.asDouble());
                }
                Condition c = (Condition) o;
                return forever ? c.await() : c.await(t.asDouble());
            }
            case "notify":
                ((Condition) o).notify(req.path("n").asInt(1));
                return null;
            case "barrier_wait": {
                interleave.engine.Barrier b = (interleave.engine.Barrier) o;
                JsonNode t = req.path("timeout");
                return t.isNull() || t.isMissingNode() ? b.await() : b.await(t.asDouble());
            }
            case "reset":
                ((interleave.engine.Barrier) o).reset();
                return null;
            case "abort":
                ((interleave.engine.Barrier) o).abort();
                return null;
            case "parties":
                return ((interleave.engine.Barrier) o).parties();
            case "n_waiting":
                return ((interleave.engine.Barrier) o).waiting();
            case "broken":
                return ((interleave.engine.Barrier) o).broken();
            case "put":
                queue(o).put(req.path("item").asInt(), req.path("block").asBoolean(true), timeout(req));
                return null;
            case "get":
                return queue(o).get(req.path("block").asBoolean(true), timeout(req));
            case "task_done":
                queue(o).taskDone();
                return null;
            case "queue_join":
                queue(o).join();
                return null;
            case "qsize":
                return queue(o).size();
            case "full":
                return queue(o).full();
            case "queue_items": // q.queue: CPython's deque, read (not a scheduling point, as in CPython)
                return queue(o).items();
            case "unfinished_tasks":
                return queue(o).unfinished();
            case "maxsize":
                return queue(o).maxsize();
            case "set_maxsize":
                queue(o).setMaxsize(req.path("value").asInt());
                return null;
            default:
                throw new ThreadingError("NotImplementedError", "'" + op + "' is not modelled yet");
        }
    }

    /**
     * With a grant or a plan: each Lock and RLock the threads may take or give back without asking while it lasts
     * (the engine says which, {@link Kernel#passableLock}), with its holder as a Python thread (-1 for none) and
     * its depth.
     */
    void locksInto(Answer answer, java.util.function.IntUnaryOperator pythonThreadOf) {
        for (Map.Entry<Integer, Acquirable> e : mutexes.entrySet()) {
            Kernel.LockState s = k.passableLock(e.getValue());
            int thread = s == null || s.holder() < 0 ? -1 : pythonThreadOf.applyAsInt(s.holder());
            if (s != null && (s.holder() < 0 || thread >= 0)) {
                answer.lock(e.getKey(), thread, s.depth());
            }
        }
    }

    /** Who holds a Lock, an RLock or a Condition's lock, and how deep (see {@link Kernel#holderOf}). */
    Kernel.LockState holderOf(int id) {
        return k.holderOf(objects.get(id));
    }

    /** How many threads wait in a Condition (see {@link Kernel#waitingIn}). */
    int waitingIn(int id) {
        return k.waitingIn(objects.get(id));
    }

    /** A lock the engine said was free, taken within a grant: it must still be (nothing else ran since). */
    void acquireGranted(int id) {
        if (!(objects.get(id) instanceof Acquirable a) || !k.acquirePassesNow(a)) {
            throw new IllegalStateException("the Python runtime took lock " + id + " within its grant, but it is busy");
        }
        a.acquire();
    }

    /** A lock the thread held, given back within a grant. */
    void releaseGranted(int id) {
        if (!(objects.get(id) instanceof Acquirable a) || k.heldDepth(a) == 0) {
            throw new IllegalStateException("the Python runtime gave back lock " + id + " within its grant, "
                    + "but the thread does not hold it");
        }
        a.release();
    }

    @SuppressWarnings("unchecked")
    private static interleave.engine.Queue<Integer> queue(Object o) {
        return (interleave.engine.Queue<Integer>) o;
    }

    private static Double timeout(JsonNode req) {
        JsonNode t = req.path("timeout");
        return t.isNull() || t.isMissingNode() ? null : t.asDouble();
    }

    /** One attribute of a threading.local, as the engine's thread-local (its value shown as text). */
    interleave.engine.ThreadLocalVar local(String name) {
        return locals.computeIfAbsent(name, k::local);
    }
}
