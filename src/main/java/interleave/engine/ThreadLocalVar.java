package interleave.engine;

/**
 * One attribute of a {@code threading.local()} object: each thread sees only the value it bound itself;
 * reading it before binding raises AttributeError.
 */
public interface ThreadLocalVar {
    void set(String value);

    String get();

    String name();
}
