# The less common corners of greenlet and gevent, as their documentation states them.
from greenlet import greenlet, getcurrent
import gevent
import time

def never():
    print("never runs")

g = greenlet(never)
print("throw on one not started:", type(g.throw()).__name__, g.dead)

def catches():
    try:
        main.switch()
    except KeyError as e:
        return "caught " + str(e)

main = getcurrent()
h = greenlet(catches)
h.switch()
print("throw into a running one:", h.throw(KeyError, "k"))

def hello():
    print("started by start()")
    return 42

s = gevent.Greenlet(hello)
s.start()
s.join()
print("value", s.value)

def slow(n):
    gevent.sleep(n)
    return n

t0 = time.time()
jobs = [gevent.spawn(slow, 5) for _ in range(3)]
done = gevent.joinall(jobs, timeout=1)
print("joinall timeout: %d done after %.1f s" % (len(done), time.time() - t0))

def quick():
    print("wait() runs the rest")

gevent.spawn(quick)
gevent.wait()
print("all waited for")
