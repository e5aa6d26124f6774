# What a class sees when a thread fails: each thread below fails in its own way, one after the other, and the
# run's stderr must be python3's own, line for line: threading.py's frames above the program's, 3.11's marks under
# the part of the line that failed (a read or a store), "Did you mean" where this Python says it, the chain of
# exceptions, and queue.py's and multiprocessing's frames where the error comes from there (none for SimpleQueue,
# which is C). The main thread fails last.
import multiprocessing
import queue
import sys
import threading

balance = 0
scores = {"amy": {"math": 90}}


class Account:
    def __init__(self):
        self.balance = 10


class Sealed:
    @property
    def total(self):
        return 0

    @total.setter
    def total(self, value):
        raise ValueError("total is read-only, not %r" % value)


class Worker(threading.Thread):
    def run(self):
        self.step(3)

    def step(self, n):
        return [1, 2][n]


class Logged(threading.Thread):
    def run(self):
        print("logged run starts")
        super().run()


def divide(d):
    x = d["a"]
    return 1 / x


def deposit(n):
    global balance
    balance = balance + n


def add_in_place():
    global balance
    balance += "one"


def look(name):
    print(scores[name]["art"])


def misspelt():
    print(balanse)


def attribute():
    print(Account().balanse)


def release_twice():
    lock = threading.Lock()
    lock.release()


def inverse():
    return [10 // x for x in [1, 0]]


def chained():
    try:
        try:
            return scores["bob"]
        except KeyError as e:
            raise LookupError("no bob") from e
    except LookupError:
        int("abc")


def empty_queue():
    queue.Queue().get_nowait()


def simple_empty():
    queue.SimpleQueue().get(timeout=0.01)


def full_queue():
    q = queue.Queue(maxsize=1)
    q.put(1)
    q.put(2, timeout=0.01)


def store_item():
    slots = [0, 0]
    slots[2] = 1


def store_attribute():
    Sealed().total = 5


def spread_over_lines():
    slots = [0, 0]
    return slots[
        2]


def store_in_place():
    sealed = Sealed()
    sealed.total += 1


def check():
    assert balance == 4, "balance is %r" % balance


def ring():
    raise ValueError("no bell")


def work(n):
    return 10 // n


for target, args in ((divide, ({"a": 0},)), (deposit, ("x",)), (add_in_place, ()), (look, ("amy",)),
                     (misspelt, ()), (attribute, ()), (release_twice, ()), (inverse, ()), (chained, ()),
                     (empty_queue, ()), (simple_empty, ()), (full_queue, ()), (store_item, ()),
                     (store_attribute, ()), (store_in_place, ()), (spread_over_lines, ()),
                     (check, ())):
    t = threading.Thread(target=target, args=args)
    t.start()
    t.join()
for t in (Worker(), Logged(target=work, args=(0,)), threading.Timer(0.01, ring)):
    t.start()
    t.join()
if __name__ == "__main__":
    p = multiprocessing.Process(target=work, args=(0,))
    p.start()
    p.join()
    print("the process ended with", p.exitcode)
    p = multiprocessing.Process(target=sys.exit, args=("a child's last words",))
    p.start()
    p.join()
    print("that one with", p.exitcode)
print("balance", balance)
Account().deposit(5)
