package interleave.engine;

/**
 * One attribute of a {@code threading.local()} object: each thread sees only the value it bound itself;
 * reading it before binding raises AttributeError.
 */
public interface ThreadLocalVar {
    void set(String value);

    String get();

    /** {@code del data.x}: unbinds the thread's own value; AttributeError if it has none. */
    void delete();

    String name();
}
