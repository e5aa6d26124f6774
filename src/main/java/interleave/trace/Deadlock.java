package interleave.trace;

import java.util.List;

/**
 * Threads that can never run again. {@code threads.get(i)} waits for {@code resources.get(i)} (-1: for a thread
 * to finish, a join) and, where a thread can be named, for {@code waitsFor.get(i)}: the next in the cycle, which
 * holds that resource, or the thread it joins; else -1. When {@code cycle} is true the threads form a wait-for
 * cycle (each waits for the next, wrapping round). When false, every live thread was blocked on something nobody
 * would ever release or set (a stall, e.g. an Event never set): at least one of them waits for no thread.
 */
public record Deadlock(List<Integer> threads, List<Integer> resources, List<Integer> waitsFor, boolean cycle) {
    public Deadlock {
        threads = List.copyOf(threads);
        resources = List.copyOf(resources);
        waitsFor = List.copyOf(waitsFor);
    }
}
