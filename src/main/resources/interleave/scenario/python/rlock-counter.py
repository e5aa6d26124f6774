import threading, time

gl_num = 0
lock = threading.RLock()           # lock=lock: threading.Lock()

def show():
    lock.acquire()  # @acquire
    global gl_num; gl_num += 1  # @increment
    if NESTED: lock.acquire()      # @nested-acquire a helper that takes the same lock again
    if NESTED: lock.release()      # @nested-release fine for an RLock, a self-deadlock for a Lock
    time.sleep(1)                  # @sleep still holding the lock
    print(gl_num)  # @print
    lock.release()  # @release

threads = [threading.Thread(target=show) for _ in range(THREADS)]
for t in threads: t.start()  # @start
for t in threads: t.join()
