import threading

local_school = threading.local()   # one object, a separate view per thread

def process_student():
    std = local_school.student     # @read this thread's own student
    print('Hello, %s (in %s)' % (std, threading.current_thread().name))  # @print

def process_thread(name):
    local_school.student = name    # @bind bound for this thread only
    process_student()

a = threading.Thread(target=process_thread, args=('Alice',), name='Thread-A'); b = threading.Thread(target=process_thread, args=('Bob',), name='Thread-B'); a.start(); b.start()  # @start
a.join(); b.join()  # @join
# variant "shared": a plain global 'student' instead of local_school.student
