import threading, time

THREADS = 10                       # @=threads the "threads" parameter
LOCK = 'rlock'                     # @=lock 'rlock' or 'lock' (a plain Lock)
NESTED = False                     # @=nested the thread takes the same lock again inside

gl_num = 0
lock = threading.RLock() if LOCK == 'rlock' else threading.Lock()

def show():
    global gl_num
    lock.acquire()  # @acquire
    try:
        gl_num += 1  # @increment
        if NESTED: lock.acquire()  # @nested-acquire fine for an RLock, a self-deadlock for a Lock
        if NESTED: lock.release()  # @nested-release
        time.sleep(1)              # @sleep still holding the lock
        print('%s: gl_num = %d' % (threading.current_thread().name, gl_num))  # @print
    finally:
        lock.release()  # @release

threads = [threading.Thread(target=show, name='Thread-%d' % i) for i in range(THREADS)]
for t in threads: t.start()  # @start
for t in threads: t.join()
