# Details a teacher's program relies on, each as CPython does them: print's end and sep (three threads print
# ABC in turn on one line), sys.stdout.write, print to stderr (not output), a module of the program's own folder,
# a threading.local subclass (its __init__ runs in each thread that uses it; a class attribute shows where the
# thread set nothing), and the errors of joining the current thread and of a Thread whose __init__ never ran.
import sys
import threading

import bank_helpers


class Greeting(threading.local):
    word = "nobody"

    def __init__(self, prefix):
        self.prefix = prefix


greeting = Greeting("hi")


def letters(ch, mine, after):
    for _ in range(3):
        mine.acquire()
        print(ch, end="")
        after.release()


turns = [threading.Semaphore(1), threading.Semaphore(0), threading.Semaphore(0)]
writers = [threading.Thread(target=letters, args=(ch, turns[i], turns[(i + 1) % 3])) for i, ch in enumerate("ABC")]
for t in writers:
    t.start()
for t in writers:
    t.join()
print()


printing = threading.Lock()  # CPython writes a print's parts apart: two threads' lines could run together


def visit(name):
    greeting.word = name
    bank_helpers.deposit(1)
    with printing:
        print(greeting.prefix, greeting.word, sep=", ")


visitors = [threading.Thread(target=visit, args=(name,)) for name in ("ann", "bob")]
for t in visitors:
    t.start()
for t in visitors:
    t.join()
print(greeting.prefix, greeting.word)
sys.stdout.write("balance %d\n" % bank_helpers.balance)
print("a note for stderr, not output", file=sys.stderr)
try:
    threading.current_thread().join()
except RuntimeError as e:
    print("RuntimeError:", e)


class Lazy(threading.Thread):
    def __init__(self):
        pass


try:
    Lazy().start()
except RuntimeError as e:
    print("RuntimeError:", e)

# a thread-local's __dict__ is the thread's own attributes, written or emptied directly too
own = threading.local()
own.__dict__["y"] = 5
own.z = 3
own.__dict__.pop("z")
print("through __dict__:", own.y, hasattr(own, "z"), sorted(own.__dict__))
