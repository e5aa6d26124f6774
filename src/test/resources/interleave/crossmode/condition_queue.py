# A producer and two consumers with a Condition and a while loop: every item is taken exactly once.
import threading
cond = threading.Condition()
items = []
taken = []

def consumer():
    while True:
        with cond:
            while not items:
                cond.wait()
            x = items.pop(0)
        if x is None:
            return
        with cond:
            taken.append(x)

cs = [threading.Thread(target=consumer) for _ in range(2)]
for c in cs:
    c.start()
for i in range(10):
    with cond:
        items.append(i)
        cond.notify()
for _ in cs:
    with cond:
        items.append(None)
        cond.notify()
for c in cs:
    c.join()
print(sorted(taken))
with cond:
    print(cond.wait_for(lambda: True, 0.1), cond.wait(0))
