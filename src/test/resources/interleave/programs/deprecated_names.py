# Python 2's camelCase names of threading, which old programs (and tutorials translated from Python 2) still call:
# they work, and CPython 3.10 and newer warns of each on stderr, once a line, with the line. Watch the run's
# stderr: the same warnings as python3's, at the same lines.
import threading


def work():
    me = threading.currentThread()
    print("in", me.getName(), "daemon:", me.isDaemon())


done = threading.Event()
cond = threading.Condition()
t = threading.Thread(target=work)
t.setName("worker")
t.setDaemon(False)
t.start()
t.join()
for i in range(2):  # one warning for this line, not two
    print("threads:", threading.activeCount())
done.set()
print("set:", done.isSet())
with cond:
    cond.notifyAll()
