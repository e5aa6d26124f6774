package interleave.program;

import com.fasterxml.jackson.databind.JsonNode;
import interleave.engine.Kernel;
import interleave.engine.ThreadingError;
import interleave.engine.Worker;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs one Python program in CPython ({@link PythonProcess}) and pairs each of its threads with an engine worker.
 * The Python side (interleave_rt.py) asks at every scheduling point the engine has not granted it, and waits; the
 * paired worker carries out the granted points it was sent and the request on the engine (which decides when that
 * worker runs) and answers, with the next grant. So the engine is the only scheduler and the only place the
 * primitives' rules live; the Python process only computes between two points. In os mode CPython runs the
 * threads itself and the workers record their points in the order they happened ({@link Sequencer}).
 */
final class PythonBridge {
    /** Off ({@code -Dinterleave.python.grants=false}): every point waits for its answer; the trace is the same. */
    private final boolean grants = !"false".equals(System.getProperty("interleave.python.grants"));
    /**
     * Off ({@code -Dinterleave.python.plans=false}): every switch goes through the engine's workers; the trace is
     * the same. On, where one thread runs at a time, a thread at the end of its slice hands the core to the next
     * thread of the engine's plan itself, while the workers record the points behind it (the Python side and the
     * engine work at once, and a switch is one wake-up on the Python side instead of three in a row).
     */
    private final boolean plans = grants && !"false".equals(System.getProperty("interleave.python.plans"));
    /**
     * Off ({@code -Dinterleave.python.continuations=false}): a thread that runs alone, or holds a lock another
     * waits for, waits at each slice's end for the engine to say how it goes on, and a thread that blocks waits
     * for the engine to hand the core on; the trace is the same. On, the engine tells a thread ahead how it goes on
     * for each way its slice can end (or who takes the lock it lets go), and a thread about to block under a plan
     * tells the plan's next thread to go on itself (only over named pipes: the plan for a grant begun that way
     * comes while the thread runs).
     */
    private final boolean continuations;
    /**
     * Off ({@code -Dinterleave.python.localClock=false}): every time.time() asks the engine; the trace is the same.
     * On, an answer's grant carries the virtual clock's tick, and a thread reads the clock within its grant
     * without asking (a busy wait on time.time() was a round trip an iteration).
     */
    private final boolean localClock = grants && !"false".equals(System.getProperty("interleave.python.localClock"));
    /** How many times a Python thread asked the engine for the time. */
    private final java.util.concurrent.atomic.AtomicInteger clockAsked = new java.util.concurrent.atomic.AtomicInteger();
    /**
     * How many slices a plan may foresee. A teacher's pick or command waits until the plan is spent (the Python
     * threads have gone through it already), so where a teacher is present a plan is short: a pick made while
     * paused applies within two slices, as it did within one grant before there were plans.
     */
    private static final int PLAN_SLICES = 128;
    private static final int PLAN_SLICES_WITH_A_TEACHER = 2;
    private static final JsonNode GONE = PythonProcess.GONE;

