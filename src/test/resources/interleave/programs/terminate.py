# terminate() ends a process that would loop for ever (exit code -15), and a pool's with-block terminates its workers.
import multiprocessing as mp, time
def forever():
    n = 0
    while True:
        n += 1
        time.sleep(0.1)
if __name__ == '__main__':
    p = mp.Process(target=forever)
    p.start()
    time.sleep(0.35)
    print(p.is_alive())
    p.terminate()
    p.join()
    print(p.is_alive(), p.exitcode)
    with mp.Pool(2) as pool:
        r = pool.apply_async(forever)
        time.sleep(0.2)
    print('pool terminated by with')
