# Python 2 built-ins that changed: lists where Python 3 has views and iterators, renamed functions, apply
import sys

d = {"a": 1}
print d.keys(), d.values(), d.items()
print sorted(d.keys())
for k, v in d.iteritems():
    print k, v
it = d.iterkeys()
print list(it)
print d.has_key("a"), d.has_key("b")
if d.has_key("a"): print "has a"
print range(3), map(str, [1, 2]), filter(None, [0, 1, 2]), zip([1, 2], "ab")
squares = map(lambda n: n * n, xrange(4))
print squares, len(squares)
total = 0
for i in xrange(5):
    total += i
print total
def add(a, b, c=0):
    return a + b + c
print apply(add, (1, 2)), apply(add, (1, 2), {"c": 3}), apply(lambda *a: len(a), (7, 8, 9))
print isinstance("x", basestring), unicode(12), long(3), unichr(65), sys.maxint > 2 ** 30
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def next(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n
c = Countdown(3)
print c.next(), list(c)
name = raw_input("name? ")
print "hello", name
n = input("a number? ")
print n * 2
print 7 / 2, -7 / 2, 7.0 / 2, 7 / 2.0, 2 ** 3 / 3
total, count = 10, 4
print total / count, float(total) / count, (total + 1) / (count - 1) / 2
x = 9
x /= 2
print x
items = [1, 2, 3, 4, 5]
print items[len(items) / 2], "middle" if len(items) / 2 == 2 else "?"
