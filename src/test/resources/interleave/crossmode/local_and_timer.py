# Each thread sees its own local value; a timer fires once; a cancelled one never does.
import threading
local = threading.local()
seen = []
lock = threading.Lock()

def greet(name):
    local.name = name
    with lock:
        seen.append(local.name)

ts = [threading.Thread(target=greet, args=(n,)) for n in ("Alice", "Bob", "Carol")]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(seen))
try:
    local.name
except AttributeError as e:
    print("AttributeError:", e)
fired = []
t1 = threading.Timer(0.01, lambda: fired.append("t1"))
t2 = threading.Timer(5, lambda: fired.append("t2"))
t1.start(); t2.start()
t2.cancel()
t1.join(); t2.join()
print(fired, threading.main_thread().name, threading.current_thread().name)
