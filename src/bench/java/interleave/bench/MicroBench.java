package interleave.bench;

import interleave.trace.EventKind;
import interleave.trace.Trace;
import interleave.trace.TraceHeader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/** JMH micro-benchmarks: the cost of recording one event, and the raw lock we compare against. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class MicroBench {
    private Trace trace;
    private long t;
    private final ReentrantLock lock = new ReentrantLock();

    @Setup(Level.Iteration)
    public void freshTrace() {
        trace = new Trace(new TraceHeader("bench", "sim", 1, 1, "rr", 0, Map.of(), "tick"));
        trace.addThread("T", false);
        trace.addObject("x", interleave.trace.ObjectType.VARIABLE, 0);
    }

    @Benchmark
    public long recordOneEvent() {
        trace.append(t++, 0, EventKind.READ, 0, (int) t, 8);
        return t;
    }

    @Benchmark
    public void rawReentrantLockAcquireRelease() {
        lock.lock();
        lock.unlock();
    }
}
