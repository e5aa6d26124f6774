import threading, time

N = 10                             # @=n how many waits each job makes
SLEEP_MS = 100                     # @=sleepMillis each wait, in milliseconds

def fib(n):
    a, b = 1, 1
    for _ in range(n):
        time.sleep(SLEEP_MS / 1000)  # @fib waiting for I/O, then a little computing
    for _ in range(2, n + 1): a, b = b, a + b
    print('fib(%d) = %d' % (n, b))

def fac(n):
    for _ in range(n): time.sleep(SLEEP_MS / 1000)  # @fac
    r = 1
    for i in range(2, n + 1): r *= i
    print('fac(%d) = %d' % (n, r))

def total(n):
    for _ in range(n): time.sleep(SLEEP_MS / 1000)  # @total
    print('sum(%d) = %d' % (n, n * (n + 1) // 2))

funcs = [fib, fac, total]
start = time.time()
for f in funcs: f(N)                                 # @serial one after another
print('one after another: %.3f s' % (time.time() - start))

start = time.time()
threads = [threading.Thread(target=f, args=(N,), name=f.__name__) for f in funcs]
for t in threads: t.start()                          # @parallel all three at once
for t in threads: t.join()
print('in three threads: %.3f s' % (time.time() - start))
