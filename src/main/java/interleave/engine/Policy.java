package interleave.engine;

import java.util.Locale;

/** How the sim scheduler picks the next thread when a slice ends. */
public enum Policy {
    /** First come, first served; every slice is exactly the quantum long. */
    RR,
    /** A seeded random ready thread; slice lengths vary around the quantum (1 to 2Q-1 points). */
    RANDOM;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
