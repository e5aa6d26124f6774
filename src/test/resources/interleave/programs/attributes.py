# Shared ints that are not plain globals: an attribute, a dict item, a list item. Each += is a read and a
# separate write, so two threads lose updates on all three.
import threading

class Account:
    def __init__(self):
        self.total = 0

account = Account()
counts = {"apples": 0}
hits = [0, 0]

def work(n):
    for i in range(200):
        account.total += n
        counts["apples"] += 1
        hits[i % 2] = hits[i % 2] + 1

ts = [threading.Thread(target=work, args=(k,)) for k in (1, 2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(account.total, counts["apples"], hits)
