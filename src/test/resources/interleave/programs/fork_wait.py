# os.fork as the tutorials write it: the child changes its own copy, leaves with os._exit, the parent waits.
import os
import time

counter = 0
parent = os.getpid()
print('start')
pid = os.fork()
if pid == 0:
    counter += 5
    print('child: my parent is the one that started', os.getppid() == parent, 'counter', counter)
    time.sleep(0.1)
    os._exit(3)
    print('never printed')
else:
    done, status = os.wait()
    print('parent waited for its child', done == pid, 'exit code', os.WEXITSTATUS(status), 'counter', counter)
