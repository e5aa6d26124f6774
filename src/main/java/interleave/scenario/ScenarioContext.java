package interleave.scenario;

import interleave.engine.Acquirable;
import interleave.engine.Condition;
import interleave.engine.Event;
import interleave.engine.Kernel;
import interleave.engine.Lock;
import interleave.engine.Queue;
import interleave.engine.RLock;
import interleave.engine.Semaphore;
import interleave.engine.SharedInt;
import interleave.engine.ThreadLocalVar;
import interleave.engine.Worker;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a scenario's code sees: the run's threading module, its parameters (which may change mid-run) and a
 * place to keep the objects its result is computed from.
 */
public final class ScenarioContext {
    private final Kernel kernel;
    private final Map<String, Object> params;
    private final Map<String, Runnable> actions = new ConcurrentHashMap<>();
    private final Map<String, Object> kept = new ConcurrentHashMap<>();
    private final java.util.SplittableRandom random;
    private final Anchors anchors;

    ScenarioContext(Kernel kernel, Map<String, Object> params, Anchors anchors) {
        this.anchors = anchors;
        this.kernel = kernel;
        this.params = new ConcurrentHashMap<>(params);
        this.random = new java.util.SplittableRandom(kernel.settings().seed() * 31 + 7);
    }

    /** Random numbers from the run's seed: draw them on one thread (MainThread) to stay deterministic. */
    public java.util.SplittableRandom random() {
        return random;
    }

    /** The scheduling mode of this run. */
    public interleave.engine.Mode mode() {
        return kernel.settings().mode();
    }

    public Kernel threading() {
        return kernel;
    }

    // ---- parameters ----

    public int intParam(String name) {
        return (Integer) param(name);
    }

    public boolean boolParam(String name) {
        return (Boolean) param(name);
    }

    public String choiceParam(String name) {
        return (String) param(name);
    }

    private Object param(String name) {
        Object v = params.get(name);
        if (v == null) {
            throw new IllegalArgumentException("scenario has no parameter " + name);
        }
        return v;
    }

    void setParam(String name, Object value) {
        params.put(name, value);
    }

    // ---- actions and kept objects ----

    /** Registers what an action button does; runs at a scheduling point, must not block. */
    public void onAction(String name, Runnable handler) {
        actions.put(name, handler);
    }

    Runnable action(String name) {
        return actions.get(name);
    }

    public <T> T keep(String key, T value) {
        kept.put(key, value);
        return value;
    }

    @SuppressWarnings("unchecked")
    public <T> T kept(String key) {
        return (T) kept.get(key);
    }

    // ---- the threading module, Python-style ----

    public SharedInt shared(String name, int initial) {
        return kernel.sharedInt(name, initial);
    }

    public Lock lock(String name) {
        return kernel.lock(name);
    }

    public RLock rlock(String name) {
        return kernel.rlock(name);
    }

    public Semaphore semaphore(String name, int n) {
        return kernel.semaphore(name, n);
    }

    public Semaphore boundedSemaphore(String name, int n) {
        return kernel.boundedSemaphore(name, n);
    }

    public Event event(String name) {
        return kernel.event(name);
    }

    public Condition condition(String name, Acquirable lock) {
        return kernel.condition(name, lock);
    }

    /** {@code queue.Queue(maxsize)}: 0 is unbounded. Its items stay Java objects; the engine keeps their order. */
    public <T> Queue<T> queue(String name, int maxsize) {
        return kernel.queue(name, maxsize);
    }

    public ThreadLocalVar local(String name) {
        return kernel.local(name);
    }

    public Worker thread(String name, Runnable body) {
        return kernel.thread(name, false, body);
    }

    public Worker daemon(String name, Runnable body) {
        return kernel.thread(name, true, body);
    }

    public void sleep(double seconds) {
        kernel.sleep(seconds);
    }

    public void yieldNow() {
        kernel.yieldNow();
    }

    /** A CPU step of a computation: a point where the scheduler may switch. */
    public void step() {
        kernel.step();
    }

    /**
     * {@code input(prompt)}: the line the user types in the keyboard bar. With nobody at the keyboard (the command
     * line, a test) it raises EOFError, as CPython's input() at the end of its input.
     */
    public String input(String prompt) {
        String line = kernel.readLine(prompt);
        if (line == null) {
            throw new interleave.engine.ThreadingError("EOFError", "EOF when reading a line");
        }
        return line;
    }

    public void print(String text) {
        kernel.print(text);
    }

    /** The thread is now on the line of the demo's Python program tagged {@code @anchor}. */
    public void line(String anchor) {
        kernel.line(anchors.line(anchor));
    }

    public String currentThreadName() {
        return kernel.currentThreadName();
    }

    /** Virtual seconds since the start (sim, cooperative) or real ones (os). */
    public double seconds() {
        return kernel.seconds();
    }
}
