import threading, time
pool = threading.BoundedSemaphore(PERMITS)   # PERMITS connections

def worker():
    pool.acquire()                 # wait for a free connection
    try:
        time.sleep(0.5)            # use it
    finally:
        pool.release()             # give it back
    # overrelease: a second pool.release() raises ValueError

threads = [threading.Thread(target=worker) for _ in range(WORKERS)]
for t in threads: t.start()
for t in threads: t.join()
