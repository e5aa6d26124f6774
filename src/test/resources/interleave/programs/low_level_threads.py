# The low-level module the Python 2 tutorials use (thread, _thread in Python 3): start_new_thread starts threads
# the program never joins; they end with the program, so the main thread waits long enough by sleeping.
import _thread
import time

done = []
guard = _thread.allocate_lock()


def child(number):
    time.sleep(0.1)
    with guard:
        done.append(number)


for n in range(4):
    _thread.start_new_thread(child, (n,))
time.sleep(1)
print(sorted(done))
