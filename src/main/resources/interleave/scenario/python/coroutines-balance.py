import gevent

ITERATIONS = 1000                  # @=iterations the "iterations" parameter
balance = 0                        # shared by both coroutines

def change(n):
    global balance
    for _ in range(ITERATIONS):
        balance = balance + n; balance = balance - n   # @update nothing interrupts a coroutine here
        gevent.sleep(0)            # @yield the only place where another coroutine may run

gevent.joinall([gevent.spawn(change, 5), gevent.spawn(change, 8)])
print('balance =', balance)
