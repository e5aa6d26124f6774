# A Manager's server process takes a process number, as CPython's does (SyncManager-1): the program's own
# processes are Process-2 and Process-3, as python3 prints them.
from multiprocessing import Process, Manager, current_process
def f(d):
    d[current_process().name] = 1
if __name__ == '__main__':
    with Manager() as m:
        d = m.dict()
        ps = [Process(target=f, args=(d,)) for i in range(2)]
        for p in ps: p.start()
        for p in ps: p.join()
        print(sorted(d.keys()))
