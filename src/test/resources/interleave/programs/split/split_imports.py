# Two threads import the same module of the program at once, and threads of the program update a module's global
# through the module (shared.total += 1, under a lock): each as CPython does it.
import threading

import shared_total


def load():
    import settings
    with lock:
        seen.append(settings.count)


def add():
    for _ in range(100):
        with lock:
            shared_total.total += 1


lock = threading.Lock()
seen = []
threads = [threading.Thread(target=load) for _ in range(2)] + [threading.Thread(target=add) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("seen", seen)
print("total", shared_total.total)
