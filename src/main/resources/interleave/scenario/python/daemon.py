import threading, time

def heartbeat():
    while True:
        print('heartbeat')  # @beat
        time.sleep(0.4)  # @beat-sleep

def worker():
    for step in range(WORK):
        time.sleep(1)  # @work
    print('worker done')  # @done

hb = threading.Thread(target=heartbeat, daemon=True)
wk = threading.Thread(target=worker)         # daemon=False: the program waits for it
hb.start(); wk.start()  # @start
print('MainThread: done, the program ends here')  # @main-done
# Python now waits for wk, then stops hb wherever it happens to be
