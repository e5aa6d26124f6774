# Three threads wait at a gate; set() lets them all through; a cleared event times out at once.
import threading
gate = threading.Event()
passed = []
lock = threading.Lock()

def wait_at_gate():
    ok = gate.wait()
    with lock:
        passed.append(ok)

ts = [threading.Thread(target=wait_at_gate) for _ in range(3)]
for t in ts:
    t.start()
gate.set()
for t in ts:
    t.join()
print(passed)
gate.clear()
print(gate.is_set(), gate.wait(0), gate.wait(-1))
