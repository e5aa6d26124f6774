from multiprocessing import Process, Value

counter = 0                        # memory=shared: counter = Value('i', 0)

def child():
    global counter
    for _ in range(INCREMENTS): counter += 1   # @increment shared + lock: with counter.get_lock(): counter.value += 1
    print('child sees', counter)   # its own copy when memory is isolated

procs = [Process(target=child) for _ in range(PROCESSES)]
for p in procs: p.start()  # @start
for p in procs: p.join()
print('parent sees', counter)      # @parent isolated: still 0
