package interleave.engine;

import java.util.ArrayDeque;

/** A primitive's FIFO queue of blocked threads. */
final class WaitQueue {
    private final ArrayDeque<Strand> waiters = new ArrayDeque<>();

    void add(Strand t) {
        waiters.addLast(t);
    }

    /** Back to the head of the line: a woken waiter that found the resource taken again. */
    void addFirst(Strand t) {
        waiters.addFirst(t);
    }

    Strand poll() {
        return waiters.poll();
    }

    void remove(Strand t) {
        waiters.remove(t);
    }

    boolean isEmpty() {
        return waiters.isEmpty();
    }

    int size() {
        return waiters.size();
    }

    /** Wakes every waiter, first come first, and empties the queue. */
    void wakeAll(Kernel k, int object, int value) {
        Strand t;
        while ((t = waiters.poll()) != null) {
            k.wake(t, object, value);
        }
    }

    /** Wakes at most n waiters, first come first; returns how many. */
    int wake(Kernel k, int n, int object, int value) {
        int woken = 0;
        while (woken < n && !waiters.isEmpty()) {
            k.wake(waiters.poll(), object, value);
            woken++;
        }
        return woken;
    }
}
