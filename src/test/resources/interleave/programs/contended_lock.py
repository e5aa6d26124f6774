# Four threads take turns at one lock, with a little work outside it: when the lock is given back, the next
# thread waiting for it wakes while the lock is still free, and whoever takes it first gets it.
import threading

x = 0
lock = threading.Lock()


def work(n):
    global x
    for i in range(80):
        with lock:
            x = x + n
            x = x - n
        for j in range(3):  # a little work outside the lock
            pass


ts = [threading.Thread(target=work, args=(k,)) for k in (1, 10, 100, 1000)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(x)
