# A thread that raises: the run records the error on that thread; the others go on.
import threading
done = 0
def bad():
    print(1 / 0)
def good():
    global done
    done = done + 1
a = threading.Thread(target=bad)
b = threading.Thread(target=good)
a.start(); b.start(); a.join(); b.join()
print("done", done)
