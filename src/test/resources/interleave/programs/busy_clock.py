# CPU-bound threads that each compute for a while, timed by the clock (as a lesson on the GIL does): every
# time.time() is on the run's virtual clock, read within the engine's grant without asking it each time. Each
# thread prints the sum of every reading it made, in microseconds: one reading off by a tick changes it.
import threading
import time


def spin(name, seconds):
    end = time.time() + seconds
    n = readings = 0
    while True:
        now = time.time()
        if now >= end:
            break
        readings += round(now * 1000000)
        n += 1
    print(name, "looped", n, "times; readings", readings)  # (t1 goes on alone once t0 is done)


threads = [threading.Thread(target=spin, args=("t%d" % i, 0.002 * (i + 1))) for i in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("all done at", round(time.time(), 6))
