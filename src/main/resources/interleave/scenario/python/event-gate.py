import threading, time
event = threading.Event()

def worker():
    event.wait()                   # @wait blocks while the flag is false
    print(threading.current_thread().name, 'passed the gate')  # @passed

threads = [threading.Thread(target=worker) for _ in range(THREADS)]
for t in threads: t.start()  # @start

# the tutorial waits for the user to type at the keyboard; "auto" waits DELAY seconds
time.sleep(DELAY)                  # @delay or: while input('> ') != 'true': pass

event.set()                        # @set every waiter wakes at once
event.clear()                      # re-arms the gate for the next round