    private final Kernel k;
    private final PythonProcess process;
    private final SharedCells variables;
    private final ProgramObjects objects;
    private final Map<Integer, Worker> workers = new ConcurrentHashMap<>();
    /** The engine threads whose Python thread waits in a Lock's or RLock's acquire() (see Kernel#continuation). */
    private final java.util.Set<Integer> inAcquire = ConcurrentHashMap.newKeySet();
    /** Whom each engine thread serves (its Python thread, their channel), by the engine thread's id. */
    private final Map<Integer, Served> servedBy = new ConcurrentHashMap<>();
    /**
     * The engine threads whose Python thread took the lock it waited for as told, whose acquire the thread that
     * handed them the core carried out and answered already (see {@link #tookTheLockForTheWaiter}).
     */
    private final java.util.Set<Integer> answeredAhead = ConcurrentHashMap.newKeySet();
    /** The engine thread serving each Python thread. */
    private final Map<Integer, Integer> strandOf = new ConcurrentHashMap<>();
    /**
     * The engine threads whose Python thread went through the end of its grant and waits to be told to go on
     * (it sent {@code e}): the only ones a plan may hand the core to, since they need no answer.
     */
    private final java.util.Set<Integer> waitingForGo = ConcurrentHashMap.newKeySet();
    /** How many times a Python thread got the core from the one before it in a plan (no answer from us). */
    private final java.util.concurrent.atomic.AtomicInteger handedOn = new java.util.concurrent.atomic.AtomicInteger();
    /** How many times a Python thread went on at its slice's end without waiting, as the engine foresaw. */
    private final java.util.concurrent.atomic.AtomicInteger continued = new java.util.concurrent.atomic.AtomicInteger();
    /** How many times a Python thread about to block handed the core to the lock's holder with its continuation. */
    private final java.util.concurrent.atomic.AtomicInteger handedAhead = new java.util.concurrent.atomic.AtomicInteger();
    /** The line of the first input() that found no answer left (0: none yet). */
    private final java.util.concurrent.atomic.AtomicInteger unansweredInputLine =
            new java.util.concurrent.atomic.AtomicInteger();
    /** How many times the engine took a lock for its waiter as it handed it the core, and answered for it. */
    private final java.util.concurrent.atomic.AtomicInteger takenForWaiters = new java.util.concurrent.atomic.AtomicInteger();
    /** What the program wrote to stdout (its output) and to stderr, tracebacks of uncaught exceptions among it. */
    private final WrittenLines output = new WrittenLines();
    private final WrittenLines errorOutput = new WrittenLines();
    private volatile int exitStatus;
    /** Ends the run, naming the line, when a Python thread stays away from the scheduler too long. */
    private final Stall stall;

    private final java.util.Deque<String> answers;
    /** os mode: CPython runs the threads as it does; the engine records their points in the order they happened. */
    private final boolean os;
    private final Sequencer order;

    /**
     * Runs {@code source} (the program's text as loaded) under the name of its file {@code program}; converted:
     * the source is a Python 2 program's conversion, not the file's text.
     */
    PythonBridge(Kernel k, String python, Path program, Path source, List<String> answers, boolean converted)
            throws IOException {
        this.k = k;
        this.objects = new ProgramObjects(k, this::runAction);
        this.variables = new SharedCells(k);
        this.answers = new java.util.ArrayDeque<>(answers);
        this.os = k.settings().mode() == interleave.engine.Mode.OS;
        this.order = new Sequencer(k.control()::paused);
        this.process = new PythonProcess(k, python, program, source, os, converted);
        this.continuations = plans && process.ownPipes() && PythonProcess.continuationsWanted();
        if (continuations) {
            k.whenTakenForTheWaiter(this::tookTheLockForTheWaiter);
        }
        this.stall = new Stall(Stall.limit(), process::endAskingWhere, process::lineAtTheEnd,
                () -> k.outcomeNow() != null, k.settings().mode() == interleave.engine.Mode.COOPERATIVE,
                k::coreSample);
    }

    /** The lines the program printed, the last one too if nothing ended it (CPython writes it out at exit). */
    List<String> output() {
        return output.lines();
    }

    /**
     * The lines the program wrote to stderr, as CPython writes them there: what it wrote itself (logging's messages,
     * print to sys.stderr) and the tracebacks of uncaught exceptions; the last one too if nothing ended it.
     */
    List<String> errorOutput() {
        return errorOutput.lines();
    }

    /** The exit status python3 would end the program with (0 unless its main thread raised or called sys.exit). */
    int exitStatus() {
        return exitStatus;
    }

    /** How many context switches the Python threads made among themselves, as the engine's plans said. */
    int handedOnByPlan() {
        return handedOn.get();
    }

    /** How many slices a Python thread began without an answer of the engine, as a plan said (not handed on). */
    int continuedByPlan() {
        return continued.get();
    }

    /**
     * How many times a thread about to block on a lock handed the core to its holder together with the
     * continuation the holder goes on under, so that the holder needed no plan from the engine.
     */
    int handedWithAContinuation() {
        return handedAhead.get();
    }

    /**
     * How many times a lock let go was taken for its waiter by the worker handing it the core, which sent the
     * waiter's next plan at once instead of waking the waiter's own worker first.
     */
    int takenForWaiters() {
        return takenForWaiters.get();
    }

    /** The line of the first input() that found no answer (0: none), which python3 would end with EOFError. */
    int unansweredInputLine() {
        return unansweredInputLine.get();
    }

