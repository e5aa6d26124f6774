# RLock nests; the misuses raise CPython's errors with its words.
import threading
r = threading.RLock()
r.acquire(); r.acquire(); r.acquire()
r.release(); r.release(); r.release()
for f in (r.release, threading.Lock().release):
    try:
        f()
    except RuntimeError as e:
        print("RuntimeError:", e)
c = threading.Condition(threading.Lock())
try:
    c.notify()
except RuntimeError as e:
    print("RuntimeError:", e)
t = threading.Thread(target=lambda: None)
t.start()
t.join()
try:
    t.start()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    t.daemon = True
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.Lock().acquire(False, 1)
except ValueError as e:
    print("ValueError:", e)
