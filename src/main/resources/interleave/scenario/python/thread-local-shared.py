import threading

student = None                     # one plain global, shared by every thread

def process_student():
    std = student                  # @read whoever wrote it last
    print('Hello, %s (in %s)' % (std, threading.current_thread().name))  # @print

def process_thread(name):
    global student
    student = name                 # @bind every thread writes the same variable
    process_student()

a = threading.Thread(target=process_thread, args=('Alice',), name='Thread-A'); b = threading.Thread(target=process_thread, args=('Bob',), name='Thread-B'); a.start(); b.start()  # @start
a.join(); b.join()  # @join
# variant "local": threading.local() gives each thread its own student
