# The main thread waits for another to let a lock go by asking lock.locked() in a loop, without sleeping or
# blocking (as Python 2's thread.allocate_lock examples do): sim and os mode switch it out and the other thread
# lets the lock go; cooperative mode (as gevent) never does, since the loop never gives up the CPU.
import threading
import time

lock = threading.Lock()
lock.acquire()


def let_go():
    time.sleep(0.01)
    lock.release()


threading.Thread(target=let_go).start()
while lock.locked(): pass
print("done")