    /** How many times a Python thread asked the engine for the time (not read within a grant). */
    int clockAsked() {
        return clockAsked.get();
    }

    /** os mode: how many times points were recorded out of order, because one stayed away too long. */
    int pointsRecordedLate() {
        return order.gaveUp();
    }

    /** The program's shared ints on the engine. */
    SharedCells variables() {
        return variables;
    }

    /** Serves the program's main thread (thread 0) on the run's MainThread. */
    void runMain() {
        serve(0);
    }

    /** Whom a worker serves: its Python thread, their channel, the watchdog's eye on it, its engine thread. */
    private record Served(int thread, ThreadChannel channel, Stall.Watch watch, int strand) {
    }

    private final ThreadLocal<Served> served = new ThreadLocal<>();

    /** Carries out one Python thread's requests until that thread ends. */
    private void serve(int thread) {
        int strand = k.currentThread().id();
        Served s = new Served(thread, process.channel(thread), stall.watch(k.currentThreadName()), strand);
        strandOf.put(thread, strand);
        servedBy.put(strand, s);
        served.set(s);
        serveUntil(s, null);
    }

    /**
     * A Barrier's action: as in CPython the thread that arrived last runs it, here its Python thread, while its
     * worker serves the action's own points and calls; the barrier lets everyone go when it is done.
     */
    void runAction(int barrier) {
        Served s = served.get();
        Answer r = new Answer(s.thread());
        if (!os) {
            variables.changesInto(r);
        }
        s.channel().send(r.barrierAction(barrier));
        JsonNode done = serveUntil(s, "action_done");
        if (done == null) {
            throw new ThreadingError("RuntimeError", "the Python program stopped during a Barrier's action");
        }
        String error = done.path("error").asText(null);
        if (error != null) {
            throw pythonError(error);
        }
    }

    private static ThreadingError pythonError(String error) {
        int colon = error.indexOf(": ");
        return colon < 0 ? new ThreadingError(error, "")
                : new ThreadingError(error.substring(0, colon), error.substring(colon + 2));
    }

