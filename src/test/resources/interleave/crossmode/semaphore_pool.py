# Five threads share two permits: never more than two inside, all five get through.
import threading
sem = threading.BoundedSemaphore(2)
lock = threading.Lock()
inside = 0
most = 0
done = 0

def use():
    global inside, most, done
    with sem:
        with lock:
            inside += 1
            most = max(most, inside)
        with lock:
            inside -= 1
            done += 1

ts = [threading.Thread(target=use) for _ in range(5)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(most <= 2, done)
try:
    sem.release()
except ValueError as e:
    print("ValueError:", e)
