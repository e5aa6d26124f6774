package interleave.engine;

/** {@code threading.RLock}: an owner and a recursion count; only the owner releases; free at count 0. */
public interface RLock extends Acquirable {
}
