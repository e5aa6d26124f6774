# Python 2 threads with the modules Python 3 renamed: Queue and thread
import Queue
import thread
import threading

q = Queue.Queue()
results = []
lock = thread.allocate_lock()

def produce(n):
    for i in xrange(n):
        q.put(i)
    q.put(None)

def consume():
    while True:
        item = q.get()
        if item is None:
            break
        lock.acquire()
        try:
            results.append(item * item)
        finally:
            lock.release()

workers = [threading.Thread(target=produce, args=(5,)), threading.Thread(target=consume)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print "sum of squares:", sum(results)
try:
    Queue.Queue().get(False)
except Queue.Empty:
    print "empty queue"
finished = []
for n in range(3):
    thread = threading.Thread(target=finished.append, args=(n,))  # a variable named as the module
    thread.start()
    thread.join()
print "finished:", finished
