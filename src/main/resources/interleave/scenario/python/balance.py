import threading

balance = 0                      # one variable, shared by every thread
lock = threading.Lock()

def change_it(n):
    global balance
    balance = balance + n        # read balance ... write balance
    balance = balance - n        # read again ... write again

def run_thread(n):
    for _ in range(ITERATIONS):
        if USE_LOCK:
            with lock:           # acquire, and release even on error
                change_it(n)
        else:
            change_it(n)         # no lock: another thread may come in between

t1 = threading.Thread(target=run_thread, args=(5,), name="T1")
t2 = threading.Thread(target=run_thread, args=(8,), name="T2")
t1.start(); t2.start()
t1.join(); t2.join()
print("balance =", balance)      # 0 only if no update was lost
