package interleave.trace;

/**
 * How many events a run may record in this Java heap, so that a run too long for it is stopped, keeping what it
 * recorded, instead of ending in an OutOfMemoryError. Counted per event: the trace (10.2 bytes measured, counted as
 * 11) and each analysis kept beside it (8.1 to 9.3 measured, counted as 10), in a share of the heap that leaves room
 * for the rest of the process.
 */
public enum EventBudget {
    /** A command-line run: the trace and its one analysis are all the heap holds of any size. */
    COMMAND_LINE(1, 0.85),
    /** The window: a second analysis when the app looks back, and the scene, images and fonts beside them. */
    WINDOW(2, 0.6);

    static final int TRACE_BYTES = 11;
    static final int ANALYSIS_BYTES = 10;

    private static volatile EventBudget current = COMMAND_LINE;

    private final int analyses;
    private final double heapShare;

    EventBudget(int analyses, double heapShare) {
        this.analyses = analyses;
        this.heapShare = heapShare;
    }

    /** The budget of this process's runs from now on (the app chooses {@link #WINDOW} once, at start). */
    public static void use(EventBudget budget) {
        current = budget;
    }

    static EventBudget current() {
        return current;
    }

    /** A heap twice this one's, in whole gigabytes, at least 2: what to suggest where a run did not fit. */
    public static long moreMemoryGigabytes() {
        return Math.max(2, (2 * Runtime.getRuntime().maxMemory() + (1L << 30) - 1) >> 30);
    }

    /** The most events a run may record in a heap of {@code maxHeapBytes}. */
    public long events(long maxHeapBytes) {
        return (long) (maxHeapBytes * heapShare) / (TRACE_BYTES + analyses * ANALYSIS_BYTES);
    }
}
