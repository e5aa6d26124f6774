# Four threads pass a barrier three times; each round hands out the indexes 0..3 once.
import threading
b = threading.Barrier(4)
lock = threading.Lock()
rounds = [[], [], []]

def run():
    for r in range(3):
        i = b.wait()
        with lock:
            rounds[r].append(i)

ts = [threading.Thread(target=run) for _ in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print([sorted(r) for r in rounds])
print(b.broken, b.n_waiting, b.parties)
b.abort()
try:
    b.wait()
except threading.BrokenBarrierError:
    print("BrokenBarrierError")
