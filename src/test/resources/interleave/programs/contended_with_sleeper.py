# Two threads take turns at a lock while a third sleeps now and then: the engine's plans and continuations meet a
# running clock (a thread that blocks hands the core on with a grant the clock may cut short).
import threading
import time

x = 0
lock = threading.Lock()


def work(n):
    global x
    for i in range(150):
        with lock:
            x = x + n
            x = x - n


def sleeper():
    for i in range(6):
        time.sleep(0.0002)


ts = [threading.Thread(target=work, args=(k,)) for k in (1, 10)] + [threading.Thread(target=sleeper)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(x)
