# The usual fix for a console's encoding, then a thread that writes after the main code is done: its line is
# shown, from the thread that wrote it, as python3 shows it.
import io
import sys
import threading
import time

sys.stdout = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8")


def late():
    time.sleep(0.1)
    sys.stdout.write("late write, 中文\n")


threading.Thread(target=late).start()
print("main done")
