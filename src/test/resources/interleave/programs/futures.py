# concurrent.futures.ThreadPoolExecutor as CPython's documentation describes it; every line printed here is the
# same whatever the schedule (results in submission order, sorted where completion order decides).
from concurrent.futures import ThreadPoolExecutor, as_completed, wait
import concurrent.futures
import threading
import time

def square(n):
    time.sleep(0.01 * (5 - n))
    return n * n

def fails():
    raise ValueError("bad task")

with ThreadPoolExecutor(max_workers=3) as pool:
    print("map", list(pool.map(square, range(5))))
    futures = [pool.submit(square, n) for n in range(5)]
    print("as_completed", sorted(f.result() for f in as_completed(futures)))
    bad = pool.submit(fails)
    try:
        bad.result()
    except ValueError as e:
        print("result raises", type(e).__name__, e)
    print("exception", repr(bad.exception()))
    done = wait([pool.submit(square, 2)]).done
    print("wait", [f.result() for f in done])
    names = sorted({n for n in pool.map(lambda _: threading.current_thread().name, range(6))})
    print("at most 3 workers", len(names) <= 3, names[0].startswith("ThreadPoolExecutor-"))
try:
    pool.submit(square, 1)
except RuntimeError as e:
    print("after shutdown", e)
print("module", concurrent.futures.ThreadPoolExecutor is ThreadPoolExecutor)
