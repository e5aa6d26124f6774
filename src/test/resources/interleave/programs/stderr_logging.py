# What a program writes to stderr is the run's stderr, as python3 shows it in a terminal: logging's messages (its
# default handler writes there, each with the name of the thread that logged it), print(..., file=sys.stderr),
# and sys.stderr.write in pieces. Watch: each write is a point of the thread that makes it; stdout stays the
# program's output.
import logging
import sys
import threading

logging.basicConfig(level=logging.DEBUG, format="(%(threadName)-9s) %(message)s")


def worker(n):
    logging.debug("starting %d", n)
    sys.stderr.write("a note from %d\n" % n)  # one write: print writes its text and its end apart in CPython
    logging.debug("exiting %d", n)


threads = [threading.Thread(name="worker-%d" % n, target=worker, args=(n,)) for n in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
sys.stderr.write("all ")
sys.stderr.write("done\n")
print("finished", file=sys.__stderr__)
sys.stderr.write("no line end")
print("output")
