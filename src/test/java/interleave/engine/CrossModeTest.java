package interleave.engine;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The same program gives the same Python-visible output in every mode, and that output is CPython's: each
 * program under src/test/resources/interleave/crossmode is run by python3 for the expected lines, and its twin
 * below, written against our threading API line for line, runs in every mode ({@link Py#everyMode()}). The
 * programs print only what does not depend on the schedule.
 */
class CrossModeTest {
    private static final Map<String, List<String>> CPYTHON = new ConcurrentHashMap<>();

    private static final Map<String, BiConsumer<Kernel, List<String>>> TWINS = Map.of(
            "locked_balance", CrossModeTest::lockedBalance,
            "queue_workers", CrossModeTest::queueWorkers,
            "barrier_phases", CrossModeTest::barrierPhases,
            "semaphore_pool", CrossModeTest::semaphorePool,
            "event_gate", CrossModeTest::eventGate,
            "condition_queue", CrossModeTest::conditionQueue,
            "rlock_and_errors", CrossModeTest::rlockAndErrors,
            "local_and_timer", CrossModeTest::localAndTimer);

    static Stream<Arguments> programsInEveryMode() {
        return TWINS.keySet().stream().sorted().flatMap(p -> Py.everyMode()
                .map(m -> Arguments.of(p, m.get()[0], m.get()[1])));
    }

    @ParameterizedTest(name = "[{index}] {0} in {1}")
    @MethodSource("programsInEveryMode")
    void printsWhatCPythonPrints(String program, String mode, RunSettings s) throws Exception {
        List<String> expected = CPYTHON.computeIfAbsent(program, CrossModeTest::runCPython);
        List<String> out = new CopyOnWriteArrayList<>();
        Py.runClean(s, k -> TWINS.get(program).accept(k, out));
        assertEquals(expected, out, program + " in " + mode);
    }

    // ---- the twins, line for line ----

    private static void lockedBalance(Kernel k, List<String> out) {
        SharedInt balance = k.sharedInt("balance", 0);
        Lock lock = k.lock("lock");
        List<Worker> threads = new ArrayList<>();
        for (int n : new int[] {5, 8}) {
            threads.add(k.thread("T" + n, () -> {
                for (int i = 0; i < 200; i++) {
                    lock.acquire();
                    balance.write(balance.read() + n);
                    balance.write(balance.read() - n);
                    lock.release();
                }
            }));
        }
        threads.forEach(Worker::start);
        threads.forEach(Worker::join);
        out.add(String.valueOf(balance.read()));
        out.add(String.valueOf(k.activeCount()));
    }

    private static void queueWorkers(Kernel k, List<String> out) {
        Queue<Integer> q = k.queue("q", 4);
        SharedInt total = k.sharedInt("total", 0);
        Lock lock = k.lock("lock");
        List<Worker> workers = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            workers.add(k.thread("worker" + w, () -> {
                while (true) {
                    int x = q.get();
                    if (x < 0) {
                        q.taskDone();
                        return;
                    }
                    lock.acquire();
                    total.write(total.read() + x);
                    lock.release();
                    q.taskDone();
                }
            }));
        }
        workers.forEach(Worker::start);
        for (int i = 0; i < 100; i++) {
            q.put(i);
        }
        q.join();
        out.add(String.valueOf(total.read()));
        workers.forEach(w -> q.put(-1));
        workers.forEach(Worker::join);
        out.add(q.size() + " " + py(q.empty()) + " " + py(q.full()));
        try {
            q.get(false, null);
        } catch (ThreadingError e) {
            out.add(e.toString());
        }
    }

    private static void barrierPhases(Kernel k, List<String> out) {
        Barrier b = k.barrier("b", 4);
        Lock lock = k.lock("lock");
        List<List<Integer>> rounds = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<Worker> ts = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            ts.add(k.thread("T" + t, () -> {
                for (int r = 0; r < 3; r++) {
                    int i = b.await();
                    lock.acquire();
                    rounds.get(r).add(i);
                    lock.release();
                }
            }));
        }
        ts.forEach(Worker::start);
        ts.forEach(Worker::join);
        out.add(rounds.stream().map(r -> r.stream().sorted().toList().toString())
                .collect(Collectors.joining(", ", "[", "]")));
        out.add(py(b.broken()) + " " + b.waiting() + " " + b.parties());
        b.abort();
        try {
            b.await();
        } catch (ThreadingError e) {
            out.add(e.toString());
        }
    }

    private static void semaphorePool(Kernel k, List<String> out) {
        Semaphore sem = k.boundedSemaphore("sem", 2);
        Lock lock = k.lock("lock");
        int[] inside = {0};
        int[] most = {0};
        int[] done = {0};
        List<Worker> ts = new ArrayList<>();
        for (int t = 0; t < 5; t++) {
            ts.add(k.thread("T" + t, () -> {
                sem.acquire();
                lock.acquire();
                inside[0]++;
                most[0] = Math.max(most[0], inside[0]);
                lock.release();
                lock.acquire();
                inside[0]--;
                done[0]++;
                lock.release();
                sem.release();
            }));
        }
        ts.forEach(Worker::start);
        ts.forEach(Worker::join);
        out.add(py(most[0] <= 2) + " " + done[0]);
        try {
            sem.release();
        } catch (ThreadingError e) {
            out.add(e.toString());
        }
    }

    private static void eventGate(Kernel k, List<String> out) {
        Event gate = k.event("gate");
        Lock lock = k.lock("lock");
        List<Boolean> passed = new ArrayList<>();
        List<Worker> ts = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            ts.add(k.thread("T" + t, () -> {
                boolean ok = gate.await();
                lock.acquire();
                passed.add(ok);
                lock.release();
            }));
        }
        ts.forEach(Worker::start);
        gate.set();
        ts.forEach(Worker::join);
        out.add(passed.stream().map(CrossModeTest::py).collect(Collectors.joining(", ", "[", "]")));
        gate.clear();
        out.add(py(gate.isSet()) + " " + py(gate.await(0)) + " " + py(gate.await(-1)));
    }

    private static void conditionQueue(Kernel k, List<String> out) {
        Condition cond = k.condition("cond");
        List<Integer> items = new ArrayList<>();
        List<Integer> taken = new ArrayList<>();
        List<Worker> cs = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            cs.add(k.thread("consumer" + c, () -> {
                while (true) {
                    cond.acquire();
                    cond.awaitFor(() -> !items.isEmpty());
                    Integer x = items.remove(0);
                    cond.release();
                    if (x == null) {
                        return;
                    }
                    cond.acquire();
                    taken.add(x);
                    cond.release();
                }
            }));
        }
        cs.forEach(Worker::start);
        for (int i = 0; i < 10; i++) {
            cond.acquire();
            items.add(i);
            cond.notifyOne();
            cond.release();
        }
        for (int c = 0; c < cs.size(); c++) {
            cond.acquire();
            items.add(null);
            cond.notifyOne();
            cond.release();
        }
        cs.forEach(Worker::join);
        out.add(taken.stream().sorted().toList().toString());
        cond.acquire();
        out.add(py(cond.awaitFor(() -> true, 0.1)) + " " + py(cond.await(0)));
        cond.release();
    }

    private static void rlockAndErrors(Kernel k, List<String> out) {
        RLock r = k.rlock("r");
        r.acquire();
        r.acquire();
        r.acquire();
        r.release();
        r.release();
        r.release();
        for (Runnable f : List.<Runnable>of(r::release, k.lock("l")::release)) {
            catching(out, f);
        }
        Condition c = k.condition("c", k.lock("c.lock"));
        catching(out, c::notifyOne);
        Worker t = k.thread("t", () -> { });
        t.start();
        t.join();
        catching(out, t::start);
        catching(out, () -> t.setDaemon(true));
        catching(out, () -> k.lock("l2").acquire(false, 1));
    }

    private static void localAndTimer(Kernel k, List<String> out) {
        ThreadLocalVar name = k.local("name");
        Lock lock = k.lock("lock");
        List<String> seen = new ArrayList<>();
        List<Worker> ts = new ArrayList<>();
        for (String n : List.of("Alice", "Bob", "Carol")) {
            ts.add(k.thread(n, () -> {
                name.set(n);
                lock.acquire();
                seen.add(name.get());
                lock.release();
            }));
        }
        ts.forEach(Worker::start);
        ts.forEach(Worker::join);
        out.add(seen.stream().sorted().map(s -> "'" + s + "'").collect(Collectors.joining(", ", "[", "]")));
        catching(out, name::get);
        List<String> fired = new CopyOnWriteArrayList<>();
        Timer t1 = k.timer("t1", 0.01, () -> fired.add("t1"));
        Timer t2 = k.timer("t2", 5, () -> fired.add("t2"));
        t1.start();
        t2.start();
        t2.cancel();
        t1.join();
        t2.join();
        out.add(fired.stream().map(s -> "'" + s + "'").collect(Collectors.joining(", ", "[", "]")) + " "
                + k.mainThread().name() + " " + k.currentThread().name());
    }

    // ---- helpers ----

    /** {@code except E as e: print("E:", e)}. */
    private static void catching(List<String> out, Runnable f) {
        try {
            f.run();
            out.add("(nothing raised)");
        } catch (ThreadingError e) {
            out.add(e.toString());
        }
    }

    private static String py(boolean b) {
        return b ? "True" : "False";
    }

    private static List<String> runCPython(String program) {
        String python = python();
        Assumptions.assumeTrue(python != null,
                "SKIPPED: python3 is not on the PATH, so CPython's output cannot be taken (.ci/run installs it)");
        try (InputStream in = CrossModeTest.class.getResourceAsStream("/interleave/crossmode/" + program + ".py")) {
            Path file = Files.createTempFile(program, ".py");
            Files.write(file, in.readAllBytes());
            Process p = new ProcessBuilder(python, "-X", "utf8", file.toString()).redirectErrorStream(true).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("python3 did not finish " + program);
            }
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            Files.deleteIfExists(file);
            assertEquals(0, p.exitValue(), "python3 " + program + ": " + text);
            return text.lines().toList();
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("could not run python3 on " + program, e);
        }
    }

    private static String python() {
        for (String candidate : List.of("python3", "python")) {
            try {
                Process p = new ProcessBuilder(candidate, "-c", "import sys; print(sys.version_info[0])").start();
                if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0
                        && new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim().equals("3")) {
                    return candidate;
                }
            } catch (IOException | InterruptedException e) {
                // not this one
            }
        }
        return null;
    }
}
