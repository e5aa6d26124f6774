# Shared globals stored by more than a plain assignment: a for loop's variable, tuple unpacking, a chain of
# targets, a starred target. Each store is a write the engine sees, so under the lock no update is lost.
import threading

i = 0
for i in range(3):
    pass
print(i)
a = 0
b = 0
a, b = 1, 2
print(a, b)
x = 0
y = 0
lock = threading.Lock()


def both():
    global x, y
    for _ in range(100):
        with lock:
            x, y = x + 1, y + 1


def one():
    global x
    for _ in range(100):
        with lock:
            x += 1


threads = [threading.Thread(target=both), threading.Thread(target=one)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(x, y)
p = q = 5
print(p, q)
first, *rest = [1, 2, 3]
print(first, rest)
