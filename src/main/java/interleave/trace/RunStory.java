package interleave.trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the story views need besides the {@link TraceAnalyzer}, read incrementally in one pass:
 * <ul>
 *   <li>held reads: a thread has read a shared variable and not yet written it back ("T2 read 0, not yet
 *       written"), the race before it happens;</li>
 *   <li>each thread's own value of each {@code threading.local} attribute;</li>
 *   <li>the parameter changes the user made mid-run (PARAM events), e.g. the balance lock going on.</li>
 * </ul>
 * Every answer is for the moment shown ({@link #showUpTo}), so a view scrubbed back in time shows the past.
 * Not thread-safe: one reader thread owns it.
 */
public final class RunStory {
    /** A read whose value a thread holds, not yet written back. */
    public record HeldRead(int thread, int variable, int value, long readSeq) {
    }

    /** One parameter change: the scenario's parameter index and its encoded value (booleans 0/1). */
    public record ParamChange(long seq, long time, int index, int value) {
    }

    /** A thread's value of a thread-local attribute from event {@code seq} on; null: deleted there. */
    public record LocalValue(int thread, int local, String value, long seq) {
    }

    private final Trace trace;
    private long processed;
    // per thread, its reads in order: seq of the read and seq that ended the hold (variable and value are the
    // read event's own, looked up in the trace)
    // int event indexes (a trace holds fewer than 2^31 events), in chunks: 8 bytes a read
    private IntChunks[] readAt = new IntChunks[0];
    private IntChunks[] endAt = new IntChunks[0];
    private static final int OPEN = Integer.MAX_VALUE;
    private final List<ParamChange> params = new ArrayList<>();
    private final List<LocalValue> locals = new ArrayList<>();
    // each thread's newest value per thread-local, kept as events come: the newest moment needs no scan
    private final java.util.Map<Integer, java.util.Map<Integer, String>> latestLocal = new java.util.HashMap<>();
    // per thread, its first acquire of anything after the latest parameter change (MAX_VALUE: none yet)
    private long[] acquiredSinceParam = new long[0];

    private long shownUpTo = Long.MAX_VALUE;
    private final String shownSource; // the program on screen where the trace records none (see the constructor)

    public RunStory(Trace trace) {
        this(trace, null);
    }

    /**
     * shownSource: the program on screen where the trace records none (a demo's run: its Python as shown), so that
     * a read on a line that only looks at a value ({@code while items == 0:}) is not taken for one on its way back.
     */
    public RunStory(Trace trace, String shownSource) {
        this.trace = trace;
        this.shownSource = shownSource;
    }

    public Trace trace() {
        return trace;
    }

    /** Reads the events up to (not including) {@code upTo}; never goes back. */
    public void update(long upTo) {
        long end = Math.min(upTo, trace.size());
        for (long i = processed; i < end; i++) {
            apply(i);
        }
        processed = Math.max(processed, end);
    }

    /** The kinds the story reads; the others are not decoded at all. */
    private static final java.util.Set<EventKind> TOLD = java.util.EnumSet.of(EventKind.READ, EventKind.WRITE,
            EventKind.THREAD_END, EventKind.THREAD_KILLED, EventKind.PARAM, EventKind.ACQUIRE, EventKind.LOCAL_SET,
            EventKind.LOCAL_GET, EventKind.LOCAL_DELETE);

    private void apply(long i) {
        if (!TOLD.contains(trace.kind(i))) {
            return;
        }
        Happening h = Happening.decode(trace, i);
        int t = trace.thread(i);
        if (h instanceof Happening.Read) {
            endOpen(t, i); // a thread holds one read at a time: its newest
            add(t, i);
        } else if (h instanceof Happening.Wrote w) {
            int n = reads(t);
            if (n > 0 && endAt[t].get(n - 1) == OPEN && trace.object((long) readAt[t].get(n - 1)) == w.object()) {
                endAt[t].set(n - 1, Math.toIntExact(i));
            }
        } else if (h instanceof Happening.Ended || h instanceof Happening.Killed) {
            endOpen(t, i);
        } else if (h instanceof Happening.ParamChanged p) {
            params.add(new ParamChange(i, trace.time(i), p.param(), p.value()));
            Arrays.fill(acquiredSinceParam, Long.MAX_VALUE);
        } else if (h instanceof Happening.Acquired && !params.isEmpty()) {
            if (t >= acquiredSinceParam.length) {
                int old = acquiredSinceParam.length;
                acquiredSinceParam = Arrays.copyOf(acquiredSinceParam, t + 1);
                Arrays.fill(acquiredSinceParam, old, t + 1, Long.MAX_VALUE);
            }
            acquiredSinceParam[t] = Math.min(acquiredSinceParam[t], i);
        } else if (h instanceof Happening.LocalSet l) {
            local(t, l.object(), l.text(), i);
        } else if (h instanceof Happening.LocalGot l) {
            local(t, l.object(), l.text(), i);
        } else if (h instanceof Happening.LocalDeleted l) {
            local(new LocalValue(t, l.object(), null, i));
        }
    }

    private void local(int t, int object, int text, long i) {
        local(new LocalValue(t, object, trace.string(text), i));
    }

    private void local(LocalValue v) {
        locals.add(v);
        put(latestLocal.computeIfAbsent(v.local(), l -> new java.util.TreeMap<>()), v);
    }

    /** The thread's value into a thread-local's values by thread; a deleted one (null) out. */
    private static void put(java.util.Map<Integer, String> values, LocalValue v) {
        if (v.value() == null) {
            values.remove(v.thread());
        } else {
            values.put(v.thread(), v.value());
        }
    }

    /** How many reads thread t has made. */
    private int reads(int t) {
        return t < readAt.length ? readAt[t].size() : 0;
    }

    private void endOpen(int t, long seq) {
        int n = reads(t);
        if (n > 0 && endAt[t].get(n - 1) == OPEN) {
            endAt[t].set(n - 1, Math.toIntExact(seq));
        }
    }

    private void add(int t, long seq) {
        if (t >= readAt.length) {
            int old = readAt.length;
            int size = Math.max(t + 1, old * 2);
            readAt = Arrays.copyOf(readAt, size);
            endAt = Arrays.copyOf(endAt, size);
            for (int j = old; j < size; j++) {
                readAt[j] = new IntChunks();
                endAt[j] = new IntChunks();
            }
        }
        readAt[t].add(Math.toIntExact(seq));
        endAt[t].add(OPEN);
    }

    /**
     * Makes {@link #held()} and {@link #localValues} answer for the moment the views show (the first {@code n}
     * events) when the app looks back; Long.MAX_VALUE for the newest moment.
     */
    public void showUpTo(long n) {
        shownUpTo = n;
    }

    private long shown() {
        return Math.min(processed, shownUpTo);
    }

    /** The reads held at the moment shown (after everything processed so far, unless the app looks back). */
    public List<HeldRead> held() {
        return heldAt(shown());
    }

    /** The reads held after the first {@code n} events, one per thread at most, by thread id. */
    public List<HeldRead> heldAt(long n) {
        List<HeldRead> out = new ArrayList<>();
        for (int t = 0; t < readAt.length; t++) {
            int j = lastReadBefore(t, n);
            if (j >= 0 && endAt[t].get(j) >= n) {
                long seq = readAt[t].get(j);
                if (mayBeWrittenBack(seq)) {
                    out.add(new HeldRead(t, trace.object(seq), trace.value(seq), seq));
                }
            }
        }
        return out;
    }

    /**
     * Whether a read can be a value on its way back ("read 5, not yet written"), not a plain look
     * ({@code print(gl_num)} after {@code gl_num += 1}, {@code if done:}): its line assigns the variable
     * ({@code balance = balance + n}, {@code counter += 1}). Without the program's text every read counts.
     */
    private boolean mayBeWrittenBack(long read) {
        int line = trace.line(read);
        int variable = trace.object(read);
        return assigning.computeIfAbsent(((long) line << 32) | variable, k -> {
            String text = sourceLine(line);
            return text == null || PythonLines.assigns(text, trace.object(variable).name());
        });
    }

    /** (line << 32 | variable) -> whether that line assigns that variable: asked every frame, read once. */
    private final java.util.Map<Long, Boolean> assigning = new java.util.HashMap<>();

    private String[] sourceLines;

    private String sourceLine(int line) {
        if (sourceLines == null) {
            String source = trace.programSource() != null ? trace.programSource() : shownSource;
            if (source == null) {
                return null;
            }
            sourceLines = source.split("\n", -1);
        }
        return line >= 1 && line <= sourceLines.length ? sourceLines[line - 1] : null;
    }

    /** Index of thread t's last read with seq < n, or -1 (binary search: reads are in seq order). */
    private int lastReadBefore(int t, long n) {
        int lo = 0;
        int hi = reads(t) - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (readAt[t].get(mid) < n) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /**
     * The first acquire by a thread after the latest parameter change: once the lock went on, the moment this
     * thread first took the locked path ({@code Long.MAX_VALUE} if it has not yet).
     */
    public long firstAcquireSinceParam(int thread) {
        long at = thread < acquiredSinceParam.length ? acquiredSinceParam[thread] : Long.MAX_VALUE;
        return at < shown() ? at : Long.MAX_VALUE;
    }

    /**
     * The moment the boolean parameter with this index last went on and stayed on (as of the moment shown), or
     * null if it is off or was never switched during the run.
     */
    public ParamChange switchedOn(int index) {
        ParamChange on = null;
        for (ParamChange c : params) {
            if (c.seq() >= shown()) {
                break;
            }
            if (c.index() == index) {
                on = c.value() != 0 ? (on == null ? c : on) : null;
            }
        }
        return on;
    }

    /** Each thread's latest value of a thread-local attribute after the first {@code n} events, by thread. */
    public java.util.Map<Integer, String> localValuesAt(int local, long n) {
        java.util.Map<Integer, String> out = new java.util.TreeMap<>();
        for (LocalValue v : locals) {
            if (v.seq() >= n) {
                break;
            }
            if (v.local() == local) {
                put(out, v);
            }
        }
        return out;
    }

    /** Each thread's latest value of a thread-local attribute after everything processed so far. */
    public java.util.Map<Integer, String> localValues(int local) {
        if (shown() >= processed) {
            return java.util.Collections.unmodifiableMap(latestLocal.getOrDefault(local, java.util.Map.of()));
        }
        return localValuesAt(local, shown());
    }
}
