import threading, time
cond = threading.Condition(threading.Lock())
items = 0

def consumer():
    with cond:
        while items == 0:          # check=if: "if items == 0:" -- the bug
            cond.wait()            # lets go of the lock while it waits
        items -= 1                 # take one

def producer():
    for _ in range(ITEMS):
        time.sleep(0.1)
        with cond:
            items += 1             # put one
            cond.notify_all()      # wake every waiting consumer
