package interleave.trace;

import java.util.List;

/**
 * Threads that can never run again. When {@code cycle} is true, {@code threads.get(i)} waits for
 * {@code resources.get(i)}, which {@code threads.get(i + 1)} (wrapping round) holds. When false, every
 * live thread was blocked on something nobody would ever release (a stall, e.g. an event never set).
 * A resource id of -1 means "waits for a thread to finish" (a join).
 */
public record Deadlock(List<Integer> threads, List<Integer> resources, boolean cycle) {
    public Deadlock {
        threads = List.copyOf(threads);
        resources = List.copyOf(resources);
    }
}
