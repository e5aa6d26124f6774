# A module in the program's own folder, imported by python_details.py, as a course's program splits its code.
import threading

balance = 0
_lock = threading.Lock()


def deposit(n):
    global balance
    with _lock:
        balance += n
