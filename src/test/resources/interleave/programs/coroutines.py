# greenlet's and gevent's rules as their documentation states them, printed so that every mode can be compared:
# what switch() passes and returns, a finished greenlet's value going to its parent, an exception going up, a
# switch to a dead greenlet; gevent's ready order, values, timed sleeps on the (virtual) clock, get().
from greenlet import greenlet, getcurrent, GreenletExit
import gevent
import time

def child(a, b):
    x = main.switch(a + b)         # to main, with a value
    return x * 10                  # finishing: the value goes to the parent

main = getcurrent()
g = greenlet(child)
print("first switch returns", g.switch(1, 2))
print("second switch returns", g.switch(7))
print("dead", g.dead)
print("a dead greenlet's switch goes to its parent:", g.switch("back") == "back")

def fails():
    raise ValueError("inside")

try:
    greenlet(fails).switch()
except ValueError as e:
    print("the parent gets", type(e).__name__, e)

def worker(n):
    gevent.sleep(0.1 * n)
    print("woke", n)
    return n * n

start = time.time()
jobs = [gevent.spawn(worker, n) for n in (3, 1, 2)]
gevent.joinall(jobs)
print("values", [j.value for j in jobs], "after %.1f s" % (time.time() - start))
print("ready", all(j.ready() for j in jobs), "successful", jobs[0].successful())
print("get", gevent.spawn(worker, 0).get())
