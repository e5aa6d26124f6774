import threading, time

THREADS = 3                        # @=threads the "threads" parameter
SECONDS = 2                        # @=seconds how long each thread works
JOIN = 'inside'                    # @=join 'inside' the loop (the pitfall) or 'after' it

def work():
    for _ in range(SECONDS):
        time.sleep(1)  # @work

start = time.time()
threads = []
for i in range(THREADS):
    t = threading.Thread(target=work)
    t.start()                      # @start
    threads.append(t)
    if JOIN == 'inside':
        t.join()                   # @join-inside waits before the next thread even starts

if JOIN == 'after':
    for t in threads: t.join()     # @join-after they all ran side by side
print('all done after %.1f s' % (time.time() - start))  # @done
