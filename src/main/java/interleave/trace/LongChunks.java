package interleave.trace;

import java.util.Arrays;

/** {@link IntChunks} for longs (chunks of 2k, 16 KB). */
final class LongChunks {
    private static final int BITS = 11;
    private static final int CHUNK = 1 << BITS;
    private static final int MASK = CHUNK - 1;
    private long[][] chunks = {new long[8]};
    private int size;

    int size() {
        return size;
    }

    long get(long i) {
        return chunks[(int) (i >>> BITS)][(int) (i & MASK)];
    }

    void add(long value) {
        int c = size >>> BITS;
        int at = size & MASK;
        if (c == chunks.length) {
            chunks = Arrays.copyOf(chunks, c * 2);
        }
        long[] chunk = chunks[c];
        if (chunk == null) {
            chunk = chunks[c] = new long[CHUNK];
        } else if (at == chunk.length) {
            chunk = chunks[c] = Arrays.copyOf(chunk, Math.min(CHUNK, at * 2));
        }
        chunk[at] = value;
        size++;
    }

    /** Sets element {@code i}, or appends it if {@code i} is the size. */
    void put(int i, long value) {
        if (i == size) {
            add(value);
        } else {
            chunks[i >>> BITS][i & MASK] = value;
        }
    }
}
