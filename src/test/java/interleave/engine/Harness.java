package interleave.engine;

import interleave.trace.EventKind;
import interleave.trace.Trace;
import interleave.trace.TraceHeader;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs a small program on a fresh kernel and waits (bounded) for it to end, leaving no thread behind. */
final class Harness {
    private Harness() {
    }

    static RunSettings settings(Mode mode) {
        return RunSettings.DEFAULT.withMode(mode);
    }

    static Kernel kernel(RunSettings s, RunControl control) {
        Trace trace = new Trace(new TraceHeader("test", s.mode().id(), s.cores(), s.quantum(), s.policy().id(),
                s.seed(), Map.of(), s.mode().virtualTime() ? "tick" : "ns"));
        return Kernel.create(trace, s, control);
    }

    /** Runs the program to its end; fails the test if it takes more than 20 real seconds. */
    static Kernel run(Mode mode, Consumer<Kernel> program) throws InterruptedException {
        return run(settings(mode), program);
    }

    static Kernel run(RunSettings s, Consumer<Kernel> program) throws InterruptedException {
        return runOn(kernel(s, RunControl.headless()), program);
    }

    /** Runs the program on a kernel made (and set up) by the caller, as {@link #run(RunSettings, Consumer)}. */
    static <K extends Kernel> K runOn(K k, Consumer<Kernel> program) throws InterruptedException {
        k.start(() -> program.accept(k));
        RunOutcome o = k.awaitOutcome(20_000);
        if (o == null) {
            k.control().stop();
        }
        assertNotNull(o, "the run did not end within 20 s");
        assertTrue(k.awaitTermination(10_000), "worker threads still alive after the run");
        return k;
    }

    static List<EventKind> kinds(Trace t) {
        List<EventKind> out = new ArrayList<>();
        for (long i = 0; i < t.size(); i++) {
            out.add(t.kind(i));
        }
        return out;
    }

    static long count(Trace t, EventKind kind) {
        long n = 0;
        for (long i = 0; i < t.size(); i++) {
            if (t.kind(i) == kind) {
                n++;
            }
        }
        return n;
    }

    static void noLeaks(Kernel k) throws InterruptedException {
        assertTrue(k.awaitTermination(10_000));
        assertFalse(k.anyAlive());
    }
}
