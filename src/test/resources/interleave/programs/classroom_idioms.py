# What classroom programs write that the rewrite must compile as CPython does: private names, in-place
# operators, "with lock as got", the exceptions without a message, and a stdout wrapped for a console's encoding.
import io
import queue
import sys
import threading


class Account:
    __opened = 0  # a private class attribute: Account._Account__opened

    def __init__(self, owner):
        self.__balance = 0  # private: stored as _Account__balance
        self.owner = owner
        Account.__opened += 1

    def deposit(self, n):
        self.__balance += n

    def balance(self):
        return self.__balance


class Savings(Account):
    def __init__(self, owner):
        super().__init__(owner)
        self.__balance = "the subclass's own"


lock = threading.Lock()
bob = Savings("bob")


def work():
    for _ in range(3):
        with lock as got:
            bob.deposit(5)
    print("got", got)


threads = [threading.Thread(target=work) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(bob.balance(), bob._Savings__balance, Account._Account__opened, sorted(vars(bob)))

# a global a class's method declares: "global __visits" in class Counter is _Counter__visits, as CPython mangles it
__visits = 0
_Counter__visits = 100


class Counter:
    def visit(self):
        global __visits
        __visits += 1
        return __visits


print(Counter().visit(), __visits, _Counter__visits)

# in place: a list attribute, an item and a global keep their object (an alias sees the change)
shared = []
alias = shared


class Box:
    def __init__(self):
        self.items = []


box = Box()
items = box.items
table = {"k": []}
kept = table["k"]


def grow():
    global shared
    shared += [1]
    box.items += [2]
    table["k"] += [3]


t = threading.Thread(target=grow)
t.start()
t.join()
print(alias, items, kept, shared is alias, box.items is items)


class Vec:  # only __iadd__: x += 3 works in place, x + 3 would not
    def __init__(self):
        self.x = 1

    def __iadd__(self, n):
        self.x += n
        return self


holder = Box()
holder.v = Vec()
holder.v += 3
print(holder.v.x)

for primitive in (threading.RLock(), threading.Semaphore(), threading.Condition(), threading.BoundedSemaphore()):
    with primitive as got:
        print(type(primitive).__name__, got)

try:
    queue.Queue().get_nowait()
except queue.Empty as e:
    print(repr(e), e.args)
barrier = threading.Barrier(2)
barrier.abort()
try:
    barrier.wait()
except threading.BrokenBarrierError as e:
    print(repr(e), e.args)

# a worker that reports what it caught: the traceback is the program's own frames, as under python3
import traceback


def risky():
    try:
        {}["missing"]
    except KeyError:
        print(traceback.format_exc().splitlines()[-1], [(f.name, f.lineno) for f in traceback.extract_tb(sys.exc_info()[2])])


t = threading.Thread(target=risky)
t.start()
t.join()

# print(..., flush=True) to a file of the program's: what another reader of the file sees at once
import os
import tempfile

log_path = os.path.join(tempfile.mkdtemp(), "log.txt")
log = open(log_path, "w")
print("logged", file=log, flush=True)
with open(log_path) as seen:
    print("the file says", seen.read().strip())
log.close()

# a console's encoding fixed the usual way, then stdout given back
sys.stdout.reconfigure(encoding="utf-8")
sys.stdout.writelines(["行一\n", "行二\n"])
original = sys.stdout
wrapped = sys.stdout = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8")
print("中文输出", threading.current_thread().name)
sys.stdout.flush()
sys.stdout = sys.__stdout__  # (wrapped is kept: a wrapper let go closes the stdout under it, as in CPython)
print("given back", sys.stdout is original)
wrapped.close()
print("not shown: the wrapper closed the stdout under it")
