import threading, time

def work():
    time.sleep(SECONDS)  # @work

threads = []
for i in range(THREADS):
    t = threading.Thread(target=work); t.start(); threads.append(t)  # @start
    if JOIN == 'inside':
        t.join()                   # @join-inside waits before the next thread even starts

if JOIN == 'after':
    for t in threads: t.join()     # @join-after they all ran side by side
print('all done')  # @done
