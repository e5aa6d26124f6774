import threading, time
ITEMS = 6                          # @=items the "items" parameter
CHECK = 'while'                    # @=check 'while' (checks again after waking) or 'if' (the bug)
cond = threading.Condition(threading.Lock())
items = 0                          # shared: how many are ready to take

def consumer():
    global items
    with cond:                     # @enter
        if CHECK == 'while':
            while items == 0:
                cond.wait()        # @wait lets go of the lock while it waits
        elif items == 0:
            cond.wait()            # @wait-once the bug: after waking nobody checks again
        items -= 1                 # @take take one
        if items < 0:
            print(threading.current_thread().name, 'took from an EMPTY buffer (count %d)' % items)

def producer():
    global items
    for _ in range(ITEMS):
        time.sleep(0.1)
        with cond:                 # @produce
            items += 1             # put one
            cond.notify_all()      # @notify wake every waiting consumer

threads = [threading.Thread(target=consumer, name='consumer-%d' % (i + 1)) for i in range(ITEMS)]
threads.append(threading.Thread(target=producer, name='producer'))
for t in threads: t.start()  # @start
for t in threads: t.join()  # @join
