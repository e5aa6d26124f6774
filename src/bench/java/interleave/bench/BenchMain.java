package interleave.bench;

import interleave.engine.Kernel;
import interleave.engine.Lock;
import interleave.engine.Mode;
import interleave.engine.Policy;
import interleave.engine.RunControl;
import interleave.engine.RunSettings;
import interleave.engine.Worker;
import interleave.scenario.Params;
import interleave.scenario.Scenario;
import interleave.scenario.ScenarioRun;
import interleave.scenario.Scenarios;
import interleave.trace.EventKind;
import interleave.trace.Trace;
import interleave.trace.TraceHeader;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The engine's figures in one run ({@code mvn -Pbench verify}): JMH for the per-event and raw-lock costs, then
 * whole runs timed here (median of several, after a warm-up) beside CPython running the same program.
 * Figures are noisy on a 2-core machine: compare ratios, not absolute numbers.
 */
public final class BenchMain {
    private static final int REPEATS = 5;

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = Arrays.asList(args).contains("--quick");
        if (Arrays.asList(args).contains("--timeline-only")) {
            TimelineBench.runIfAvailable(quick);
            return;
        }
        if (Arrays.asList(args).contains("--switches-only")) {
            switches(2);
            switches(8);
            return;
        }
        if (Arrays.asList(args).contains("--python-only")) {
            pythonProgram();
            return;
        }
        if (Arrays.asList(args).contains("--startup-only")) {
            startup();
            return;
        }
        if (Arrays.asList(args).contains("--memory-only")) {
            memory(quick ? 300_000 : 1_200_000);
            return;
        }
        if (Arrays.asList(args).contains("--balance-only")) {
            balance(100_000);
            balance(2_000_000);
            return;
        }
        System.out.println("== Interleave engine benchmark (JDK " + System.getProperty("java.version") + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs) ==");
        jmh(quick);
        osLock();
        simPoint();
        switches(2);
        switches(8);
        balance(100_000);
        balance(2_000_000);
        memory(quick ? 300_000 : 1_200_000);
        startup();
        pythonProgram();
        TimelineBench.runIfAvailable(quick);
    }

    /**
     * A teacher's own program under the scheduler: the tutorial's balance race (2 threads x 2,000 iterations,
     * lock off) run by CPython through the engine, its scheduling points per second, beside the same file run by
     * CPython alone. Whole runs, including the Python process's start.
     */
    /**
     * The tutorials' balance program (two threads, global balance, lock off and on) run by CPython under the
     * scheduler, every point traced, beside CPython running the same file alone. Issue figures: 100,000 iterations
     * lock off <= 3 s, lock on <= 6 s; 1,000 iterations <= 0.3 s; <= 3 us per traced event.
     */
    private static void pythonProgram() throws Exception {
        String python = interleave.program.PythonProgram.findPython();
        if (python == null) {
            System.out.println("python program: not measured (no python3 on the PATH)");
            return;
        }
        measurePython(python, 1000, false, true); // warm-up: the JIT, the page cache, the interpreter's files
        for (int iterations : new int[] {1000, 100_000}) {
            for (boolean lock : new boolean[] {false, true}) {
                measurePython(python, iterations, lock, false);
            }
        }
    }

    private static void measurePython(String python, int iterations, boolean lock, boolean quiet) throws Exception {
        Path file = Files.createTempFile("balance", ".py");
        Files.writeString(file, """
                import threading
                balance = 0
                lock = threading.Lock()
                def change_it(n):
                    global balance
                    balance = balance + n
                    balance = balance - n
                def run_thread(n):
                    for i in range(ITERATIONS):
                        LOCKlock.acquire()
                        try:
                            change_it(n)
                        finally:
                            LOCKlock.release()
                t1 = threading.Thread(target=run_thread, args=(5,))
                t2 = threading.Thread(target=run_thread, args=(8,))
                t1.start(); t2.start(); t1.join(); t2.join()
                print(balance)
                """.replace("ITERATIONS", String.valueOf(iterations)).replace("LOCK", lock ? "" : "pass  # "));
        long t0 = System.nanoTime();
        ScenarioRun r = ScenarioRun.runToEnd(interleave.program.PythonProgram.load(file, python), Map.of(),
                RunSettings.DEFAULT);
        long t1 = System.nanoTime();
        run(List.of(python, file.toString()), null);
        long t2 = System.nanoTime();
        long events = r.trace().size();
        double ms = (t1 - t0) / 1e6;
        if (!quiet) {
            System.out.printf("python program: balance.py 2x%,d lock %-3s under the scheduler %8.0f ms (%,d events,"
                            + " %.1f us/event); CPython alone %5.0f ms%n", iterations, lock ? "on" : "off", ms, events,
                    ms * 1000 / events, (t2 - t1) / 1e6);
        }
        Files.deleteIfExists(file);
    }

    /**
     * Cold start-up, each a fresh process, median of five (and the range, the machine being noisy): the CLI's default
     * balance run, and the app to its first painted window ({@code app --startup-probe}), for the jar and, when
     * {@code mvn -Pdist package} has built it, the self-contained image. Without a display the window goes to one Xvfb
     * server started here for all the starts, as a desktop has its display running already (xvfb-run for each start
     * would add its own server's start, about 0.25 s here).
     */
    private static void startup() throws Exception {
        List<List<String>> launchers = new ArrayList<>();
        launchers.add(List.of("java", "-jar", "target/interleave.jar"));
        Path image = Path.of("target/dist/interleave/bin/interleave");
        if (Files.isExecutable(image)) {
            launchers.add(List.of(image.toString()));
        } else {
            System.out.println("startup: no app image (mvn -B -Pdist package builds it): the jar only");
        }
        String display = System.getenv("DISPLAY");
        Process xvfb = null;
        if (display == null && onPath("Xvfb")) {
            xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            // -displayfd: the server writes its display number once it accepts connections
            String number = new java.io.BufferedReader(new java.io.InputStreamReader(xvfb.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            display = number == null ? null : ":" + number.trim();
        }
        try {
            for (List<String> launcher : launchers) {
                String name = launcher.size() == 1 ? "image" : "jar  ";
                long[] cli = new long[REPEATS];
                long[] window = new long[REPEATS];
                for (int i = 0; i < REPEATS; i++) {
                    List<String> cmd = new ArrayList<>(launcher);
                    cmd.addAll(List.of("run", "balance", "--json"));
                    long t0 = System.currentTimeMillis();
                    run(cmd, null);
                    cli[i] = System.currentTimeMillis() - t0;
                    if (display != null) {
                        List<String> app = new ArrayList<>(launcher);
                        app.addAll(List.of("app", "--startup-probe"));
                        long started = System.currentTimeMillis();
                        String out = run(app, display);
                        long painted = out.lines().filter(l -> l.startsWith("painted at ")).mapToLong(
                                l -> Long.parseLong(l.substring("painted at ".length()).trim())).findFirst().orElse(-1);
                        window[i] = painted < 0 ? -1 : painted - started;
                    }
                }
                System.out.printf("startup %s: CLI run balance --json %5d ms (%s); first painted window %s%n", name,
                        median(cli), range(cli), display == null ? "not measured (no display, no Xvfb)"
                                : median(window) + " ms (" + range(window) + (xvfb != null ? ", Xvfb" : "") + ")");
            }
        } finally {
            if (xvfb != null) {
                xvfb.destroy();
                xvfb.waitFor();
            }
        }
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String range(long[] values) {
        return Arrays.stream(values).min().orElse(0) + "-" + Arrays.stream(values).max().orElse(0);
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static String run(List<String> cmd, String display) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (display != null) {
            pb.environment().put("DISPLAY", display);
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    /**
     * Bytes per event of a balance run's trace and of everything derived from it (the analyzer's lanes,
     * switches and lost updates, and the story's held reads): 1.2M iterations make about 10M events.
     */
    private static void memory(int iterations) throws Exception {
        Scenario s = Scenarios.byId("balance").orElseThrow();
        for (String lock : new String[] {"off", "on"}) {
            Map<String, Object> params = Params.resolve(s, Map.of("iterations", String.valueOf(iterations),
                    "lock", lock));
            long before = usedHeap();
            ScenarioRun r = ScenarioRun.runToEnd(s, params, RunSettings.DEFAULT);
            Trace t = r.trace();
            long traced = usedHeap();
            interleave.trace.TraceAnalyzer analyzer = new interleave.trace.TraceAnalyzer(t);
            analyzer.update();
            interleave.trace.RunStory story = new interleave.trace.RunStory(t);
            story.update(Long.MAX_VALUE);
            long analysed = usedHeap();
            double n = t.size();
            System.out.printf("memory: balance %,d iterations, lock %-3s: %,d events, trace %.1f B/event, derived"
                            + " %.1f B/event, together %.1f B/event (%s, %s kept)%n", iterations, lock, t.size(),
                    (traced - before) / n, (analysed - traced) / n, (analysed - before) / n,
                    analyzer.lostUpdates().size() + " lost updates", story.held().size() + " held reads");
        }
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    private static void jmh(boolean quick) throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(MicroBench.class.getName())
                .forks(1)
                .warmupIterations(quick ? 1 : 3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(quick ? 2 : 5).measurementTime(TimeValue.seconds(1))
                .shouldDoGC(true)
                .build()).run();
        System.out.println();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark().replaceAll(".*\\.", "");
            System.out.printf("JMH %-34s %8.2f ± %.2f ns/op%n", name, r.getPrimaryResult().getScore(),
                    r.getPrimaryResult().getScoreError());
        }
    }

    /** Median wall time of a run of the program in a fresh kernel, in nanoseconds. */
    private static long time(RunSettings s, Consumer<Kernel> program, long[] events) throws Exception {
        long[] times = new long[REPEATS];
        for (int i = -1; i < REPEATS; i++) { // i = -1 is the warm-up
            Trace trace = new Trace(new TraceHeader("bench", s.mode().id(), s.cores(), s.quantum(), s.policy().id(),
                    s.seed(), Map.of(), s.mode().virtualTime() ? "tick" : "ns"));
            Kernel k = Kernel.create(trace, s, RunControl.headless());
            long t0 = System.nanoTime();
            k.start(() -> program.accept(k));
            k.awaitOutcome();
            long t1 = System.nanoTime();
            k.awaitTermination(10_000);
            if (i >= 0) {
                times[i] = t1 - t0;
                events[0] = trace.size();
                events[1] = countSwitches(trace);
            }
        }
        Arrays.sort(times);
        return times[REPEATS / 2];
    }

    private static long countSwitches(Trace t) {
        long n = 0;
        for (long i = 0; i < t.size(); i++) {
            if (t.kind(i) == EventKind.SWITCH) {
                n++;
            }
        }
        return n;
    }

    private static void osLock() throws Exception {
        int n = 2_000_000;
        long[] ev = new long[2];
        long ns = time(RunSettings.DEFAULT.withMode(Mode.OS), k -> {
            Lock lock = k.lock("lock");
            for (int i = 0; i < n; i++) {
                lock.acquire();
                lock.release();
            }
        }, ev);
        System.out.printf("os mode: instrumented Lock acquire+release (traced) %8.1f ns/op   (raw ReentrantLock: see JMH)%n",
                (double) ns / n);
    }

    private static void simPoint() throws Exception {
        int n = 5_000_000;
        long[] ev = new long[2];
        long ns = time(RunSettings.DEFAULT.withQuantum(1_000_000), k -> {
            for (int i = 0; i < n; i++) {
                k.step();
            }
        }, ev);
        System.out.printf("sim mode: one scheduling point, recorded, no switch %8.1f ns/event (%d events)%n",
                (double) ns / ev[0], ev[0]);
    }

    private static void switches(int threads) throws Exception {
        int perThread = 2_000_000 / threads;
        long[] ev = new long[2];
        long ns = time(RunSettings.DEFAULT.withQuantum(1).withPolicy(Policy.RR), k -> {
            List<Worker> ws = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                ws.add(k.thread("W" + t, false, () -> {
                    for (int i = 0; i < perThread; i++) {
                        k.step();
                    }
                }));
            }
            ws.forEach(Worker::start);
            ws.forEach(Worker::join);
        }, ev);
        System.out.printf("sim mode: forced context switches, %d threads, quantum 1: %,12.0f switches/s (%d switches)%n",
                threads, ev[1] / (ns / 1e9), ev[1]);
    }

    private static void balance(int iterations) throws Exception {
        Scenario s = Scenarios.byId("balance").orElseThrow();
        for (String lock : new String[] {"off", "on"}) {
            Map<String, Object> params = Params.resolve(s, Map.of("iterations", String.valueOf(iterations),
                    "lock", lock));
            long[] times = new long[REPEATS];
            long events = 0;
            for (int i = -1; i < times.length; i++) {
                long t0 = System.nanoTime();
                ScenarioRun r = ScenarioRun.runToEnd(s, params, RunSettings.DEFAULT);
                if (i >= 0) {
                    times[i] = System.nanoTime() - t0;
                    events = r.trace().size();
                }
            }
            Arrays.sort(times);
            double ms = times[REPEATS / 2] / 1e6;
            Double py = python(iterations, lock.equals("on"));
            System.out.printf("balance %,9d iterations, lock %-3s: sim traced %8.0f ms (%,d events, %.1f ns/event)"
                            + "   CPython %s%n", iterations, lock, ms, events, times[REPEATS / 2] / (double) events,
                    py == null ? "not available"
                            : String.format("%8.0f ms  -> Interleave/CPython = %.2f", py, ms / py));
        }
    }

    /** The same program in CPython, timed inside the interpreter (start-up excluded). */
    private static Double python(int iterations, boolean lock) {
        String program = """
                import threading, time
                balance = 0
                lock = threading.Lock()
                def change_it(n):
                    global balance
                    balance = balance + n
                    balance = balance - n
                def run_thread(n):
                    for _ in range(ITER):
                        if LOCK:
                            with lock:
                                change_it(n)
                        else:
                            change_it(n)
                t0 = time.perf_counter()
                t1 = threading.Thread(target=run_thread, args=(5,))
                t2 = threading.Thread(target=run_thread, args=(8,))
                t1.start(); t2.start(); t1.join(); t2.join()
                print((time.perf_counter() - t0) * 1000)
                """.replace("ITER", String.valueOf(iterations)).replace("LOCK", lock ? "True" : "False");
        try {
            Path f = Files.createTempFile("balance", ".py");
            Files.writeString(f, program);
            double[] ms = new double[3];
            for (int i = 0; i < ms.length; i++) {
                Process p = new ProcessBuilder("python3", f.toString()).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                if (p.waitFor() != 0) {
                    return null;
                }
                ms[i] = Double.parseDouble(out);
            }
            Files.deleteIfExists(f);
            Arrays.sort(ms);
            return ms[1];
        } catch (IOException | NumberFormatException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