    /**
     * Carries out the thread's requests until it ends (null) or, if {@code until} is not null, until it sends
     * that request, which is returned unanswered.
     */
    private JsonNode serveUntil(Served s, String until) {
        int thread = s.thread();
        ThreadChannel channel = s.channel();
        Stall.Watch watch = s.watch();
        while (true) {
            Object next;
            try {
                watch.waiting();
                next = channel.next();
                watch.back();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            if (next instanceof GrantedPoints p) {
                if (p.asks()) { // one point beyond the grant: whatever is left of the grant is given back
                    if (grants) {
                        k.grantReturned();
                    }
                    try {
                        reply(channel, thread, performOne(p, watch));
                    } catch (ThreadingError e) {
                        channel.send(new Answer(thread).error(e.pythonType(), e.getMessage()));
                    }
                    continue;
                }
                boolean parks = p.parks(); // the end of its grant: it waits to be told to go on, by a plan or by us
                if (parks) {
                    k.oneMorePointGranted(); // its last point happened already: no pick or command may come first
                    waitingForGo.add(s.strand());
                }
                try {
                    watch.line(perform(p));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                } finally {
                    waitingForGo.remove(s.strand());
                }
                if (parks) {
                    if (k.continuedByPlan()) { // it went on at once, as its plan said: its plan for the next end
                        sendNextPlan(channel, thread);
                    } else if (k.resumedByPlan()) { // the thread before it in the plan has told it to go on already
                        handedOn.incrementAndGet();
                    } else {
                        reply(channel, thread, null);
                    }
                }
                continue;
            }
            JsonNode req = (JsonNode) next;
            if (grants && req != GONE) {
                k.grantReturned(); // whatever is left of its grant: the thread asks at this point
            }
            if (req == GONE) { // one thread is to blame; the others are cut off
                String stalled = stall.verdict();
                // the watchdog's, else the thread that was running (one at a time), else, in os mode, where any
                // worker may be the first to see the process gone, the program's main thread: the process died
                String culprit = stalled != null ? stall.culprit() : os ? "MainThread" : k.currentThreadName();
                k.programGone(culprit, new ThreadingError("RuntimeError", stalled != null ? stalled
                        : "the Python program stopped: " + process.lastError()).toString());
                throw new interleave.engine.RunStopped(); // the run is over: this worker ends here
            }
            String op = req.path("op").asText();
            if (req.has("s")) { // os mode: its turn among the points that happened before it, then the call
                try {
                    order.awaitTurn(req.path("s").asLong());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
                order.done(req.path("s").asLong());
            }
            int line = req.path("l").asInt(0);
            if (line > 0) {
                k.line(line);
                watch.line(line);
            }
            if (os && op.equals("var")) { // sent among the points, unanswered (the thread holds a lock of its own)
                perform(op, req);
                continue;
            }
            if (op.equals(until)) {
                return req;
            }
            if (op.equals("end")) {
                if (req.path("exit").asInt(0) != 0) { // the main thread's: the exit status python3 would end with
                    exitStatus = req.path("exit").asInt();
                }
                String traceback = req.path("traceback").asText(null);
                if (traceback != null) { // what CPython prints on stderr for an uncaught exception
                    errorOutput.write(traceback.endsWith("\n") ? traceback : traceback + "\n");
                }
                // the thread goes; its worker gives up the core at once, so the next thread may run before this
                // one reads the answer: the values others wrote are for that next thread's answer, not this one
                channel.send(new Answer(thread).result(null, 0));
                String error = req.path("error").asText(null);
                if (error != null) {
                    throw pythonError(error);
                }
                return null;
            }
            JsonNode handed = req.path("handed"); // [thread, grant]: told to go on if this call blocks
            boolean acquire = op.equals("acquire");
            if (acquire) {
                inAcquire.add(s.strand());
            }
            try {
                Object result;
                try {
                    if (handed.isArray()) {
                        boolean withItsContinuation = handed.path(2).asInt(0) == 1;
                        if (withItsContinuation) {
                            handedAhead.incrementAndGet();
                        }
                        k.handedOnIfBlocked(strandOf.getOrDefault(handed.path(0).asInt(), -1),
                                handed.path(1).asInt(), withItsContinuation);
                    }
                    result = perform(op, req);
                } finally {
                    inAcquire.remove(s.strand());
                    if (handed.isArray()) {
                        k.handedOnAsForeseen(); // it blocked and the core went on as told, or the run ends here
                    }
                }
                if (answeredAhead.remove(s.strand())) {
                    // taken for it by the thread that handed it the core, which also sent what comes next
                } else if (k.continuedByPlan()) { // it took the lock it waited for and went on, told by the thread before
                    sendNextPlan(channel, thread);
                } else {
                    reply(channel, thread, result);
                }
            } catch (ThreadingError e) {
                channel.send(new Answer(thread).error(e.pythonType(), e.getMessage()));
            }
        }
    }

    /**
     * On the worker handing the core over, as the engine took the lock for a waiter whose Python thread was told it
     * took it (and went on): the plan for the end of that thread's slice, at once, as its own worker would have sent
     * it once woken. Its worker, when it runs, finds its acquire done and says nothing more.
     */
    private void tookTheLockForTheWaiter(int strand) {
        Served waiter = servedBy.get(strand);
        if (waiter == null) {
            return; // (never: a waiter has been served) its own worker answers when it runs
        }
        inAcquire.remove(strand);
        if (k.continuedByPlan()) {
            answeredAhead.add(strand);
            takenForWaiters.incrementAndGet();
            sendNextPlan(waiter.channel(), waiter.thread());
        }
    }

    /**
     * A continuation as the runtime reads it: {@code LOCK:DEPTH:WAITER;A:B:W:U:R;...}, the lock, how deep the
     * thread holds it, and its waiter (a Python thread, -1 for none), then each level's grants if untouched,
     * retaken and let go, and the levels that follow if untouched or retaken.
     */
    private String levels(Kernel.Continuation c) {
        StringBuilder b = new StringBuilder();
        b.append(c.lock() == null ? -1 : objects.mutexId(c.lock())).append(':').append(c.depth()).append(':')
                .append(c.waiter() < 0 ? -1 : pythonThread(c.waiter()));
        return levelsOnly(b, c).toString();
    }

    /** A continuation's levels, each after a {@code ;}, as {@link #levels} writes them. */
    private static StringBuilder levelsOnly(StringBuilder b, Kernel.Continuation c) {
        for (Kernel.Continuation.Level l : c.levels()) {
            b.append(';').append(l.ifUntouched()).append(':').append(l.ifRetaken()).append(':').append(l.ifLetGo())
                    .append(':').append(l.nextIfUntouched()).append(':').append(l.nextIfRetaken());
        }
        return b;
    }

    /**
     * To a thread that went on without an answer, as a plan said: the plan for the end of its grant, unless it
     * knows it already (it goes on under a continuation whose next level it has).
     */
    private void sendNextPlan(ThreadChannel channel, int thread) {
        continued.incrementAndGet();
        if (k.goesOnAsItKnows()) {
            return;
        }
        Answer r = new Answer(thread);
        if (k.mayRunAhead()) {
            planInto(r);
        } else {
            r.plan(new int[0], new String[0]); // a teacher waits: it waits at the next end, to be told to go on
        }
        channel.send(r.nextPlan());
    }

    /**
     * Points the engine granted (or, in os mode, points as they happened): the Python thread has gone on; the
     * engine records them, no answer.
     */
    private int perform(GrantedPoints points) throws InterruptedException {
        int line = 0;
        while (points.hasNext()) {
            long number = points.numbered() ? points.nextInt() : 0;
            if (number > 0) {
                order.awaitTurn(number);
            }
            int code = points.nextInt();
            line = code >>> 3;
            point(code, points);
            if (number > 0) {
                order.done(number);
            }
        }
        return line;
    }

    /** A point beyond the grant, which the thread waits on: a read's value, else null. */
    private Integer performOne(GrantedPoints points, Stall.Watch watch) {
        int code = points.nextInt();
        watch.line(code >>> 3);
        return point(code, points);
    }

    /** One point (its code read, its arguments next in {@code points}) on the engine: a read's value, else null. */
    private Integer point(int code, GrantedPoints points) {
        int line = code >>> 3;
        if (line > 0) { // a lock taken with no program frame on the stack keeps the line, as a request does
            k.line(line);
        }
        switch (code & 7) {
            case GrantedPoints.STEP -> k.step();
            case GrantedPoints.READ -> {
                return variables.read(points.nextInt());
            }
            case GrantedPoints.WRITE -> variables.write(points.nextInt(), points.nextInt());
            case GrantedPoints.ACQUIRE -> objects.acquireGranted(points.nextInt());
            case GrantedPoints.RELEASE -> objects.releaseGranted(points.nextInt());
            default -> throw new IllegalStateException("not a point from the Python runtime: " + points);
        }
        return null;
    }

    /**
     * Output of the program, exactly as written ({@code print}'s end included): a point of the engine. As a
     * terminal shows it, a line appears once it is ended, however many writes (of any threads) made it: the point
     * that ends one or more lines records them, in the trace and the result's output; one that ends none is a step.
     */
    private void print(String text) {
        write(output, text, k::print);
    }

    /**
     * What the program wrote to stderr, a point of the engine: kept line by line, as a terminal shows it, with the
     * tracebacks of uncaught exceptions in the order they came; the lines a write ends are in the trace.
     */
    private void writeError(String text) {
        write(errorOutput, text, k::writeStderr);
    }

    /** A write to {@code stream}: the lines it ends are recorded by {@code record}; one that ends none is a step. */
    private void write(WrittenLines stream, String text, java.util.function.Consumer<String> record) {
        String lines = stream.write(text);
        if (lines == null) {
            k.step();
        } else {
            record.accept(lines);
        }
    }

    /** One scheduling point of the program, on the engine. */
    private Object perform(String op, JsonNode req) {
        switch (op) {
            case "begin":
                return null;
            case "exit": // os._exit(): the process ends now, its threads with it
                exitStatus = req.path("status").asInt(0);
                k.exitProgram();
                return null;
            case "var": {
                variables.make(req.path("id").asInt(), req.path("name").asText(), req.path("value").asInt(),
                        req.path("t").asInt(0) != 0);
                return null;
            }
            case "print":
                print(req.path("text").asText());
                return null;
            case "stderr":
                writeError(req.path("text").asText());
                return null;
            case "input": {
                String prompt = req.path("prompt").asText("");
                String answer = answers.poll(); // the answers given ahead first, then the keyboard
                if (answer == null) {
                    answer = k.readLine(prompt);
                }
                if (answer == null) { // (EOFError, as python3 with nothing left on its stdin)
                    unansweredInputLine.compareAndSet(0, Math.max(1, req.path("l").asInt(1)));
                }
                // as a terminal shows it: the prompt, the answer and the Enter that ended it
                print(prompt + (answer == null ? "" : answer + "\n"));
                return answer;
            }
            case "sleep":
                k.sleep(req.path("seconds").asDouble());
                return null;
            case "time":
                clockAsked.incrementAndGet();
                return k.seconds();
            case "active_count":
                return k.activeCount();
            case "local_set":
                objects.local(req.path("name").asText()).set(req.path("text").asText());
                return null;
            case "local_get":
                return objects.local(req.path("name").asText()).get();
            case "local_del":
                objects.local(req.path("name").asText()).delete();
                return null;
            case "new":
                return objects.create(req.path("kind").asText(), req.path("name").asText(""), req.path("args"));
            case "start": {
                int child = req.path("child").asInt();
                Worker w = k.thread(req.path("name").asText(), req.path("daemon").asBoolean(), () -> serve(child));
                workers.put(child, w);
                w.start();
                return null;
            }
            case "join": {
                Worker w = workers.get(req.path("target").asInt());
                if (req.path("timeout").isNull() || req.path("timeout").isMissingNode()) {
                    w.join();
                } else {
                    w.join(req.path("timeout").asDouble());
                }
                return null;
            }
            case "holder": { // a Lock's, an RLock's or a Condition's: [Python thread or -1, depth, waiting]
                int id = req.path("obj").asInt();
                Kernel.LockState s = objects.holderOf(id);
                return List.of(s.holder() < 0 ? -1 : pythonThread(s.holder()), s.depth(), objects.waitingIn(id));
            }
            default:
                return objects.call(op, req.path("obj").asInt(), req);
        }
    }


    /** The Python thread an engine thread serves, -1 if none. */
    private int pythonThread(int strand) {
        Served s = servedBy.get(strand);
        return s == null ? -1 : s.thread();
    }

    /**
     * The engine's plan after the current thread's grant, into the answer: the next slices by Python thread, else
     * how the thread goes on at its slice's end if it runs alone or holds a lock another waits for. Whether it
     * foresaw anything.
     */
    private boolean planInto(Answer r) {
        int[] plan = k.plan(waitingForGo::contains,
                k.control().userPresent() ? PLAN_SLICES_WITH_A_TEACHER : PLAN_SLICES);
        String[] aheads = new String[plan.length / 2];
        for (int i = 0; i < plan.length; i += 2) {
            plan[i] = pythonThread(plan[i]);
            Kernel.Continuation ahead = continuations ? k.aheadOf(i / 2) : null;
            aheads[i / 2] = ahead == null ? null : levelsOnly(new StringBuilder(), ahead).toString();
        }
        if (plan.length == 0 && continuations) {
            Kernel.Continuation c = k.continuation(objects::isMutex, inAcquire::contains);
            if (c != null) {
                r.branch(levels(c));
                return true;
            }
        }
        r.plan(plan, aheads);
        return plan.length > 0;
    }

    /** The answer, with the points the thread may now go through without asking (it holds the core now). */
    private void reply(ThreadChannel channel, int thread, Object result) {
        Answer r = new Answer(thread);
        int budget = grants ? k.grant() : 0;
        // (not while a teacher's pick, command, pause or step waits: the thread then asks at its grant's end, so
        // that they apply at a point the Python side has not gone through yet)
        boolean foresaw = plans && k.mayRunAhead() && planInto(r);
        if (budget > 0 || foresaw) {
            objects.locksInto(r, this::pythonThread);
        }
        if (!os) { // in os mode the program's values are CPython's own; the engine only records them
            variables.changesInto(r); // the thread may have been switched out: what others wrote meanwhile
        }
        channel.send(r.result(result, budget, localClock && !os ? k.tickOfTheGrant() : -1));
    }
}
