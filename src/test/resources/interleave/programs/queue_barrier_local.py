# A pool of workers fed by a queue, a barrier between two phases, a thread-local name and a timer.
import queue
import threading

q = queue.Queue(maxsize=3)
total = 0
lock = threading.Lock()
phase = threading.Barrier(3)
local_school = threading.local()
fired = []


def worker(name):
    global total
    local_school.student = name
    while True:
        x = q.get()
        if x is None:
            q.task_done()
            break
        with lock:
            total += x
        q.task_done()
    phase.wait()
    with lock:  # CPython's print is not atomic: two threads' words can interleave
        print("bye", local_school.student)


workers = [threading.Thread(target=worker, args=(n,)) for n in ("Alice", "Bob")]
for w in workers:
    w.start()
for i in range(10):
    q.put(i)
q.join()
for w in workers:
    q.put(None)
phase.wait()
for w in workers:
    w.join()
t = threading.Timer(0.5, lambda: fired.append("timer"))
t.start()
t.join()
try:
    local_school.student
except AttributeError as e:
    print("main has no student:", e)
print(total, q.empty(), fired, threading.active_count())
