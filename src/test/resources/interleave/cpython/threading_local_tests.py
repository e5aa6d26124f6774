# CPython's own tests of threading.local, run as a program: the BaseLocalTest cases of Lib/test/test_threading_local.py
# of the interpreter that runs this, on threading.local as that file's ThreadLocalTest runs them. Under Interleave,
# in every mode, the unittest report on stderr must be CPython's, line for line.
#
# What it proves: each thread sees only the attributes it bound itself, del unbinds them, __dict__ is the thread's
# own and read-only, a subclass's __init__ runs again in each thread with the constructor's arguments, and a
# thread's values are let go when it ends (weak references to them die), under the scheduler's threads.
import _thread  # the scheduler's, for the test module's imports too
import threading
import unittest
from test import test_threading_local


class ThreadLocalTest(unittest.TestCase, test_threading_local.BaseLocalTest):
    _local = threading.local


unittest.main(verbosity=2)
