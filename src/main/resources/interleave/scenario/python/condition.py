import threading, time
ITEMS = 6                          # @=items the "items" parameter
cond = threading.Condition(threading.Lock())
items = 0                          # shared: how many are ready to take

def consumer():
    global items
    with cond:                     # @enter
        while items == 0:          # check=if: "if items == 0:" -- the bug
            cond.wait()            # @wait lets go of the lock while it waits
        items -= 1                 # @take take one

def producer():
    global items
    for _ in range(ITEMS):
        time.sleep(0.1)
        with cond:                 # @produce
            items += 1             # put one
            cond.notify_all()      # @notify wake every waiting consumer

threads = [threading.Thread(target=consumer) for _ in range(ITEMS)]
threads.append(threading.Thread(target=producer))
for t in threads: t.start()
for t in threads: t.join()
