# A program's own hooks for uncaught exceptions run as under python3: threading.excepthook for a thread (a
# SystemExit too; a hook that fails itself is reported as such, through the program's sys.excepthook where it has
# one), sys.excepthook for the main thread; traceback.print_stack() in a thread shows threading.py's frames as
# CPython's do.
import sys
import threading
import traceback


def hook(args):
    print("hook:", args.exc_type.__name__, "in", args.thread.name)


def broken_hook(args):
    raise RuntimeError("the hook broke")


def where_am_i():
    traceback.print_stack()


def bad():
    raise ValueError("bad value")


t = threading.Thread(target=where_am_i)
t.start()
t.join()
threading.excepthook = hook
t = threading.Thread(target=bad)
t.start()
t.join()
threading.excepthook = broken_hook
t = threading.Thread(target=bad)
t.start()
t.join()


def exiting():
    sys.exit(3)


def seeing(args):
    print("hook sees", args.exc_type.__name__)


threading.excepthook = seeing
t = threading.Thread(target=exiting)
t.start()
t.join()


def thread_hook_breaks(args):
    raise RuntimeError("the thread hook broke")


def process_hook(kind, value, tb):
    print("sys.excepthook got", kind.__name__, value)


threading.excepthook, sys.excepthook = thread_hook_breaks, process_hook
t = threading.Thread(target=bad)
t.start()
t.join()


def main_hook(kind, value, tb):
    print("main hook:", kind.__name__, value)
    traceback.print_tb(tb)


sys.excepthook = main_hook
print("main goes on")
{}["k"]
