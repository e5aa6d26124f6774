# The tutorial's Event gate: ten threads wait until the user types 'true'.
import threading
event = threading.Event()
passed = 0
lock = threading.Lock()


def wait_for_go():
    global passed
    event.wait()
    with lock:
        passed += 1


threads = [threading.Thread(target=wait_for_go) for _ in range(10)]
for t in threads:
    t.start()
while input("go? ") != "true":
    pass
event.set()
for t in threads:
    t.join()
print("passed", passed)
