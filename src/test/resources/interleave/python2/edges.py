# Python 2 written the ways a review and a probe found hard: each printed, so that the output shows what it did
import sys
from itertools import izip as pairs, count
from urllib import quote, urlencode
d = {1: "one"}
a, b = 0, 1
print d.has_key(a or b), d.has_key(1 if 0 else 2), {'k': {}}['k'].has_key('x')
first = lambda (x): x
print first(3), `a, b`
class CodeError(StandardError):
    def __init__(self, code):
        self.message = "code=%d" % code
try:
    raise CodeError(7)
except CodeError, e:
    print e.message
try:
    {}["missing"]
except KeyError, e: note = 1; print e.message, note
class Probe(object):
    def isAlive(self):
        return "its own isAlive"
print Probe().isAlive()
print list(pairs([1, 2], "ab")), quote("a b"), urlencode({"q": 1})
def half(n):
    return n / 2
print half(7), half(7.0)
class Box(object):
    pass
box = Box()
box.n = 9
box.n /= 2
cells = [7]
cells[0] /= 2
total = (box.n
         / 2)
print box.n, cells, total
def add(x, y):
    return x + y
print apply(add,
            (1, 2))
for i in range(2): print i,
print
print add.func_name, half.func_defaults
class Singleton(type):
    instances = {}
    def __call__(cls, *args):
        if cls not in cls.instances:
            cls.instances[cls] = super(Singleton, cls).__call__(*args)
        return cls.instances[cls]
class Config(object):
    __metaclass__ = Singleton
class Plain:
    __metaclass__ = Singleton
print Config() is Config(), Plain() is Plain()
import socket
try:
    raise socket.error(111, "Connection refused")
except socket.error, (code, text):
    print "error", code, text
try:
    raise ValueError("one", 2)
except ValueError, (word, number): print word, number
def distance((x1, y1), (x2, y2), scale=1):
    return ((x2 - x1) ** 2 + (y2 - y1) ** 2) * scale
print distance((0, 0), (3, 4)), distance((1, 1), (2, 2), 10)
