# -*- coding: utf-8 -*-
# Python 2 idioms of blog posts and tutorials: each printed, so that the output shows what it did
import sys
reload(sys)
sys.setdefaultencoding('utf-8')
import types
import urllib
import itertools
from itertools import izip, count
from urllib import urlencode
import threading
import time

class Flag(object):
    def __init__(self, up):
        self.up = up
    def __nonzero__(self):
        return self.up
print bool(Flag(False)), bool(Flag(True))
print {"b": 2}.keys(), [{"a": 1}][0].items()
print reduce(lambda a, b: a + b, [1, 2, 3]), intern("x")
print list(izip([1, 2], "ab")), list(itertools.izip([3], "c")), list(itertools.imap(abs, [-1]))
print urllib.quote("a b"), urlencode({"k": "v w"})
def make():
    def next(x):
        return x + 1
    return next(1)
print make()
print isinstance([], types.ListType), isinstance(1, types.IntType), types.NoneType is type(None)
unicode = "shadowed"
print unicode
scores = {u"张三": 90, u"李四": 85}
print scores.has_key(u"张三"), scores.has_key(u"王五")
print {"only": 1}.iteritems().next()
class Pool(object):
    def map(self, func, items):
        return [func(x) for x in items]
    def filter(self, items):
        return [x for x in items if x]
print Pool().map(lambda n: n * 2, xrange(3)), Pool().filter([0, 1])
ages = {"Ann": 30, "Bob": 25}
print sorted(ages.items(), key=lambda (name, age): age)
print map(lambda (a, b): a + b, [(1, 2), (3, 4)])
t = threading.Thread(target=lambda: None)
t.start()
t.join()
print t.isAlive()
start = time.clock()
print time.clock() >= start
from time import clock, sleep
began = clock()
print clock() >= began
