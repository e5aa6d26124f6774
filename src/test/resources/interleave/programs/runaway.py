# Never ends by itself: the run must be stopped, and the Python process must go with it.
import threading
count = 0
def spin():
    global count
    while True:
        count += 1
t = threading.Thread(target=spin)
t.start()
t.join()
