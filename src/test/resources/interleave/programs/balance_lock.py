# The tutorial's bank-balance race: two threads add and subtract their own n from a shared balance.
import threading

balance = 0
lock = threading.Lock()
USE_LOCK = True


def change_it(n):
    global balance
    balance = balance + n
    balance = balance - n


def run_thread(n):
    for i in range(200):
        if USE_LOCK:
            lock.acquire()
            try:
                change_it(n)
            finally:
                lock.release()
        else:
            change_it(n)


t1 = threading.Thread(target=run_thread, args=(5,))
t2 = threading.Thread(target=run_thread, args=(8,))
t1.start()
t2.start()
t1.join()
t2.join()
print(balance)
