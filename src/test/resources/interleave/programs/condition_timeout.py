# A Condition over a Lock another thread keeps taking, waited on with a timeout nobody cuts short: each wait times
# out and takes the lock back before it returns False, so it waits for the lock like an acquire() does, yet returns
# its own result. CPython prints 0 30.
import threading

lock = threading.Lock()
cond = threading.Condition(lock)
total = 0
timed_out = 0


def worker():
    global total
    for i in range(300):
        with lock:
            total = total + 1
            total = total - 1


def waiter():
    global timed_out
    for i in range(30):
        with cond:
            if not cond.wait(0.00001):
                timed_out = timed_out + 1


ts = [threading.Thread(target=worker), threading.Thread(target=waiter)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(total, timed_out)
