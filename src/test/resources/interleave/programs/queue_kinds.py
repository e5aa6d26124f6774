# The queue module's other queues and the threading module's smaller parts, as CPython has them: a LifoQueue gives
# the last item first, a PriorityQueue the smallest whoever put it, a SimpleQueue is a plain FIFO; get_ident names
# the current thread; a program's own excepthook gets a thread's uncaught exception instead of stderr.
import queue
import threading

stack = queue.LifoQueue()
for i in range(5):
    stack.put(i)
print([stack.get() for _ in range(5)])

jobs = queue.PriorityQueue()


def producer(items):
    for item in items:
        jobs.put(item)


producers = [threading.Thread(target=producer, args=(items,))
             for items in ([(3, "c"), (1, "a")], [(2, "b"), (0, "z")])]
for t in producers:
    t.start()
for t in producers:
    t.join()
print([jobs.get() for _ in range(4)])

simple = queue.SimpleQueue()
simple.put("x")
print(simple.get(), simple.empty())

same = []


def who():
    same.append(threading.get_ident() == threading.current_thread().ident)


checkers = [threading.Thread(target=who) for _ in range(2)]
for t in checkers:
    t.start()
for t in checkers:
    t.join()
print(same)

caught = []


def hook(args):
    caught.append((args.exc_type.__name__, str(args.exc_value), args.thread.name))


threading.excepthook = hook
divider = threading.Thread(target=lambda: 1 / 0, name="divider")
divider.start()
divider.join()
print(caught)
print(threading.stack_size())

# peeking into a queue, as teaching programs do: q.queue (CPython's deque of the items, first out first),
# q.maxsize and q.unfinished_tasks; a LifoQueue's and a PriorityQueue's own lists
q = queue.Queue(maxsize=5)
for item in ("a", "b", "c"):
    q.put(item)
print(list(q.queue), len(q.queue), q.maxsize, q.unfinished_tasks)
q.get()
q.task_done()
print(list(q.queue), q.unfinished_tasks)
q.maxsize = 8
print(q.maxsize)


def producer():
    for n in range(3):
        q.put(n)


t = threading.Thread(target=producer)
t.start()
t.join()
print(list(q.queue))
lifo = queue.LifoQueue()
for n in (1, 2, 3):
    lifo.put(n)
print(lifo.queue)
prio = queue.PriorityQueue()
for n in (3, 1, 2):
    prio.put(n)
print(prio.queue[0])
