# Three threads and two locks, one taken inside the other: a thread may wait for the inner lock while it holds the
# outer one, so the lock a thread holds and the lock someone waits for are not always the same.
import threading

a = 0
outer = threading.Lock()
inner = threading.Lock()


def both(n):
    global a
    for i in range(60):
        with outer:
            with inner:
                a = a + n
                a = a - n


def inner_only(n):
    global a
    for i in range(60):
        with inner:
            a = a + n
            a = a - n


ts = [threading.Thread(target=both, args=(1,)), threading.Thread(target=both, args=(10,)),
      threading.Thread(target=inner_only, args=(100,))]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(a)
