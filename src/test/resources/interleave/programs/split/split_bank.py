# A program split over two files, as a teacher may write it: the threads here, the bank in bank.py beside it.
# Watch: bank.balance and the account's total are on the timeline as shared values, each update under its lock;
# without one (bank.deposit_unsafe) updates would be lost in bank.py's own line, as in one file.
import threading

import bank

threads = [threading.Thread(target=bank.deposit_safe, args=(1, 200)) for _ in range(2)]
account = bank.Account()
threads += [threading.Thread(target=lambda: [account.deposit(2) for _ in range(50)]) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("balance", bank.balance)
print("account", account.total)
