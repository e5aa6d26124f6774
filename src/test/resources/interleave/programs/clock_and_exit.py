# The clocks a program reads agree: datetime.now() moves as time.time() does (on the virtual clock in sim and
# cooperative mode), and sys.exit with a message ends the program with the message on stderr, as in CPython.
import datetime
import sys
import threading
import time

started = datetime.datetime.now()
t0 = time.time()


def nap():
    time.sleep(0.2)


threads = [threading.Thread(target=nap) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
by_datetime = (datetime.datetime.now() - started).total_seconds()
by_time = time.time() - t0
print("the clocks agree:", abs(by_datetime - by_time) < 0.05, "at least 0.2 s:", by_time >= 0.2)
print(datetime.date.today() == datetime.datetime.now().date())
sys.exit("done, with a message")
