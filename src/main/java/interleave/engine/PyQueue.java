package interleave.engine;

import interleave.trace.ObjectType;

import java.util.ArrayDeque;

/**
 * {@code queue.Queue}, as CPython 3.11's Lib/queue.py: one mutex (here the kernel's exclusive access) and three
 * conditions, not_full, not_empty and all_tasks_done, each a queue of waiters.
 */
final class PyQueue<T> extends Queued implements Queue<T> {
    private volatile int maxsize;
    private final ArrayDeque<T> items = new ArrayDeque<>();
    private final WaitQueue notFull = new WaitQueue();
    private final WaitQueue notEmpty = new WaitQueue();
    private final WaitQueue allDone = new WaitQueue();
    private int unfinished;

    PyQueue(Kernel k, String name, int maxsize) {
        super(k, name, ObjectType.QUEUE, maxsize);
        this.maxsize = maxsize;
    }

    @Override
    public void removeWaiter(Strand t) {
        notFull.remove(t);
        notEmpty.remove(t);
        allDone.remove(t);
    }

    @Override
    public void put(T item) {
        put(item, true, null);
    }

    @Override
    public void put(T item, boolean block, Double timeout) {
        Strand me = k.begin();
        try {
            if (maxsize > 0 && block) {
                checkTimeout(timeout);
            }
            if (maxsize > 0 && items.size() >= maxsize) {
                if (!block) {
                    refuse(me);
                    throw PyErrors.queueFull();
                }
                if (!awaitRoom(me, notFull, deadline(timeout), () -> items.size() < maxsize)) {
                    throw PyErrors.queueFull();
                }
            }
            items.addLast(item);
            unfinished++;
            notEmpty.wake(k, 1, id, 1);
            k.out.put(me, id, items.size());
            k.commit(me);
        } finally {
            k.leave(me);
        }
    }

    @Override
    public T get() {
        return get(true, null);
    }

    @Override
    public T get(boolean block, Double timeout) {
        Strand me = k.begin();
        try {
            if (block) {
                checkTimeout(timeout);
            }
            if (items.isEmpty()) {
                if (!block) {
                    refuse(me);
                    throw PyErrors.queueEmpty();
                }
                if (!awaitRoom(me, notEmpty, deadline(timeout), () -> !items.isEmpty())) {
                    throw PyErrors.queueEmpty();
                }
            }
            T item = items.pollFirst();
            notFull.wake(k, 1, id, 1);
            k.out.got(me, id, items.size());
            k.commit(me);
            return item;
        } finally {
            k.leave(me);
        }
    }

    /** A blocking get, or a blocking put on a bounded queue, refuses a negative timeout even if it need not wait. */
    private static void checkTimeout(Double timeout) {
        if (timeout != null && timeout < 0) {
            throw PyErrors.queueTimeoutNegative();
        }
    }

    /** A blocking put's or get's deadline; NaN waits for ever (CPython loops until it can go on). */
    private long deadline(Double timeout) {
        return timeout == null || timeout.isNaN() ? -1 : k.deadline(timeout);
    }

    private void refuse(Strand me) {
        k.out.triedBusy(me, id, -1);
        k.commit(me);
    }

    /** Waits on one of the queue's conditions until {@code ready}; false (after a TIMEOUT point) if time ran out. */
    private boolean awaitRoom(Strand me, WaitQueue condition, long deadline, java.util.function.BooleanSupplier ready) {
        while (!ready.getAsBoolean()) {
            k.out.blocked(me, id, -1);
            condition.add(me);
            if (!k.block(me, this, deadline, Strand.State.BLOCKED)) {
                k.out.gaveUp(me, id, items.size());
                k.commit(me);
                return false;
            }
        }
        return true;
    }

    @Override
    public void taskDone() {
        Strand me = k.begin();
        try {
            if (unfinished <= 0) {
                throw PyErrors.taskDoneTooOften();
            }
            unfinished--;
            if (unfinished == 0) {
                allDone.wakeAll(k, id, 1);
            }
            k.out.taskDone(me, id, unfinished);
            k.commit(me);
        } finally {
            k.leave(me);
        }
    }

    @Override
    public void join() {
        Strand me = k.begin();
        try {
            k.out.queueJoined(me, id, unfinished);
            while (unfinished > 0) {
                allDone.add(me);
                k.block(me, this, -1, Strand.State.WAITING);
            }
            k.out.waitEnded(me, id, true);
            k.commit(me);
        } finally {
            k.leave(me);
        }
    }

    @Override
    public int size() {
        return items.size();
    }

    @Override
    public boolean empty() {
        return items.isEmpty();
    }

    @Override
    public boolean full() {
        return maxsize > 0 && items.size() >= maxsize;
    }

    @Override
    public int maxsize() {
        return maxsize;
    }

    @Override
    public java.util.List<T> items() {
        return new java.util.ArrayList<>(items);
    }

    @Override
    public int unfinished() {
        return unfinished;
    }

    @Override
    public void setMaxsize(int value) {
        maxsize = value; // CPython: a plain attribute, read at the next put
    }
}
