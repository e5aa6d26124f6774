import threading

ITERATIONS = 100000              # @=iterations the "iterations" parameter
USE_LOCK = False                 # @=lock the "lock" switch, which can change mid-run

balance = 0                      # @init shared, but no thread touches it in this variant
balances = {'T1': 0, 'T2': 0}    # each thread's own balance: no other thread writes its item
lock = threading.Lock()

def change_it(name, n):
    balances[name] = balances[name] + n  # @add read ... write this thread's own item
    balances[name] = balances[name] - n  # @subtract read again ... write again

def run_thread(n):
    name = threading.current_thread().name
    for _ in range(ITERATIONS):  # @loop
        if USE_LOCK:
            with lock:           # @lock acquire, and release even on error
                change_it(name, n)
        else:
            change_it(name, n)   # no lock needed: nobody else writes this item

t1 = threading.Thread(target=run_thread, args=(5,), name="T1")  # @create
t2 = threading.Thread(target=run_thread, args=(8,), name="T2")
t1.start(); t2.start()  # @start
t1.join(); t2.join()  # @join
print("balance =", balance)      # @print always 0: no thread touched it
