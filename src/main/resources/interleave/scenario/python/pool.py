import time, random
from multiprocessing.pool import ThreadPool

def task(i):
    time.sleep(random.random() * 3)  # a task of random length
    return i

def done(i):
    print('callback: task', i, 'done')

pool = ThreadPool(WORKERS); results = [pool.apply_async(task, (i,), callback=done) for i in range(TASKS)]
pool.close()                       # no more tasks will come
pool.join()                        # wait until every queued task has run
# each worker loops: take a task from the queue, run it, call back
