# Ten threads wait at a gate until the main thread sets the event.
import threading, time
gate = threading.Event()
passed = 0
lock = threading.RLock()
def wait_at_gate():
    global passed
    gate.wait()
    with lock:
        passed += 1
threads = [threading.Thread(target=wait_at_gate) for _ in range(10)]
for t in threads:
    t.start()
time.sleep(1)
gate.set()
for t in threads:
    t.join()
print(passed, threading.current_thread().name)
