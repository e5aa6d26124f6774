package interleave.engine;

/**
 * {@code queue.Queue(maxsize)}: a FIFO shared by threads; put blocks while it is full (maxsize &gt; 0), get while
 * it is empty; task_done and join count the work done. Raises {@code queue.Full} and {@code queue.Empty} as
 * ThreadingError with those types.
 */
public interface Queue<T> {
    /** {@code put(item)}: blocks while full. */
    void put(T item);

    /** {@code put(item, block, timeout)}; a null timeout waits for ever. */
    void put(T item, boolean block, Double timeoutSeconds);

    /** {@code get()}: blocks while empty. */
    T get();

    /** {@code get(block, timeout)}; a null timeout waits for ever. */
    T get(boolean block, Double timeoutSeconds);

    void taskDone();

    /** {@code join()}: waits until every item put has been marked done. */
    void join();

    int size();

    boolean empty();

    boolean full();

    int maxsize();

    /** {@code q.maxsize = n}: takes effect at the next put (a smaller size does not drop items). */
    void setMaxsize(int value);

    /** {@code q.queue}: the items in the order they will leave (a copy). */
    java.util.List<T> items();

    /** {@code q.unfinished_tasks}: items put and not yet marked done. */
    int unfinished();

    String name();
}
