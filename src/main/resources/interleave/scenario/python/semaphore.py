import threading, time
WORKERS = 6                        # @=workers the "workers" parameter
PERMITS = 2                        # @=permits the "permits" parameter
OVERRELEASE = False                # @=overrelease the "overrelease" parameter
pool = threading.BoundedSemaphore(PERMITS)   # PERMITS connections

def worker(me):
    pool.acquire()                 # @acquire wait for a free connection
    try:
        time.sleep(0.5)            # @use use it
    finally:
        pool.release()             # @release give it back
    if OVERRELEASE and me == 0:
        pool.release()             # @overrelease the bug: ValueError only once the count is full, maybe later, elsewhere

threads = [threading.Thread(target=worker, args=(i,), name='worker-%d' % i) for i in range(WORKERS)]
for t in threads: t.start()        # @start
for t in threads: t.join()
