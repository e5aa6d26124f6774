# CPython's own tests of its locks, run as a program: Lib/test/lock_tests.py of the interpreter that runs this,
# wired to threading's classes as CPython's Lib/test/test_threading.py wires them. Under Interleave, in every mode,
# each test must end as it ends under CPython: the unittest report on stderr is CPython's, line for line.
#
# What it proves: Lock, RLock, Event, Condition, Semaphore, BoundedSemaphore and Barrier keep CPython's rules
# (blocking, timeouts, errors, reprs, weak references, owners and counts) when CPython's own tests drive them,
# under the scheduler's threads and its virtual clock.
#
# Two tests are skipped, here as under CPython, for a reason each: an Event of CPython is built on a Condition and
# its tests look inside it (evt._cond); Interleave's Event is one primitive of the engine. A Condition has no
# _recursion_count (as test_threading says too).
import _thread  # lock_tests starts its threads with _thread.start_new_thread: the scheduler's, once imported here
import threading
import unittest
from test import lock_tests

EVENT_INSIDE = "Event._cond: CPython's Event is built on a Condition; Interleave's is one primitive of the engine"


class LockTests(lock_tests.LockTests):
    locktype = staticmethod(threading.Lock)


class RLockTests(lock_tests.RLockTests):
    locktype = staticmethod(threading.RLock)


class EventTests(lock_tests.EventTests):
    eventtype = staticmethod(threading.Event)

    if hasattr(lock_tests.EventTests, "test_at_fork_reinit"):  # Python 3.9 and newer
        def test_at_fork_reinit(self):
            self.skipTest(EVENT_INSIDE)
    else:  # Python 3.8
        def test_reset_internal_locks(self):
            self.skipTest(EVENT_INSIDE)


class ConditionAsRLockTests(lock_tests.RLockTests):
    # Condition uses an RLock by default and exports its API.
    locktype = staticmethod(threading.Condition)

    def test_recursion_count(self):
        self.skipTest("Condition does not expose _recursion_count()")


class ConditionTests(lock_tests.ConditionTests):
    condtype = staticmethod(threading.Condition)


class SemaphoreTests(lock_tests.SemaphoreTests):
    semtype = staticmethod(threading.Semaphore)


class BoundedSemaphoreTests(lock_tests.BoundedSemaphoreTests):
    semtype = staticmethod(threading.BoundedSemaphore)


class BarrierTests(lock_tests.BarrierTests):
    barriertype = staticmethod(threading.Barrier)


unittest.main(verbosity=2)
