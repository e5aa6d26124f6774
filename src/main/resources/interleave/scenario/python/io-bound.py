import threading, time

def fib(n):
    for _ in range(n):
        time.sleep(SLEEP)          # @fib waiting for I/O, then a little computing
    return 'fib'

def fac(n):
    for _ in range(n): time.sleep(SLEEP)  # @fac
    return 'fac'

def total(n):
    for _ in range(n): time.sleep(SLEEP)  # @total
    return n * (n + 1) // 2

funcs = [fib, fac, total]
for f in funcs: f(N)                                 # @serial one after another

threads = [threading.Thread(target=f, args=(N,)) for f in funcs]
for t in threads: t.start()                          # @parallel all three at once
for t in threads: t.join()
