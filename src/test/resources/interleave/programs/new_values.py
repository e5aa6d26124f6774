# Two threads fill the same boxes and a shared dict at once: every attribute and every key is a shared value
# the engine meets for the first time while the other thread is running. In os mode each new value must be
# recorded in the order it happened, without one thread waiting for the engine while the other waits for it.
import threading


class Box:
    pass


boxes = [Box() for _ in range(300)]
counts = {}


def fill(name, start):
    for i in range(300):
        box = boxes[(start + i) % 300]
        box.n = i
        counts[(name, i)] = i


threads = [threading.Thread(target=fill, args=("t%d" % k, k * 150)) for k in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(counts), sum(counts.values()))
