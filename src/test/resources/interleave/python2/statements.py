# Python 2 statements, each printed so that the output shows what it did (a test of the conversion to Python 3)
import sys

print "one", 2, 3.5
print "no newline:",
print "then the rest"
print
print ("a", "b")
print ("alone")
print >>sys.stdout, "to", "a file"
print >>sys.stdout, "to a file, no newline",
print >>sys.stdout
print "%s has %d threads" % ("the class", 10)
if 1 <> 2: print "1 <> 2"
x = 5
print `x`, `x + 1`
big = 10L
print big + 1, 0777, 0x1FL
s = ur"raw\n" + u"text"
print s
names = {}
exec "y = 6 * 7" in names
print names["y"]
try:
    raise ValueError, "bad value"
except ValueError, e:
    print "caught", e
try:
    raise KeyError, ("k", 1)
except (KeyError, IndexError), e:
    print "caught", e.args
for i in range(2): print "loop", i
try:
    raise ValueError("one argument")
except ValueError, e:
    print "message:", e.message
    try:
        raise KeyError("a", "b")
    except KeyError as inner:
        print "two arguments, no message: [%s]" % inner.message
print "after the handlers"
try:
    {}["missing"]
except KeyError, e: print "message of a lookup:", e.message
