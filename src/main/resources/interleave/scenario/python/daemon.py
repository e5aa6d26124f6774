import threading, time

WORK = 3                           # @=work the "work" parameter: seconds of work
ticks = 0

def heartbeat():
    global ticks
    while True:
        ticks += 1
        print('heartbeat', ticks)  # @beat
        time.sleep(0.4)  # @beat-sleep

def worker():
    for step in range(1, WORK + 1):
        time.sleep(1)  # @work
        print('worker: step', step, 'of', WORK)
    print('worker done')  # @done

hb = threading.Thread(target=heartbeat, name='heartbeat', daemon=True)
wk = threading.Thread(target=worker, name='worker')  # daemon=False: the program waits for it
hb.start(); wk.start()  # @start
print('MainThread: my code ends here; Python waits for worker')  # @main-done
# Python now waits for wk, then stops hb wherever it happens to be
