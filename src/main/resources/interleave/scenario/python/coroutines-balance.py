import gevent

ITERATIONS = 1000                  # @=iterations the "iterations" parameter
YIELD_IN_UPDATE = False            # @=yield_in_update a gevent.sleep(0) between the read and the write
balance = 0                        # shared by both coroutines

def change(n):
    global balance
    for _ in range(ITERATIONS):
        balance = balance + n      # @update nothing interrupts a coroutine here ...
        b = balance
        if YIELD_IN_UPDATE:
            gevent.sleep(0)        # ... unless it yields between its read and its write
        balance = b - n
        gevent.sleep(0)            # @yield the only place where another coroutine may run

gevent.joinall([gevent.spawn(change, 5), gevent.spawn(change, 8)])
print('balance =', balance)
