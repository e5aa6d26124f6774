# The main thread waits for a flag by looping, without sleeping or taking a lock: sim and os mode switch it out and
# the producer sets the flag; cooperative mode (as gevent) never does, since the loop never gives up the CPU.
import threading
import time

ready = False
data = None


def producer():
    global ready, data
    time.sleep(0.01)
    data = "payload"
    ready = True


t = threading.Thread(target=producer)
t.start()
while not ready: pass  # (one line: which of two lines a loop is on when the watchdog looks varies by version)
print(data)
t.join()
