# When the main thread's code ends with an uncaught exception, CPython prints its traceback, waits for the other
# threads (one of them starts another meanwhile) and then runs the atexit functions: the output is the same,
# whatever the schedule.
import atexit
import threading
import time

atexit.register(print, "atexit ran last")


def second():
    time.sleep(0.2)
    print("second done")


def first():
    threading.Thread(target=second).start()
    time.sleep(0.1)
    print("first done")


threading.Thread(target=first).start()
raise ValueError("the main thread fails")
