import threading, time
ORDERED = False                    # @=ordered the last philosopher takes forks[0] first: no cycle
MEALS = 3                          # @=meals how many times each one eats
forks = [threading.Lock() for _ in range(5)]   # @locks fork i lies between philosopher i and i+1

def philosopher(first, second, meals):
    for _ in range(meals):
        first.acquire()          # @first pick up one fork ...
        time.sleep(0.01)         # @think ... think for a moment ...
        second.acquire()         # @second ... then wait for the neighbour's fork: forever?
        time.sleep(0.005); second.release(); first.release()   # @both eat, put both down

def forks_of(i):
    left, right = forks[i], forks[(i + 1) % 5]
    return (right, left) if ORDERED and i == 4 else (left, right)

ps = [threading.Thread(target=philosopher, name=f"P{i}", args=(*forks_of(i), MEALS)) for i in range(5)]  # @create
for p in ps: p.start()  # @start
for p in ps: p.join()
