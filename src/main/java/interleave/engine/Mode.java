package interleave.engine;

import java.util.Locale;

/** How worker threads are scheduled. */
public enum Mode {
    /** Deterministic: virtual cores, time slices of scheduling points, a virtual clock. */
    SIM,
    /** Deterministic: a thread gives up the core only at a yield or a blocking call (greenlet, gevent). */
    COOPERATIVE,
    /** The operating system schedules the threads truly in parallel; not deterministic. */
    OS;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean virtualTime() {
        return this != OS;
    }
}
