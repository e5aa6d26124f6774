# What teachers' programs do with concurrent.futures and threading at their edges, each as CPython does it: wait()'s
# (done, not_done) pair, as_completed's TimeoutError, a thread named after a partial, daemon set too late,
# threading.ThreadError, a lock's and an event's repr and CPython's names of their classes, an atexit function, and
# an executor never shut down, which must not keep the program from ending. Every line printed is the same whatever
# the schedule.
import atexit
import concurrent.futures as cf
import functools
import queue
import re
import threading
import time


def slow(seconds):
    time.sleep(seconds)
    return seconds


with cf.ThreadPoolExecutor(2) as pool:
    done, not_done = cf.wait([pool.submit(pow, 2, n) for n in range(3)])
    print("wait", len(done), len(not_done), sorted(f.result() for f in done))
    first = cf.wait([pool.submit(slow, 0.5), pool.submit(slow, 0.01)], return_when=cf.FIRST_COMPLETED)
    print("first completed", [f.result() for f in first.done], len(first.not_done))
    try:
        for f in cf.as_completed([pool.submit(slow, 1.0)], timeout=0.1):
            print("never", f)
    except cf.TimeoutError as e:
        print("as_completed", type(e).__name__, e)
    try:
        pool.submit(slow, 1.0).result(timeout=0.1)
    except TimeoutError:  # the builtin: concurrent.futures.TimeoutError is it since 3.11
        print("result timed out")
print("executor kinds", issubclass(cf.ThreadPoolExecutor, cf.Executor), issubclass(cf.BrokenExecutor, RuntimeError))

t = threading.Thread(target=functools.partial(time.sleep, 0.01))
print("partial's thread", t.name.startswith("Thread-"), "(" not in t.name)
t.start()
try:
    t.daemon = True
except RuntimeError as e:
    print("daemon too late:", e)
t.join()
print("ThreadError", threading.ThreadError is RuntimeError)
lock, gate = threading.Lock(), threading.Event()
with lock:
    gate.set()
    print(re.sub("0x[0-9a-f]+", "0x...", "%r %r" % (lock, gate)))  # (addresses differ from run to run)
print(type(lock), type(threading.RLock()), type(gate), type(queue.Queue()), queue.Empty, type(threading.local()))

atexit.register(print, "atexit runs last")
left_open = cf.ThreadPoolExecutor(2)  # never shut down: CPython tells its workers to end with the program
print("left open", left_open.submit(pow, 3, 2).result())
print("main done")
