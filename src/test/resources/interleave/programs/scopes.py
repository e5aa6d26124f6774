# Python's scopes, as CPython has them, where the program also has module globals of the same names: a function's
# loop variable, a tuple-unpacked or with-bound local, a comprehension's and a lambda's own variables, a closure's
# enclosing local, a class body's own names; reading a global not yet assigned, or deleted, is a NameError.
import threading

i = 0
n = 3
total = 100
lock = threading.Lock()
results = []


def worker(k):
    total = 0
    for i in range(n + k):
        total += i
    a, i = 1, 9
    with lock:
        results.append((k, total, i))


threads = [threading.Thread(target=worker, args=(k,)) for k in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results), i, total)
print([i * 2 for i in range(n)], {i: i for i in range(2)}, sum(i for i in range(4)))
double = (lambda i: i * 2)
print(double(21))


def outer():
    i = 7

    def inner():
        return i + n
    return inner()


print(outer())


class Box:
    i = 5
    doubled = i * 2


print(Box.i, Box.doubled, i)


def later():
    global fresh
    fresh = 1


try:
    print(fresh)
except NameError as e:
    print("NameError:", e)
later()
print(fresh)
gone = 4
del gone
try:
    print(gone)
except NameError as e:
    print("NameError:", e)
