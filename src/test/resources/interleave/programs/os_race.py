# For os mode: CPython itself switches these threads, here every microsecond, so that it often does so inside
# balance = balance + n and updates are lost for real. The engine records every read and write in the order
# they happened, so the balance it ends with is the one CPython prints (with n = 1 and 1000, the printed number
# even says whose updates were lost).
import sys
import threading

sys.setswitchinterval(1e-6)
balance = 0


def deposit(n):
    global balance
    for i in range(3000):
        balance = balance + n


threads = [threading.Thread(target=deposit, args=(n,)) for n in (1, 1000)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(balance)
