# A pool's errors as python3 shows them: a job's exception re-raised by result() (through concurrent.futures'
# own frames, then the job's), an initializer that fails (logged, and the pool broken: BrokenThreadPool), a done
# callback that raises (logged, the others still called), and at the end a result() nobody catches.
from concurrent.futures import ThreadPoolExecutor, wait
import threading


def job(n):
    return 10 // n


def setup():
    raise ValueError("no setup")


def callback(future):
    raise ValueError("the callback failed")


with ThreadPoolExecutor(2) as pool:
    failing = pool.submit(job, 0)
    try:
        failing.result()
    except ZeroDivisionError as e:
        print("caught:", e)
    print("10 // 5 =", pool.submit(job, 5).result())
    done = pool.submit(pow, 2, 3)
    wait([done])
    done.add_done_callback(callback)
    gate = threading.Event()
    later = pool.submit(gate.wait)
    later.add_done_callback(callback)
    gate.set()
with ThreadPoolExecutor(1, initializer=setup) as pool:
    never = pool.submit(print, "never printed")
    try:
        never.result()
    except Exception as e:
        print(type(e).__name__, e)
    try:
        pool.submit(print, "nor this")
    except Exception as e:
        print(type(e).__module__, type(e).__name__)
with ThreadPoolExecutor(1) as pool:
    last = pool.submit(job, 0)
    wait([last])
    last.result()
