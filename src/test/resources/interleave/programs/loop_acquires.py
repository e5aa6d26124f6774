# Three threads in loops of acquires: a Lock's, a Semaphore's, an RLock's taken again inside, and the program's own
# acquire() that reads and writes a shared counter without a lock (its updates may be lost). Each other counter has
# its own lock, so CPython prints 13320 360 0 True whatever the schedule.
import threading


class Gate:
    def __init__(self):
        self.opened = 0

    def acquire(self):
        self.opened += 1


gate = Gate()
lock = threading.Lock()
sem = threading.Semaphore(1)
rlock = threading.RLock()
total = 0
again = 0
inside = 0


def work(n):
    global total, again, inside
    for i in range(120):
        gate.acquire()
        with lock:
            total += n
        with sem:
            inside += 1
            inside -= 1
        while True:
            rlock.acquire()
            with rlock:
                again += 1
            rlock.release()
            break


ts = [threading.Thread(target=work, args=(k,)) for k in (1, 10, 100)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(total, again, inside, gate.opened <= 360)
