# The balance race with the lock: whatever the schedule, the balance ends at 0.
import threading
balance = 0
lock = threading.Lock()

def change(n):
    global balance
    for _ in range(200):
        with lock:
            balance = balance + n
            balance = balance - n

threads = [threading.Thread(target=change, args=(n,)) for n in (5, 8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(balance)
print(threading.active_count())
