import threading

THREADS = 4                        # @=threads the "threads" parameter
WORK = 20000                       # @=work steps of pure computation per thread

def count(n):
    while n > 0: n -= 1            # @count pure computation, never waits

threads = [threading.Thread(target=count, args=(WORK,), name='worker-%d' % i) for i in range(THREADS)]
# one thread at a time holds the GIL; it is switched every sys.getswitchinterval()
for t in threads: t.start()  # @start
for t in threads: t.join()
