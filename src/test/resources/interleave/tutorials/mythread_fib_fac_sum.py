#!/usr/local/bin/python2.7
# encoding: utf-8
from time import ctime, sleep
import threading

class MyThread(threading.Thread):
    
    def __init__(self, func, args, name=''): 
        threading.Thread.__init__(self)
        self.name = name
        self.func = func
        self.args = args
    
    def run(self):
        print 'starting', self.name, 'at:', ctime()
        self.res = apply(self.func, self.args)
        print self.name, 'finished at:', ctime()


def fib(x):
    sleep(0.005)
    if x<2:return 1
    return (fib(x-2) + fib(x-1))

def fac(x):
    sleep(0.1)
    if x<2:return 1
    return (x*fac(x-1))

def sum_1(x):
    sleep(0.1)
    if x<2:return 1
    return (x+ sum_1(x-1))


funcs = [fib, fac, sum_1]

n = 12

def main():
    nfuncs = range(len(funcs))
    
    print '*** SINGLE THREAD'
    
    for i in nfuncs:
        print 'starting', funcs[i].__name__, 'at:', ctime()
        print 'result:', funcs[i](n)
        print funcs[i].__name__, 'finished at:', ctime()
        
    print '\n*** MULTIPLE THREADS'

    threads = []
    for i in nfuncs:
        t = MyThread(funcs[i], (n,), funcs[i].__name__)
        threads.append(t)
        
    for i in nfuncs:
        threads[i].start()
        
    for i in nfuncs:
        threads[i].join()
        print threads[i]
               
    print 'all Done'
        
if __name__ == "__main__":
    main()
