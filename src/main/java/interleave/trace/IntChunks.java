package interleave.trace;

import java.util.Arrays;

/**
 * An append-only list of ints in chunks of 4k (16 KB): a long run's derived data grows without copying and
 * without the slack of a growing array (up to half its size), and no chunk is a humongous object for G1. The
 * first chunk starts small and grows to full size, so thousands of short lanes stay small. One writer; readers
 * that read {@link #size()} first (the owner publishes it) see every element below it.
 */
final class IntChunks {
    private static final int BITS = 12;
    private static final int CHUNK = 1 << BITS;
    private static final int MASK = CHUNK - 1;
    private int[][] chunks = {new int[8]};
    private int size;

    int size() {
        return size;
    }

    int get(long i) {
        return chunks[(int) (i >>> BITS)][(int) (i & MASK)];
    }

    void set(long i, int value) {
        chunks[(int) (i >>> BITS)][(int) (i & MASK)] = value;
    }

    void add(int value) {
        int c = size >>> BITS;
        int at = size & MASK;
        if (c == chunks.length) {
            chunks = Arrays.copyOf(chunks, c * 2);
        }
        int[] chunk = chunks[c];
        if (chunk == null) {
            chunk = chunks[c] = new int[CHUNK];
        } else if (at == chunk.length) { // only the first chunk grows
            chunk = chunks[c] = Arrays.copyOf(chunk, Math.min(CHUNK, at * 2));
        }
        chunk[at] = value;
        size++;
    }

    /** Sets element {@code i}, or appends it if {@code i} is the size. */
    void put(int i, int value) {
        if (i == size) {
            add(value);
        } else {
            set(i, value);
        }
    }
}
