import threading, time

def work():
    time.sleep(SECONDS)

threads = []
for i in range(THREADS):
    t = threading.Thread(target=work); t.start(); threads.append(t)
    if JOIN == 'inside':
        t.join()                   # waits before the next thread even starts

if JOIN == 'after':
    for t in threads: t.join()     # they all ran side by side
print('all done')
