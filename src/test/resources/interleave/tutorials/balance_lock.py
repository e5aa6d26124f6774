import time, threading

# the bank balance again, each change made while holding the lock
balance = 0
lock = threading.Lock()

def change_it(n):
    global balance
    balance = balance + n
    balance = balance - n

def run_thread(n):
    for i in range(1000):
        # take the lock first:
        lock.acquire()
        try:
            # now change it safely:
            change_it(n)
        finally:
            # always give the lock back:
            lock.release()

t1 = threading.Thread(target=run_thread, args=(5,))
t2 = threading.Thread(target=run_thread, args=(8,))
t1.start()
t2.start()
t1.join()
t2.join()
print(balance)
