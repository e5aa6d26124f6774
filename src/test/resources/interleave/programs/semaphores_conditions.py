# The other primitives, each where its answer does not depend on the schedule: a Semaphore that lets two
# threads in at a time (never more), a BoundedSemaphore released once too often (ValueError), a Condition a
# consumer waits on with wait_for until the producer's items are all there, an Event waited on with a timeout
# that runs out and one that is set, and a join with a timeout on a thread that is still waiting.
import threading

pool = threading.Semaphore(2)
inside = 0
most_inside = 0
count_lock = threading.Lock()


def visitor():
    global inside, most_inside
    with pool:
        with count_lock:
            inside += 1
            most_inside = max(most_inside, inside)
        for i in range(30):  # long enough inside for the scheduler to switch to the others
            pass
        with count_lock:
            inside -= 1


visitors = [threading.Thread(target=visitor) for _ in range(5)]
for v in visitors:
    v.start()
for v in visitors:
    v.join()

bounded = threading.BoundedSemaphore(1)
bounded.acquire()
bounded.release()
try:
    bounded.release()
    too_many = "no error"
except ValueError:
    too_many = "ValueError"

items = []
ready = threading.Condition()


def producer():
    for i in range(4):
        with ready:
            items.append(i)
            ready.notify_all()


def consumer(seen):
    with ready:
        ready.wait_for(lambda: len(items) == 4)
        seen.append(sum(items))


seen = []
c = threading.Thread(target=consumer, args=(seen,))
p = threading.Thread(target=producer)
c.start()
p.start()
c.join()
p.join()

never = threading.Event()
late = never.wait(0.2)
gate = threading.Event()
waiter = threading.Thread(target=gate.wait)
waiter.start()
waiter.join(0.1)
still_waiting = waiter.is_alive()
gate.set()
waiter.join()
print("never more than two inside:", 1 <= most_inside <= 2, ";", too_many, "; consumer saw", seen, "; timed out:", late is False,
      "; still waiting after join(0.1):", still_waiting, "; then:", waiter.is_alive())
