package interleave.engine;

import interleave.trace.Trace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The {@code threading} module of one run: it makes threads and primitives, and it schedules them. Scenario
 * code calls it only from worker threads; {@link RunControl} steers it from outside.
 *
 * <p>{@link SimKernel} serves the deterministic modes (sim and cooperative), {@link OsKernel} the os mode.
 */
public abstract class Kernel {
    /** One virtual tick is one virtual microsecond. */
    public static final long TICKS_PER_SECOND = 1_000_000L;

    protected final Trace trace;
    protected final RunSettings settings;
    protected final RunControl control;
    protected final List<Thread> javaThreads = new CopyOnWriteArrayList<>();
    protected final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    private final CompletableFuture<RunOutcome> outcome = new CompletableFuture<>();

    protected Kernel(Trace trace, RunSettings settings, RunControl control) {
        this.trace = trace;
        this.settings = settings;
        this.control = control;
        control.countPointsWith(trace::pointCount);
        trace.onFull(control::stop); // out of room for events: stop the run, keep what it recorded
    }

    /** True if the run was stopped because its trace reached the most this heap can hold. */
    public boolean stoppedForMemory() {
        return trace.full();
    }

    public static Kernel create(Trace trace, RunSettings settings, RunControl control) {
        return settings.mode() == Mode.OS ? new OsKernel(trace, settings, control)
                : new SimKernel(trace, settings, control);
    }

    public Trace trace() {
        return trace;
    }

    public RunSettings settings() {
        return settings;
    }

    public RunControl control() {
        return control;
    }

    // ---- what scenario code calls ----

    public abstract Lock lock(String name);

    public abstract RLock rlock(String name);

    public abstract Semaphore semaphore(String name, int value);

    public abstract Semaphore boundedSemaphore(String name, int value);

    /** {@code threading.Semaphore()}: the initial value is 1. */
    public Semaphore semaphore(String name) {
        return semaphore(name, 1);
    }

    public abstract Event event(String name);

    /** {@code threading.Condition()}: a condition with an RLock of its own, named after it. */
    public Condition condition(String name) {
        return condition(name, rlock(name + ".lock"));
    }

    public abstract Condition condition(String name, Acquirable lock);

    public abstract ThreadLocalVar local(String name);

    public abstract SharedInt sharedInt(String name, int initial);

    public abstract Worker thread(String name, boolean daemon, Runnable body);

    /** {@code time.sleep}: virtual seconds in sim and cooperative modes, real ones in os mode. */
    public abstract void sleep(double seconds);

    /** {@code time.sleep(0)}: offers the core to another ready thread. */
    public abstract void yieldNow();

    /** {@code print}: a line of output, recorded in the trace. */
    public abstract void print(String text);

    /** Marks the line of the scenario's Python equivalent the current thread is on (no scheduling point). */
    public abstract void line(int line);

    /** Virtual ticks (sim, cooperative) or nanoseconds since start (os). */
    public abstract long now();

    public abstract String currentThreadName();

    /** A point where the scheduler may switch with no other effect (a CPU step of a computation). */
    public abstract void step();

    // ---- lifecycle ----

    /** Starts the run: {@code main} runs on a new worker named MainThread. Returns at once. */
    public abstract void start(Runnable main);

    public boolean done() {
        return outcome.isDone();
    }

    /** Waits for the run to end (finished, deadlock or stopped). */
    public RunOutcome awaitOutcome() throws InterruptedException {
        try {
            return outcome.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Waits at most the given time; null if the run has not ended. */
    public RunOutcome awaitOutcome(long millis) throws InterruptedException {
        try {
            return outcome.get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    public RunOutcome outcomeNow() {
        return outcome.getNow(null);
    }

    /** Waits until every worker thread of the run has terminated; true if they all did in time. */
    public boolean awaitTermination(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        for (Thread t : javaThreads) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return !anyAlive();
            }
            t.join(left);
        }
        return !anyAlive();
    }

    public boolean anyAlive() {
        return javaThreads.stream().anyMatch(Thread::isAlive);
    }

    /** The Python-style errors raised in worker threads, e.g. "T1: RuntimeError: release unlocked lock". */
    public List<String> errors() {
        synchronized (errors) {
            return List.copyOf(errors);
        }
    }

    protected final boolean complete(RunOutcome o) {
        return outcome.complete(o);
    }

    /**
     * CPython's {@code Condition.wait_for(predicate, timeout)}: waits for notifies until the predicate holds or
     * the time is up, counting the time from the first wait. A NaN timeout (CPython then re-checks in a busy loop
     * until the predicate holds) waits for notifies with no timeout.
     */
    protected final boolean waitFor(Condition c, java.util.function.BooleanSupplier predicate, double timeout) {
        if (Double.isNaN(timeout)) {
            return c.awaitFor(predicate);
        }
        double end = Double.NaN;
        double waitTime = timeout;
        boolean result = predicate.getAsBoolean();
        while (!result) {
            if (Double.isNaN(end)) {
                end = seconds() + waitTime;
            } else {
                waitTime = end - seconds();
                if (waitTime <= 0) {
                    break;
                }
            }
            c.await(waitTime);
            result = predicate.getAsBoolean();
        }
        return result;
    }

    /** {@link #now()} in seconds: virtual ones (sim, cooperative) or real ones since the start (os). */
    public final double seconds() {
        return settings.mode().virtualTime() ? now() / (double) TICKS_PER_SECOND : now() / 1e9;
    }

    protected static String describe(Throwable e) {
        if (e instanceof ThreadingError te) {
            return te.toString();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
