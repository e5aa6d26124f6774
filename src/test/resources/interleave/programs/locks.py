# Locks the threads take and give back many times: a Lock in a with block, an RLock taken twice by the same
# thread, a try without waiting (acquire(False)), and a Condition the main thread waits on. Every update is under
# its lock, so whatever the schedule, total ends at 0 and count at 90, as in CPython.
import threading

total = 0
count = 0
done = 0
lock = threading.Lock()
rlock = threading.RLock()
cond = threading.Condition()


def add(n):
    global count
    with rlock:
        with rlock:  # the same thread again: an RLock lets it in
            count = count + n


def worker(n):
    global total, done
    for i in range(30):
        with lock:
            total = total + n
        add(n)
        if not lock.acquire(False):  # busy: wait for it after all
            lock.acquire()
        total = total - n
        lock.release()
    with cond:
        done += 1
        cond.notify_all()


threads = [threading.Thread(target=worker, args=(k,)) for k in (1, 2)]
for t in threads:
    t.start()
with cond:
    while done < 2:
        cond.wait()
for t in threads:
    t.join()
print(total, count)
