# Python 2 that Python 3 parses all the same (print with parentheses, a Python 2 module, xrange, print >>):
# Python 3 would stop at once, so it is converted as the Python 2 it is
import sys
import Queue
q = Queue.Queue()
q.put(7)
print >>sys.stdout, "from print >>"
print("half of %d: %d" % (7, q.get() / 2))
for i in xrange(2): print(i)
