import threading, time

def heartbeat():
    while True:
        print('heartbeat')
        time.sleep(0.4)

def worker():
    for step in range(WORK):
        time.sleep(1)
    print('worker done')

hb = threading.Thread(target=heartbeat, daemon=True)
wk = threading.Thread(target=worker)         # daemon=False: the program waits for it
hb.start(); wk.start()
print('MainThread: done, the program ends here')
# Python now waits for wk, then stops hb wherever it happens to be
