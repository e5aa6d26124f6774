import threading, queue, time, random
# multiprocessing.pool.ThreadPool does what this program spells out:
# WORKERS threads loop over a queue of tasks and call back with each result.
WORKERS = 5                        # @=workers the "workers" parameter
TASKS = 10                         # @=tasks the "tasks" parameter

tasks = queue.Queue()

def task(i):
    time.sleep(random.random() * 3)  # @task a task of random length
    return i

def done(i):
    print('callback: task', i, 'done')  # @callback

def pool_worker():
    while True:
        i = tasks.get()            # @get take the next task, or wait for one
        if i is None:              # close() left one stop marker per worker
            return
        done(task(i))

workers = [threading.Thread(target=pool_worker, name='PoolWorker-%d' % w) for w in range(WORKERS)]
for w in workers: w.start()
for i in range(TASKS): tasks.put(i)  # @submit apply_async: queue a task
for w in workers: tasks.put(None)  # @close close(): no more tasks will come
for w in workers: w.join()         # @join join(): wait until every queued task has run
print('all tasks done')
