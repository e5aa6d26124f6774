# Three workers sum 0..99 from a queue; join() waits for every task_done().
import queue, threading
q = queue.Queue(maxsize=4)
total = 0
lock = threading.Lock()

def worker():
    global total
    while True:
        x = q.get()
        if x < 0:
            q.task_done()
            return
        with lock:
            total += x
        q.task_done()

workers = [threading.Thread(target=worker) for _ in range(3)]
for w in workers:
    w.start()
for i in range(100):
    q.put(i)
q.join()
print(total)
for _ in workers:
    q.put(-1)
for w in workers:
    w.join()
print(q.qsize(), q.empty(), q.full())
try:
    q.get(block=False)
except queue.Empty:
    print("Empty")
