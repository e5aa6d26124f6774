# Threads that each run a real process and wait for it (a "ping every host" program): each gets its process's
# own exit status, as under CPython, in every mode; what a child writes on its stdout is the program's output.
# os.wait with no child left is CPython's ChildProcessError.
import os
import subprocess
import sys
import threading
import time

results = {}


def check(code):
    done = subprocess.run([sys.executable, "-c", "raise SystemExit(%d)" % code])
    results[code] = done.returncode


threads = [threading.Thread(target=check, args=(code,)) for code in (0, 3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results.items()))
# a child that takes real time, waited for with a timeout and polled: it takes none of the run's virtual time
slow = [sys.executable, "-c", "import time; time.sleep(0.1)"]
print("with a timeout:", subprocess.run(slow, timeout=5).returncode)
child = subprocess.Popen(slow)
while child.poll() is None:
    time.sleep(0.01)
print("polled:", child.returncode)
print(subprocess.call([sys.executable, "-c", "print('a child says hi')"]))
print(os.system("echo the shell says hi") >> 8)
try:
    os.wait()
except ChildProcessError as e:
    print("no child left:", e.strerror)
