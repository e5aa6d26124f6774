# A bank account whose balance is a property guarded by its own lock, read and set by two threads. A property's
# getter and setter are the program's own code: they run as CPython runs them, their own reads and writes are the
# scheduling points, and the lock they take may make a thread wait, in every mode.
import threading


class Account:
    def __init__(self):
        self.lock = threading.Lock()
        self._balance = 0

    @property
    def balance(self):
        with self.lock:
            return self._balance

    @balance.setter
    def balance(self, value):
        with self.lock:
            self._balance = value

    def deposit(self, n):
        with self.lock:
            self._balance = self._balance + n


savings = Account()
current = Account()


def work():
    for i in range(500):
        savings.deposit(1)
        _ = savings.balance
        current.balance = i
        _ = current.balance


threads = [threading.Thread(target=work) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(savings.balance, current.balance)
