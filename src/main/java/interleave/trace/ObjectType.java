package interleave.trace;

/** The kinds of shared object a trace can name. */
public enum ObjectType {
    VARIABLE, LOCK, RLOCK, EVENT, SEMAPHORE, BOUNDED_SEMAPHORE, CONDITION, LOCAL, QUEUE, INPUT, SOCKET, BARRIER;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static ObjectType fromId(String id) {
        return valueOf(id.toUpperCase(java.util.Locale.ROOT));
    }

    /** A semaphore: its level is the permits left, and nobody in particular holds it. Asked only here. */
    public boolean countsPermits() {
        return this == SEMAPHORE || this == BOUNDED_SEMAPHORE;
    }

    /** Resources that a thread can hold, so they appear in wait-for graphs and holder lanes. */
    public boolean holdable() {
        return this == LOCK || this == RLOCK || this == SEMAPHORE || this == BOUNDED_SEMAPHORE;
    }
}
