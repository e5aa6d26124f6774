import threading, time

def loop():
    print('thread %s is running...' % threading.current_thread().name)
    for n in range(1, COUNT + 1): print('thread %s >>> %d' % (threading.current_thread().name, n)); time.sleep(1)
    print('thread %s ended.' % threading.current_thread().name)

print('thread %s is running...' % threading.current_thread().name)
t = threading.Thread(target=loop, name='LoopThread')
t.start()
t.join()                           # MainThread waits here for LoopThread
print('thread %s ended.' % threading.current_thread().name)
