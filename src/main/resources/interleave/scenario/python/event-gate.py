import threading, time

THREADS = 10                       # @=threads the "threads" parameter
AUTO = True                        # @=auto MainThread sets the event itself; else the keyboard does
DELAY = 2                          # @=delay seconds before it sets it
ROUNDS = 1                         # @=rounds times each thread goes through the gate
event = threading.Event()

def worker():
    for _ in range(ROUNDS):
        event.wait()               # @wait blocks while the flag is false
        print(threading.current_thread().name, 'passed the gate')  # @passed
        time.sleep(0.1)

threads = [threading.Thread(target=worker, name='Thread-%d' % i) for i in range(THREADS)]
for t in threads: t.start()  # @start

for _ in range(ROUNDS):
    if AUTO:
        time.sleep(DELAY)          # @delay
    else:                          # the tutorial waits for the keyboard
        while input('> ') != 'true': pass  # @input you type true
    event.set()                    # @set every waiter wakes at once
    time.sleep(0.05)
    event.clear()                  # re-arms the gate for the next round
for t in threads: t.join()         # @join
