# Five philosophers, five forks: each takes the fork on the left, thinks, then reaches for the one on the right.
# Watch: once every philosopher holds a left fork, each waits for the next one's: a cycle, and the run ends in a
# deadlock that names each fork as the code does (forks[0] ... forks[4]). Taking the forks in one global order
# (the last philosopher reaches for forks[0] first) breaks the cycle.
import threading
import time

N = 5
forks = [threading.Lock() for _ in range(N)]


def philosopher(i):
    left, right = forks[i], forks[(i + 1) % N]
    for _ in range(3):
        with left:
            time.sleep(0.01)
            with right:
                print("philosopher", i, "eats")


diners = [threading.Thread(target=philosopher, args=(i,), name="P%d" % i) for i in range(N)]
for d in diners:
    d.start()
for d in diners:
    d.join()
print("all done")
