# Python 2: a thread divides by zero with /, which the conversion turns into old_div(10, x) (Python 2's / between
# ints). Its traceback shows the converted line that ran, and ends there, not in old_div on line 1.
import threading
def share(x):
    print 'share', 10 / x
t = threading.Thread(target=share, args=(0,))
t.start(); t.join()
