package interleave.engine;

import java.util.ArrayDeque;
import java.util.List;

/**
 * Steers a run from outside: pause, resume, single step, stop, parameter changes, actions and (sim) picking
 * the next thread by hand. Every method returns at once; none of them waits for a worker. Workers look at
 * {@link #attention} once per scheduling point and come here only when something is pending.
 */
public final class RunControl {
    volatile boolean attention;
    private boolean paused;
    private long stepBudget;
    private boolean stopRequested;
    private int pickRequest = -1;
    private long pauseAtPoints = -1;
    private java.util.function.LongSupplier points = () -> 0;
    private final ArrayDeque<Command> commands = new ArrayDeque<>();
    private final boolean interactive;
    private final boolean userPresent;
    private Runnable stopHook = () -> { };

    /**
     * @param interactive a user is present: when every thread is blocked on something only an action can
     *                    release (an event a button sets), the run waits instead of reporting a stall
     * @param startPaused the run stops before its first scheduling point
     */
    public RunControl(boolean interactive, boolean startPaused) {
        this(interactive, startPaused, interactive);
    }

    /**
     * @param userPresent someone watches the run and can answer it: input() waits for a line typed at the
     *                    keyboard (else it reads end of file), and the run keeps its plans short so that a pick
     *                    or a button lands at once
     */
    public RunControl(boolean interactive, boolean startPaused, boolean userPresent) {
        this.interactive = interactive;
        this.paused = startPaused;
        this.attention = startPaused;
        this.userPresent = userPresent;
    }

    public static RunControl headless() {
        return new RunControl(false, false);
    }

    public boolean interactive() {
        return interactive;
    }

    /** See {@link #RunControl(boolean, boolean, boolean)}. */
    public boolean userPresent() {
        return userPresent;
    }

    public synchronized void pause() {
        paused = true;
        stepBudget = 0;
        pauseAtPoints = -1;
        attention = true;
    }

    public synchronized void resume() {
        paused = false;
        stepBudget = 0;
        pauseAtPoints = -1;
        refresh();
        notifyAll();
    }

    /** Runs exactly one more scheduling point, then pauses. */
    public synchronized void step() {
        paused = true;
        stepBudget++;
        pauseAtPoints = -1;
        attention = true;
        notifyAll();
    }

    public synchronized boolean paused() {
        return paused;
    }

    /**
     * Steps handed out by {@link #step()} that no worker has taken yet. A step is taken at a worker's gate, which
     * is not always a recorded scheduling point, so a pacer must count these, not recorded points.
     */
    public synchronized long pendingSteps() {
        return stepBudget;
    }

    public void stop() {
        Runnable hook;
        synchronized (this) {
            stopRequested = true;
            attention = true;
            notifyAll();
            hook = stopHook;
        }
        hook.run();
    }

    public synchronized boolean stopRequested() {
        return stopRequested;
    }

    /**
     * Runs freely until the trace holds {@code target} scheduling points, then pauses at the next gate. A branch
     * replays a deterministic run to a chosen moment this way before the user changes something there.
     */
    public synchronized void runUntilPoints(long target) {
        paused = false;
        stepBudget = 0;
        pauseAtPoints = target;
        attention = true;
        notifyAll();
    }

    /** True while a command or a pick waits for a worker to take it in. */
    public synchronized boolean inputPending() {
        return !commands.isEmpty() || pickRequest >= 0;
    }

    /** True while a {@link #runUntilPoints} target has not been reached. */
    public synchronized boolean runningToTarget() {
        return pauseAtPoints >= 0;
    }

    /** Sim mode: the given ready thread runs next (the teacher as the scheduler). */
    public synchronized void pick(int threadId) {
        pickRequest = threadId;
        attention = true;
        notifyAll();
    }

    public synchronized void submit(Command command) {
        commands.add(command);
        attention = true;
        notifyAll();
    }

    // ---- kernel side ----

    synchronized void onStop(Runnable hook) {
        this.stopHook = hook;
    }

    /** The kernel tells the control how to count the run's recorded points (for {@link #runUntilPoints}). */
    synchronized void countPointsWith(java.util.function.LongSupplier points) {
        this.points = points;
    }

    synchronized List<Command> drainCommands() {
        List<Command> out = List.copyOf(commands);
        commands.clear();
        refresh();
        return out;
    }

    synchronized int takePick() {
        int p = pickRequest;
        pickRequest = -1;
        refresh();
        return p;
    }

    synchronized boolean hasCommands() {
        return !commands.isEmpty();
    }

    /** What a worker at the gate should do next. */
    enum Gate { PROCEED, COMMANDS, STOPPED }

    /**
     * Called by a worker about to run a scheduling point: waits while paused with no step left. Returns
     * COMMANDS when something arrived that the worker must apply first (it then comes back); a worker that
     * cannot take input in now ({@code takesInput} false) waits for a step instead. While paused, input that
     * arrived together with a step is taken in before the step is spent: a pick then a step runs the picked
     * thread, whichever of the two the worker saw first.
     */
    synchronized Gate passGate(boolean takesInput) {
        if (pauseAtPoints >= 0 && points.getAsLong() >= pauseAtPoints) {
            pauseAtPoints = -1;
            paused = true;
            stepBudget = 0;
        }
        while (paused && !stopRequested) {
            if (takesInput && inputPending()) {
                return Gate.COMMANDS;
            }
            if (stepBudget > 0) {
                break;
            }
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Gate.STOPPED;
            }
        }
        if (stopRequested) {
            return Gate.STOPPED;
        }
        if (paused && stepBudget > 0) {
            stepBudget--;
        }
        refresh();
        return Gate.PROCEED;
    }

    /** Waits until a command, a pick or a stop arrives (every thread blocked, a user present). */
    synchronized boolean awaitOutsideInput() {
        while (commands.isEmpty() && !stopRequested) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !stopRequested;
    }

    private void refresh() {
        attention = paused || pauseAtPoints >= 0 || stopRequested || !commands.isEmpty() || pickRequest >= 0;
    }
}
