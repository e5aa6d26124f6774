package interleave.engine;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static interleave.engine.Py.check;
import static interleave.engine.Py.checkEquals;
import static interleave.engine.Py.raises;

/**
 * Cases of CPython 3.11's Lib/test/test_threading.py that apply to what we model (same names where they
 * exist there): thread daemon status, enumerate, main_thread, current_thread, active_count, Timer. Cases
 * marked "ours" check documented CPython behaviour that test_threading does not test on its own.
 */
class CPythonThreadingTestsPortTest {
    private static final String NAME = "[{index}] {0}";

    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void test_daemon_param(String mode, RunSettings s) throws Exception {
        Py.runClean(s, k -> {
            check(!k.thread("t", () -> { }).daemon(), "Thread() made by a non-daemon is not a daemon");
            check(!k.thread("t", false, () -> { }).daemon(), "daemon=False");
            check(k.thread("t", true, () -> { }).daemon(), "daemon=True");
        });
    }

    /** Ours: a thread's daemon default is the daemon status of the thread that makes it. */
    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void daemon_is_inherited(String mode, RunSettings s) throws Exception {
        Py.runClean(s, k -> {
            List<Boolean> made = new CopyOnWriteArrayList<>();
            Worker d = k.thread("daemon", true, () -> made.add(k.thread("child", () -> { }).daemon()));
            d.start();
            d.join();
            checkEquals(List.of(true), made, "a thread made by a daemon");
        });
    }

    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void test_daemonize_active_thread(String mode, RunSettings s) throws Exception {
        Py.runClean(s, k -> {
            Worker t = k.thread("t", false, () -> { });
            t.setDaemon(true); // allowed before start
            t.setDaemon(false);
            t.start();
            raises("RuntimeError", "cannot set daemon status of active thread", () -> t.setDaemon(true));
            t.join();
        });
    }

    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void test_enumerate_after_join(String mode, RunSettings s) throws Exception {
        Py.runClean(s, k -> {
            List<Worker> old = k.enumerate();
            for (int i = 1; i < 100; i++) {
                Worker t = k.thread("t" + i, false, () -> { });
                t.start();
                t.join();
                List<Worker> l = k.enumerate();
                check(!l.contains(t), "#1703448 triggered after " + i + " trials: " + l);
            }
            checkEquals(old, k.enumerate(), "enumerate() after the joins");
        });
    }

    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void test_main_thread(String mode, RunSettings s) throws Exception {
        Py.runClean(s, k -> {
            Worker main = k.mainThread();
            checkEquals("MainThread", main.name(), "main_thread().name");
            checkEquals(main, k.currentThread(), "current_thread() in the main thread");
            List<Object> seen = new CopyOnWriteArrayList<>();
            Worker th = k.thread("other", false, () -> {
                seen.add(k.mainThread());
                seen.add(k.currentThread());
            });
            th.start();
            th.join();
            checkEquals(main, seen.get(0), "main_thread() in another thread");
            checkEquals(th, seen.get(1), "current_thread() in another thread");
        });
    }

    /** Ours (test_various_ops' counting): active_count() is len(enumerate()) and counts started, live threads. */
    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void active_count_counts_live_threads(String mode, RunSettings s) throws Exception {
        Py.runClean(s, k -> {
            checkEquals(1, k.activeCount(), "only the main thread");
            Event go = k.event("go");
            Worker a = k.thread("a", false, go::await);
            Worker b = k.thread("b", false, go::await);
            checkEquals(1, k.activeCount(), "made, not started");
            a.start();
            b.start();
            checkEquals(3, k.activeCount(), "started");
            checkEquals(List.of(k.mainThread(), a, b), k.enumerate(), "enumerate() in order");
            go.set();
            a.join();
            b.join();
            checkEquals(1, k.activeCount(), "joined");
        });
    }

    /** TimerTests.test_init_immutable_default_args, without the args: two timers each call back once. */
    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void test_init_immutable_default_args(String mode, RunSettings s) throws Exception {
        Py.runClean(s, k -> {
            List<String> callbacks = new CopyOnWriteArrayList<>();
            Event callbackEvent = k.event("callback");
            Timer timer1 = k.timer("timer1", 0.01, () -> {
                callbacks.add("timer1");
                callbackEvent.set();
            });
            timer1.start();
            callbackEvent.await();
            callbackEvent.clear();
            Timer timer2 = k.timer("timer2", 0.01, () -> {
                callbacks.add("timer2");
                callbackEvent.set();
            });
            timer2.start();
            callbackEvent.await();
            checkEquals(List.of("timer1", "timer2"), callbacks, "callbacks");
            timer1.join();
            timer2.join();
        });
    }

    /** Ours: cancel() before the interval is over: the function is never called and the thread ends. */
    @ParameterizedTest(name = NAME)
    @MethodSource("interleave.engine.Py#everyMode")
    void timer_cancel(String mode, RunSettings s) throws Exception {
        Py.runClean(s, k -> {
            List<String> called = new CopyOnWriteArrayList<>();
            Timer t = k.timer("timer", 30, () -> called.add("called"));
            t.start();
            t.cancel();
            t.join();
            checkEquals(List.of(), called, "called after cancel");
            check(Py.clock(k) < 30, "the timer did not wait its interval");
        });
    }
}
