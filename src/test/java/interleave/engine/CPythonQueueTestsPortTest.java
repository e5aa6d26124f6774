package interleave.engine;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static interleave.engine.Py.check;
import static interleave.engine.Py.checkEquals;
import static interleave.engine.Py.raises;

/**
 * CPython 3.11's Lib/test/test_queue.py BaseQueueTestMixin for {@code queue.Queue} (same case names), in every
 * mode. LifoQueue, PriorityQueue and SimpleQueue are not modelled; the C-only and pickling cases do not apply.
 */
class CPythonQueueTestsPortTest {
    private static final String NAME = "[{index}] {0}";
    private static final int QUEUE_SIZE = 5;

    /**
     * CPython's do_blocking_test: the blocking call must still be blocked when a trigger thread, after a short
     * sleep, makes the call that releases it.
     */
    private static <T> T doBlockingTest(Kernel k, Supplier<T> blocking, Runnable trigger) {
        Event started = k.event("started");
        Worker t = k.thread("trigger", false, () -> {
            k.sleep(Py.shortTimeout(k, 0.1));
            started.set();
            trigger.run();
        });
        t.start();
        try {
            return blocking.get();
        } finally {
            check(started.isSet(), "the blocking call appeared not to block");
            t.join(10);
            check(!t.isAlive(), "the trigger call appeared not to return");
        }
    }

    private static void basicQueueTest(Kernel k, Queue<Integer> q) {
        checkEquals(0, q.size(), "empty at the start");
        check(q.empty(), "empty()");
        check(!q.full(), "not full()");
        q.put(111);
        q.put(333);
        q.put(222);
        checkEquals(List.of(111, 333, 222), List.of(q.get(), q.get(), q.get()), "FIFO order");
        for (int i = 0; i < QUEUE_SIZE - 1; i++) {
            q.put(i);
            check(q.size() > 0, "Queue should not be empty");
        }
        check(!q.full(), "Queue should not be full");
        int last = 2 * QUEUE_SIZE;
        int full = 3 * 2 * QUEUE_SIZE;
        q.put(last);
        check(q.full(), "Queue should be full");
        check(!q.empty(), "not empty()");
        raises("Full", null, () -> q.put(full, false, null));
        raises("Full", null, () -> q.put(full, true, 0.01));
        doBlockingTest(k, () -> {
            q.put(full);
            return null;
        }, q::get);
        doBlockingTest(k, () -> {
            q.put(full, true, 10.0);
            return null;
        }, q::get);
        for (int i = 0; i < QUEUE_SIZE; i++) {
            q.get();
        }
        checkEquals(0, q.size(), "Queue should be empty");
        raises("Empty", null, () -> q.get(false, null));
        raises("Empty", null, () -> q.get(true, 0.01));
        doBlockingTest(k, q::get, () -> q.put(-1));
        doBlockingTest(k, () -> q.get(true, 10.0), () -> q.put(-1));
    }

    private static void queueJoinTest(Kernel k, Queue<Integer> q) {
        AtomicInteger cum = new AtomicInteger();
        Lock cumlock = k.lock("cumlock");
        List<Worker> threads = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Worker t = k.thread("worker" + i, false, () -> {
                while (true) {
                    int x = q.get();
                    if (x < 0) {
                        q.taskDone();
                        return;
                    }
                    cumlock.acquire();
                    cum.addAndGet(x);
                    cumlock.release();
                    q.taskDone();
                }
            });
            t.start();
            threads.add(t);
        }
        for (int i = 0; i < 100; i++) {
            q.put(i);
        }
        q.join();
        checkEquals(99 * 100 / 2, cum.get(), "q.join() did not block until all tasks were done");
        for (int i = 0; i < 2; i++) {
            q.put(-1); // tell the threads to close
        }
        q.join(); // joining twice works
        threads.forEach(Worker::join);
    }

    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void test_queue_task_done(String mode, RunSettings s) throws Exception {
        Py.runClean(s, k -> {
            Queue<Integer> q = k.queue("q", 0);
            raises("ValueError", "task_done() called too many times", q::taskDone);
        });
    }

    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void test_queue_join(String mode, RunSettings s) throws Exception {
        Py.runClean(s, k -> {
            Queue<Integer> q = k.queue("q", 0);
            queueJoinTest(k, q);
            queueJoinTest(k, q);
            raises("ValueError", null, q::taskDone);
        });
    }

    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void test_basic(String mode, RunSettings s) throws Exception {
        Py.runClean(s, k -> {
            Queue<Integer> q = k.queue("q", QUEUE_SIZE);
            basicQueueTest(k, q); // twice: the same instance can be reused
            basicQueueTest(k, q);
        });
    }

    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void test_negative_timeout_raises_exception(String mode, RunSettings s) throws Exception {
        Py.runClean(s, k -> {
            Queue<Integer> q = k.queue("q", QUEUE_SIZE);
            raises("ValueError", "'timeout' must be a non-negative number", () -> q.put(1, true, -1.0));
            raises("ValueError", "'timeout' must be a non-negative number", () -> q.get(true, -1.0));
        });
    }

    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void test_nowait(String mode, RunSettings s) throws Exception {
        Py.runClean(s, k -> {
            Queue<Integer> q = k.queue("q", QUEUE_SIZE);
            for (int i = 0; i < QUEUE_SIZE; i++) {
                q.put(1, false, null);
            }
            raises("Full", null, () -> q.put(1, false, null));
            for (int i = 0; i < QUEUE_SIZE; i++) {
                q.get(false, null);
            }
            raises("Empty", null, () -> q.get(false, null));
        });
    }

    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void test_shrinking_queue(String mode, RunSettings s) throws Exception {
        Py.runClean(s, k -> {
            Queue<Integer> q = k.queue("q", 3);
            q.put(1);
            q.put(2);
            q.put(3);
            raises("Full", null, () -> q.put(4, false, null));
            checkEquals(3, q.size(), "qsize");
            q.setMaxsize(2); // shrink the queue
            raises("Full", null, () -> q.put(4, false, null));
        });
    }
}
