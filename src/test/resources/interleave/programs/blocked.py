# A thread blocked in a call the scheduler does not model: nobody ever writes to the pipe.
import os
import threading

r, w = os.pipe()


def wait():
    os.read(r, 1)


t = threading.Thread(target=wait)
t.start()
t.join()
