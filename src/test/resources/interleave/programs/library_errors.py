# Mistakes a class makes with threading itself, each in a thread of its own, one after the other: a Thread subclass
# whose __init__ forgets Thread.__init__, a thread started twice, joins that cannot be, a BoundedSemaphore released
# once too often, a Condition used without its lock, a task_done too many, lock.aquire(). Each error must come as
# python3 shows it: raised from threading.py's (or queue.py's) own line that raises it, with its words.
import queue, threading
class W(threading.Thread):
    def __init__(self):
        self.n = 1
    def run(self):
        print("never")
def forgot_init():
    W().start()
def twice():
    t = threading.Thread(target=print, args=("once",))
    t.start()
    t.join()
    t.start()
def join_unstarted():
    threading.Thread(target=print).join()
def join_self():
    threading.current_thread().join()
def over_release():
    s = threading.BoundedSemaphore(1)
    s.release()
def cond_wait():
    threading.Condition().wait(0.01)
def cond_notify():
    threading.Condition().notify()
def negative_sem():
    threading.Semaphore(-1)
def sem_nonblocking_timeout():
    threading.Semaphore(1).acquire(False, 1)
def done_twice():
    queue.Queue().task_done()
def typo():
    threading.Lock().aquire()
def daemon_late():
    t = threading.Thread(target=print, args=("x",)); t.start(); t.daemon = True
for f in (forgot_init, twice, join_unstarted, join_self, over_release, cond_wait, cond_notify, negative_sem,
          sem_nonblocking_timeout, done_twice, typo, daemon_late):
    t = threading.Thread(target=f); t.start(); t.join()
