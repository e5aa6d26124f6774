package interleave.program;

/**
 * The points a Python thread went through within the engine's grant, as the runtime sends them before its next
 * request: one line {@code p THREAD CODE [ARGS] CODE [ARGS] ...}, where CODE is {@code line * 8 + op} and the
 * arguments depend on the op (interleave_rt.py writes them). In os mode the line is {@code o THREAD SEQ CODE [ARGS]
 * ...}: each point carries its number in the order the points happened across all threads. A read, write or step
 * beyond the grant asks as one such point, {@code q THREAD CODE [ARGS]}, and waits for its answer; or, where only
 * one thread runs at a time, goes through it and sends the points as {@code e THREAD CODE [ARGS] ...}, then waits
 * to be told to go on (by the thread before it in the engine's plan, or by its worker). Read in place,
 * number by number: a grant is on the hot path of every run.
 */
final class GrantedPoints {
    static final int STEP = 0;
    /** Then the shared value's number. */
    static final int READ = 1;
    /** Then the shared value's number and the value written. */
    static final int WRITE = 2;
    /** Then the lock's number: a Lock or RLock the engine said was free. */
    static final int ACQUIRE = 3;
    /** Then the lock's number: one the thread held. */
    static final int RELEASE = 4;

    private final String text;
    private final boolean numbered;
    private final boolean asks;
    private final boolean parks;
    private final int thread;
    private int at;

    private GrantedPoints(String text) {
        this.text = text;
        this.numbered = text.charAt(0) == 'o';
        this.asks = text.charAt(0) == 'q';
        this.parks = text.charAt(0) == 'e';
        this.at = 2;
        this.thread = nextInt();
    }

    /** Whether the runtime's line is a batch of granted points (else it is a JSON request). */
    static boolean isBatch(String line) {
        return line.startsWith("p ") || line.startsWith("o ") || line.startsWith("q ") || line.startsWith("e ");
    }

    static GrantedPoints parse(String line) {
        return new GrantedPoints(line);
    }

    int thread() {
        return thread;
    }

    /** os mode: each point is preceded by its number in the order they happened. */
    boolean numbered() {
        return numbered;
    }

    /** One point beyond the grant, which waits for its answer. */
    boolean asks() {
        return asks;
    }

    /** The end of the grant, its last point gone through already: the thread waits to be told to go on. */
    boolean parks() {
        return parks;
    }

    boolean hasNext() {
        return at < text.length();
    }

    /** The next number of the line. */
    int nextInt() {
        int n = text.length();
        while (at < n && text.charAt(at) == ' ') {
            at++;
        }
        boolean negative = at < n && text.charAt(at) == '-';
        if (negative) {
            at++;
        }
        long value = 0;
        int start = at;
        while (at < n) {
            char c = text.charAt(at);
            if (c < '0' || c > '9') {
                break;
            }
            value = value * 10 + (c - '0');
            at++;
        }
        if (at == start || at < n && text.charAt(at) != ' ' || value > Integer.MAX_VALUE + (negative ? 1L : 0L)) {
            throw new IllegalStateException("not a point from the Python runtime at " + start + ": " + text);
        }
        return (int) (negative ? -value : value);
    }

    @Override
    public String toString() {
        return text;
    }
}
