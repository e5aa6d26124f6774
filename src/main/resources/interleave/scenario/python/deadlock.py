import threading, time

ORDERED = False                    # @=ordered both threads take lock_a first: no cycle can form
lock_a = threading.Lock()  # @locks
lock_b = threading.Lock()

def worker(first, second):
    first.acquire()          # @first hold one lock ...
    time.sleep(0.01)         # @think ... long enough for the other thread to take its own
    second.acquire()         # @second ... and wait for the other one: forever?
    print("got both")        # @both only reached without a deadlock
    second.release(); first.release()

t1 = threading.Thread(target=worker, args=(lock_a, lock_b), name="T1")
t2 = threading.Thread(target=worker, args=(lock_a, lock_b) if ORDERED else (lock_b, lock_a), name="T2")  # @create
t1.start(); t2.start()  # @start
t1.join(); t2.join()
