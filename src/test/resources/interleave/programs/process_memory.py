# Processes: a subclass of Process with super(), a global counted per process, a thread inside a process,
# exit codes, and a pool's map, apply and an error sent back to the parent.
import multiprocessing as mp
import threading

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
