import threading

ITERATIONS = 100000              # @=iterations the "iterations" parameter
USE_LOCK = False                 # @=lock the "lock" switch, which can change mid-run

balance = 0                      # @init one variable, shared by every thread
lock = threading.Lock()

def change_it(n):
    global balance
    balance = balance + n        # @add read balance ... write balance
    balance = balance - n        # @subtract read again ... write again

def run_thread(n):
    for _ in range(ITERATIONS):  # @loop
        if USE_LOCK:
            with lock:           # @lock acquire, and release even on error
                change_it(n)
        else:
            change_it(n)         # no lock: another thread may come in between

t1 = threading.Thread(target=run_thread, args=(5,), name="T1")  # @create
t2 = threading.Thread(target=run_thread, args=(8,), name="T2")
t1.start(); t2.start()  # @start
t1.join(); t2.join()  # @join
print("balance =", balance)      # @print 0 only if no update was lost
