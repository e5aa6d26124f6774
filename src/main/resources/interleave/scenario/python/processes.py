from multiprocessing import Process, Value, current_process

PROCESSES = 3                      # @=processes the "processes" parameter
INCREMENTS = 1000                  # @=increments the "increments" parameter
MEMORY = 'isolated'                # @=memory 'isolated' (each process its own copy) or 'shared' (one Value)
LOCK = False                       # @=lock the Value's own lock, in 'shared' memory

counter = 0                        # every process gets its own copy of this
shared = Value('i', 0)             # shared memory: the one thing processes share

def child():
    global counter
    for _ in range(INCREMENTS):    # @increment
        if MEMORY == 'isolated':
            counter += 1           # @add-own its own copy: nothing races, nothing is communicated
        elif LOCK:
            with shared.get_lock():  # @lock
                shared.value += 1  # @add-locked
        else:
            shared.value += 1      # @add-shared read, then write: another process may come in between
    print(current_process().name, 'sees counter =', counter if MEMORY == 'isolated' else shared.value)

procs = [Process(target=child) for _ in range(PROCESSES)]
for p in procs: p.start()  # @start each starts with a copy of the parent's memory
for p in procs: p.join()
print('parent sees counter =', counter if MEMORY == 'isolated' else shared.value)   # @parent isolated: 0
