# Wrong arguments to threading, time and print, as students write them: each call's error must be python3's own,
# in its words (a string or None as a timeout, NaN, a negative sleep, print's sep), caught and printed here; then
# an exception whose __str__ fails ends a thread, and the main thread fails with sys.stderr sent to sys.stdout,
# where python3 prints its traceback.
import queue
import sys
import threading
import time


def attempt(label, call):
    try:
        print(label, "->", call())
    except Exception as e:
        print(label, "->", type(e).__name__, e)


attempt("sleep('a')", lambda: time.sleep("a"))
attempt("sleep(None)", lambda: time.sleep(None))
attempt("sleep(nan)", lambda: time.sleep(float("nan")))
attempt("sleep(-1)", lambda: time.sleep(-1))
attempt("sleep(inf)", lambda: time.sleep(float("inf")))
attempt("Lock timeout 'x'", lambda: threading.Lock().acquire(timeout="x"))
attempt("Lock timeout -2", lambda: threading.Lock().acquire(timeout=-2))
attempt("Lock non-blocking with timeout", lambda: threading.Lock().acquire(False, 1))
attempt("Lock timeout nan", lambda: threading.Lock().acquire(timeout=float("nan")))
attempt("RLock timeout 'x'", lambda: threading.RLock().acquire(timeout="x"))
attempt("Event wait 'x'", lambda: threading.Event().wait("x"))
attempt("Event wait -1", lambda: threading.Event().wait(-1))
attempt("Event wait nan", lambda: threading.Event().wait(float("nan")))
attempt("a set Event's wait 'x'", lambda: (lambda e: (e.set(), e.wait("x"))[1])(threading.Event()))
attempt("a free Semaphore's timeout 'x'", lambda: threading.Semaphore(1).acquire(timeout="x"))
attempt("Semaphore timeout 'x'", lambda: threading.Semaphore(0).acquire(timeout="x"))
attempt("Semaphore timeout 0.01", lambda: threading.Semaphore(0).acquire(timeout=0.01))
attempt("join('x')", lambda: (lambda t: (t.start(), t.join("x")))(threading.Thread(target=len, args=("",))))
attempt("Queue get timeout 'x'", lambda: queue.Queue().get(timeout="x"))
attempt("Queue get timeout -1", lambda: queue.Queue().get(timeout=-1))
attempt("SimpleQueue get timeout 'x'", lambda: queue.SimpleQueue().get(timeout="x"))
attempt("Barrier wait 'x'", lambda: threading.Barrier(2).wait("x"))
attempt("a set Event's wait(inf)", lambda: (lambda e: (e.set(), e.wait(float("inf")))[1])(threading.Event()))
attempt("a free Semaphore's timeout inf", lambda: threading.Semaphore(1).acquire(timeout=float("inf")))
attempt("Semaphore non-blocking, timeout nan", lambda: threading.Semaphore(1).acquire(False, float("nan")))
attempt("Semaphore non-blocking, timeout 'x'", lambda: threading.Semaphore(1).acquire(False, "x"))
attempt("Condition not held, wait('x')", lambda: threading.Condition().wait("x"))
attempt("Queue put timeout 'x'", lambda: queue.Queue().put(1, timeout="soon"))
attempt("bounded Queue put timeout 'x'", lambda: queue.Queue(2).put(1, timeout="x"))
attempt("SimpleQueue put timeout 'x'", lambda: queue.SimpleQueue().put(1, timeout="x"))
attempt("SimpleQueue get non-blocking, timeout 'x'", lambda: (lambda q: (q.put(1), q.get(False, "x"))[1])(
    queue.SimpleQueue()))
attempt("print sep=5", lambda: print("a", "b", sep=5))
attempt("print end=0", lambda: print("a", end=0))
attempt("from threading import Thred", lambda: exec("from threading import Thred"))
t = threading.Thread(target=print, args=("printed by a thread whose target is print",))
print(t.name)
t.start()
t.join()


class Unprintable(Exception):
    def __str__(self):
        raise RuntimeError("no words")


def fail_unprintably():
    raise Unprintable()


t = threading.Thread(target=fail_unprintably)
t.start()
t.join()
sys.stderr = sys.stdout
print("main fails next")
{}["missing"]
