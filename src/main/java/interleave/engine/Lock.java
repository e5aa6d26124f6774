package interleave.engine;

/** {@code threading.Lock}: not reentrant; any thread may release it; releasing it unlocked is an error. */
public interface Lock extends Acquirable {
    boolean locked();
}
