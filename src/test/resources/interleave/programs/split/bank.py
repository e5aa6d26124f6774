# The bank, in a module of its own beside the program that uses it (split_bank.py): its global balance and its
# Account's total are shared values as if they were in the program, named after the module.
import threading

balance = 0
lock = threading.Lock()


def deposit_unsafe(n, times):
    global balance
    for _ in range(times):
        balance = balance + n


def deposit_safe(n, times):
    global balance
    for _ in range(times):
        with lock:
            balance = balance + n


class Account:
    def __init__(self):
        self.total = 0
        self.lock = threading.Lock()

    def deposit(self, n):
        with self.lock:
            self.total += n
