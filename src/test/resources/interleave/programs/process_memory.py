# Processes: a subclass of Process with super(), a global counted per process, a thread inside a process,
# exit codes, and a pool's map, apply and an error sent back to the parent.
import copy
import functools
import multiprocessing as mp
import threading
from concurrent.futures import ProcessPoolExecutor

total = 0
log = []
results = mp.Queue()  # the children's lines, printed by the parent (real processes' prints can run together)


class Counter(mp.Process):
    def __init__(self, n):
        super().__init__()
        self.n = n

    def run(self):
        global total
        for _ in range(self.n):
            total += 1
        log.append(self.name)
        helper = threading.Thread(target=lambda: log.append('thread in ' + mp.current_process().name))
        helper.start()
        helper.join()
        results.put('%s %d %s %s %s' % (self.name, total, log, mp.current_process().name,
                                         threading.current_thread().name))


class PoolError(Exception):
    pass


def fails(x):
    raise PoolError('from a worker %d' % x)


def logged(f):
    @functools.wraps(f)
    def wrapper(*args):
        return f(*args)
    return wrapper


@logged
def bump():  # decorated: the child runs its own copy of bump, on its own total
    global total
    total += 10
    results.put('bumped %d' % total)


class Tally:
    def __init__(self):
        self.n = 0

    def add(self):  # a bound method as the target: the child's copy of the object
        self.n += 1
        results.put('tally %d' % self.n)


if __name__ == '__main__':
    ps = [Counter(i + 1) for i in range(2)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    for p in ps:
        print(results.get())
    print('parent', total, log, [p.exitcode for p in ps], mp.current_process().name)
    with mp.Pool(2) as pool:
        print(pool.map(abs, [-1, -2, 3]))
        print(pool.apply(pow, (2, 5)))
        r = pool.apply_async(divmod, (7, 0))
        try:
            r.get()
        except ZeroDivisionError as e:
            print('error from the pool:', e)
        try:
            pool.apply(fails, (1,))
        except PoolError as e:  # the worker's PoolError is the parent's class once it comes back
            print('caught', type(e).__name__, e)
    with ProcessPoolExecutor(2) as executor:
        print(list(executor.map(abs, [-4, 5])), executor.submit(pow, 3, 2).result())
    tally = Tally()
    for target in (bump, tally.add):
        p = mp.Process(target=target)
        p.start()
        p.join()
        print(results.get(), 'in the parent:', total, tally.n)
    try:
        copy.deepcopy(threading.Lock())
    except TypeError as e:
        print('deepcopy of a lock:', e)
