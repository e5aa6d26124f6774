import os, threading, time

THREADS = 4                        # @=threads the "threads" parameter
WORK = 20000                       # @=work steps of pure computation per thread

def count(n):
    while n > 0: n -= 1            # @count pure computation, never waits

threads = [threading.Thread(target=count, args=(WORK,), name='worker-%d' % i) for i in range(THREADS)]
# one thread at a time holds the GIL; it is switched every sys.getswitchinterval()
start = time.perf_counter()
for t in threads: t.start()  # @start
for t in threads: t.join()
print('%d threads x %d steps, cores: %d, %.3f s' % (THREADS, WORK, os.cpu_count(), time.perf_counter() - start))
