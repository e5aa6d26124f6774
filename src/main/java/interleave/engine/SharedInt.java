package interleave.engine;

/**
 * A shared integer variable whose read and write are two separate scheduling points, as a
 * {@code LOAD_GLOBAL} and a {@code STORE_GLOBAL} are in CPython: {@code balance = balance + n} is a read,
 * an addition in the thread's own registers, and a write that another thread can come between.
 */
public interface SharedInt {
    int read();

    void write(int value);

    String name();

    int id();

    /** The value without a scheduling point, for results after the run. */
    int peek();
}
