# For os mode: CPython itself switches these threads, here every microsecond, so that it often does so inside
# balance = balance + n (and inside account.balance = account.balance + n) and updates are lost for real. The
# engine records every read and write in the order they happened, so the balances it ends with are the ones
# CPython prints, and what its lost updates lost adds up to what is missing (with n = 1 and 1000 the printed
# numbers even say whose updates were lost).
import sys
import threading

sys.setswitchinterval(1e-6)
balance = 0


class Account:
    def __init__(self):
        self.balance = 0


account = Account()


def deposit(n):
    global balance
    for i in range(3000):
        balance = balance + n
        account.balance = account.balance + n


threads = [threading.Thread(target=deposit, args=(n,)) for n in (1, 1000)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(balance, account.balance)
