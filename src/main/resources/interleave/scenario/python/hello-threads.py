import threading, time

COUNT = 5                          # @=count the "count" parameter

def loop():
    print('thread %s is running...' % threading.current_thread().name)  # @loop-start
    for n in range(1, COUNT + 1): print('thread %s >>> %d' % (threading.current_thread().name, n)); time.sleep(1)  # @count
    print('thread %s ended.' % threading.current_thread().name)  # @loop-end

print('thread %s is running...' % threading.current_thread().name)  # @main-start
t = threading.Thread(target=loop, name='LoopThread')  # @create
t.start()  # @start
t.join()                           # @join MainThread waits here for LoopThread
print('thread %s ended.' % threading.current_thread().name)  # @main-end
