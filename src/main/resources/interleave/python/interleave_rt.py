"""Runs a Python program, unmodified on disk, under Interleave's scheduler.

The Java engine decides everything that is scheduling: who runs, the rules of every threading primitive, the
virtual clock. This side is a thin runtime: it rewrites the program's syntax tree at load time so that each read
and write of a module global is a scheduling point, replaces the threading module with objects whose every
operation is a request to the engine, and lets a thread go on only when the engine answers. Exactly one Python
thread runs between two answers, so the program's interleaving is the engine's.

Protocol, one line each. The points gone through within a grant go, before the next request, as one line
"p THREAD CODE [ARGS] CODE [ARGS] ...": CODE is line * 8 + op (_STEP, _READ cell, _WRITE cell value, _ACQUIRE lock,
_RELEASE lock), numbers separated by spaces (GrantedPoints.java reads them). A read, a write or a step the grant
does not cover asks as one such point, "q THREAD CODE [ARGS]"; every other request is JSON {"t": thread, "op": ...,
"l": line, ...}. Each answer is one line (Answer.java writes them, _decode reads them):
  "= THREAD BUDGET LOCKS VALUES PLAN RESULT"  BUDGET: the points the thread may now go through without asking
      (a grant), or BUDGET@TICK: the same, and the virtual clock's tick as the grant begins (each granted point
      is one tick, so time.time() within the grant needs no request); LOCKS: the Locks and RLocks that may be
      taken or given back on the way, each with its holder
      (-1: none) and depth ("3:-1:0,5:2:1" or "-"); VALUES: the shared values others wrote meanwhile
      ("cell:value,..." or "-"); PLAN: "-" (ask at the end of the grant) or "+", then the engine's next slices if it
      foresaw them ("+2:19,1:12"), or a "?" plan (below);
      RESULT: the rest of the line, JSON.
  "! THREAD TYPE MESSAGE"  the call raised the Python exception TYPE; MESSAGE is a JSON string.
  "A THREAD BARRIER VALUES"  the thread was last at the Barrier: it runs the barrier's action, then says so.
  "G THREAD BUDGET"  go on, with a grant of BUDGET points (from the thread before it in the plan); BUDGET@TICK
      as above, where the thread before it knew the clock.
  "G+ THREAD BUDGET"  the same, and the plan for the grant's end comes from the engine, as a "C" line.
  "G? THREAD BUDGET"  the same, and the thread goes on under the "?" plan its plan foresaw (see below).
  "R THREAD BUDGET"  from the thread that let go of the lock this one waits for: its acquire returns True, and it
      goes on with a grant of BUDGET points; the plan for the grant's end comes as a "C" line.
  "C THREAD PLAN"  the plan for the end of a grant the thread went on with without an answer ("G+", "R", "?").

With a PLAN ("+": only one thread runs at a time), a read, a write or a step at the end of the grant is gone
through at once (nothing else can come between it and the engine's record of it), and the points go as
"e THREAD CODE [ARGS] ...": the thread then waits to be told to go on. If the plan names the next slice, the
thread tells that thread to go itself ("G"), so a context switch costs one wake-up here while the engine's workers
record the points behind; else the thread's worker tells it when the engine gives it the core again.

A PLAN "?LOCK:DEPTH:WAITER;A:B:W:U:R;..." is for a thread that runs alone (LOCK -1) or holds LOCK (DEPTH deep)
while WAITER (a thread, blocked in acquire()) waits for it: a list of levels, one per end of a grant, the first for
the current one. At a grant's end under level A:B:W:U:R the thread goes on at once, with a grant of A points if it
never let LOCK go during the grant (its waiter still waits) or of B if it did and holds it again (the woken waiter
finds it taken and waits again); the level for the new grant's end is then U or R (an index into the list; -1: not
foreseen, and the plan for that end comes from its worker as a "C" line). If it does not hold LOCK, WAITER takes
it, told by this thread ("R"), and goes on with W points. Where the grant an outcome calls for is -1 the thread
waits to be told to go on instead. The engine decides the same from the same facts and checks it; the engine's
workers record the points behind the thread.
A thread that is about to block in an acquire of a Lock or RLock another thread holds, while a plan names the
next slice, tells that slice's thread to go on ("G+") and says so in its request ("handed"): the engine gives the
core to the plan's next thread when the running one blocks, with the same grant. A slice of a plan may carry the
levels of the "?" plan its thread goes on under in that case ("2:19;A:B:W:U:R;..."): where that thread holds the
lock, the blocking thread makes them the plan (the lock, the blocker as its waiter), tells it "G?" instead, and
says so ("handed" with a third item, 1); the engine checks that it foresees the same levels then.
"C" lines come in order, and a thread that asks, or waits at a grant's end, first reads those still to come.

In os mode (INTERLEAVE_MODE=os) the threads are CPython's own, running as CPython runs them: a read, a write or a
step does not wait for the engine at all. Each is numbered in the order it happened (one counter for all threads,
taken with the read or write under one lock) and sent in lines "o THREAD SEQ CODE [ARGS] ...", before the thread's
next request, when a batch has gathered, and when the thread ends; requests that are points carry their number
too ("s"), and the engine records everything in that order. A new shared value ("var") is numbered too and goes
among the points, unanswered. Only the threading calls ask the engine, whose primitives decide, as in the other
modes.
"""
import ast
import builtins
import codecs
import collections
import heapq
import io
import itertools
import json
import linecache
import operator
import re
import os
import sys
import threading as _real_threading
import weakref
import time as _time
import types

from interleave_asyncio import module as asyncio_module
from interleave_children import ChildOutput
from interleave_coroutines import modules as coroutine_modules
from interleave_futures import module as futures_module, process_pool_executor
from interleave_modules import ProgramModules
from interleave_processes import modules as process_modules
from interleave_sockets import LazySockets
from interleave_rewrite import Rewrite, condition_lock_name, creation_names, module_int_globals, split_at_fork

_children = ChildOutput(_real_threading)  # fd 1 goes to the program's children: see interleave_children
_out = _children.channel
_in = sys.stdin
_real_stderr = sys.stderr  # the runtime's own messages (the program's stderr is _ProgramStderr, a point)
sys.stdout = sys.stderr  # the program's own writes never reach the protocol stream
_send_lock = _real_threading.Lock()
_answers = {}
_answers_lock = _real_threading.Lock()
_local = _real_threading.local()
_OS = os.environ.get("INTERLEAVE_MODE") == "os"
# The program runs converted from Python 2: its file is not the code that ran (see _displayed, _conversions_own)
_CONVERTED = os.environ.get("INTERLEAVE_CONVERTED") == "1"
# Off only to compare traces: a thread about to block under a plan waits for the engine to hand the core on
_HANDS_ON = os.environ.get("INTERLEAVE_CONTINUATIONS") != "off"
_order = itertools.count(1)  # os mode: next(_order) numbers a point; one C call, so atomic under the GIL
# os mode: a read or write of a shared value and its number are taken together under this lock, so no other
# thread's point can come between them (CPython may switch threads after any call). Reentrant: a property's
# getter may read shared values itself. It also keeps the names and numbers of new shared values consistent.
class _OsLock:
    """_os_lock: a reentrant lock whose last release sends the thread's points that became due under it. A thread
    never writes to its pipe while it holds the lock: the pipe may be full while its worker waits for another
    thread's point, and that thread would wait for the lock (each waiting for the other, until the engine's
    patience ran out and it recorded points out of order)."""
    __slots__ = ("_lock",)

    def __init__(self):
        self._lock = _real_threading.RLock()

    def __enter__(self):
        self._lock.acquire()

    def __exit__(self, *exc):
        self._lock.release()
        if not self._lock._is_owned():
            grant = getattr(_local, "grant", None)
            if grant is not None and grant.due:
                _send_points(grant)

    def held(self):
        return self._lock._is_owned()


_os_lock = _OsLock()
_OS_BATCH = 256  # entries (numbers and arguments) gathered before a thread sends them
_OS_BEHIND = 64  # points other threads may number after a thread's oldest unsent one before it sends its batch
_next_tid = [1]
_program_file = "<program>"


class _Answer:
    def __init__(self):
        self.ready = _real_threading.Event()
        self.value = None


def _my_tid():
    return getattr(_local, "tid", 0)


def _line():
    f = sys._getframe(2)
    while f is not None and f.f_code.co_filename != _program_file:
        f = f.f_back
    return f.f_lineno if f is not None else 0


_EXCEPTIONS = {"RuntimeError": RuntimeError, "ValueError": ValueError, "AttributeError": AttributeError,
               "OverflowError": OverflowError}


# The points of a grant, as GrantedPoints.java reads them: line * 8 + one of these.
_STEP, _READ, _WRITE, _ACQUIRE, _RELEASE = range(5)


class _Grant:
    """What the engine has granted the thread holding the core: how many simple points it may go through without
    asking (reads, writes, loop steps, taking a lock the engine said is free, giving back one it holds), and the
    points gone through so far, to go with its next request. The engine decided each of them; this only counts."""
    __slots__ = ("budget", "pending", "park", "freed", "chained", "due", "deferred", "clock_end")

    def __init__(self):
        self.budget = 0
        self.clock_end = None  # the clock's tick once the grant's points are gone through, if the engine said
        self.pending = []
        self.park = False  # at the end of the grant: go through the next simple point, then wait (see _park)
        self.freed = set()  # the Locks and RLocks let go (to depth 0) within the grant: see the "?" plan
        self.chained = False  # the grant came down a plan's chain ("G"), not from the engine: see _locks
        self.due = False  # os mode: the points gathered are to be sent once the thread lets _os_lock go
        self.deferred = []  # os mode: lines to go before the points gathered (see _new_value)


# The engine's plan: the slices it foresaw after the current one ("thread:grant"), handed on by each thread in turn.
# Only one thread runs at a time while there is a plan, and only an answer with a plan changes it.
_successors = collections.deque()
# Or the engine's "?" plan: (lock, waiter, levels), each level (grant if untouched, if retaken, the waiter's if let
# go, next level if untouched, if retaken); _at is the level for the end of the current grant. None: no such plan.
_chain = None
_at = 0
# The Locks and RLocks that may be taken or given back without asking within a grant and its plan: lock -> [holder
# (a thread, -1 for none), depth], as the engine sent them and as the granted points changed them since. The engine
# leaves out any that only it may hand over (one someone waits for); it checks every lock taken or given back.
# The third item, "waited", is set where a thread blocked on the lock since the table came (see Lock.acquire): the
# engine would have left it out for a thread handed the core down a plan's chain ("G"), since giving it back would
# wake the waiter and the slices foreseen would be wrong; such a thread asks instead.
_locks = {}


def _step(site, line):
    """A loop iteration: a point where the scheduler may switch. site is str(line * 8 + _STEP)."""
    if _OS:
        _happened(next(_order), site)
        return
    g = _local.grant
    if g.budget > 0:
        g.budget -= 1
        g.pending.append(site)
        return
    if g.park:
        if _killing:
            _end_if_killed()
        g.pending.append(site)
        _park(g)
        return
    _ask_point(site)


def _park(g):
    """The grant's end, its last point gone through already: the points go to the engine; the thread goes on at
    once if a "?" plan says so; else the core goes to the next thread of the plan if there is one, told by this
    thread, and this one waits to be told to go on. The plan is read before the points go: once they have gone,
    the engine may answer the next thread, whose answer brings a plan of its own."""
    channel = _channel()
    tid = _my_tid()
    text = "e %d %s\n" % (tid, " ".join(map(str, g.pending)))
    g.pending.clear()
    while _chain is None and channel.awaiting:  # the plan for this end, which the engine sent behind the thread
        channel.awaiting -= 1
        _set_plan(channel.next_line().rstrip("\n").split(" ", 2)[2])
    budget, waiter = _goes_on(g, tid)
    successor = _successors.popleft() if budget < 0 and _successors else None
    if waiter is not None:  # it let the lock go: the thread that waited for it takes it and goes on
        # told after the points go (see _told_after)
        channel.send(text)
        channel.tell(waiter[0], waiter[1], "R")
        channel.drop_plans()
        _result(_decode(channel.next_line(), g))
        return
    channel.send(text)
    if budget >= 0:  # the engine gives it a new slice at once: it goes on, its worker records behind it
        g.budget = budget
        # the point just gone through ended the slice, a tick: the new grant begins one tick after the last one
        g.clock_end = None if g.clock_end is None else g.clock_end + 1 + budget
        g.chained = False
        if _chain is None:  # the plan for the new grant's end comes from its worker
            channel.awaiting += 1
        return
    channel.drop_plans()
    if successor is not None:
        thread, points = successor.split(";", 1)[0].split(":")
        # the next slice begins at the tick after this one's last point (a plan foresees only slices' ends)
        line = channel.hand_off(int(thread), int(points), tick=None if g.clock_end is None else g.clock_end + 1)
    else:
        line = channel.next_line()
    _result(_decode(line, g))


def _goes_on(g, tid):
    """At the grant's end, under a "?" plan: the grant the thread goes on with at once (else -1), and the lock's
    waiter with its grant if the thread let the lock go and the waiter takes it (else None). Going on, the plan's
    next level is for the new grant's end, if the engine foresaw it."""
    global _chain, _at
    if _chain is None:
        return -1, None
    lock, waiter, levels = _chain
    if_untouched, if_retaken, if_let_go, next_if_untouched, next_if_retaken = levels[_at]
    freed = lock in g.freed
    g.freed.clear()
    state = _locks.get(lock)
    if lock >= 0 and (state is None or state[0] != tid):  # it let the lock go
        _chain = None
        if state is None or state[0] != -1 or if_let_go < 0:
            return -1, None
        state[0] = waiter  # what the engine does when the waiter runs: it takes the lock
        state[1] = 1
        state[2] = False  # and nobody else waits for it (the engine foresaw this only for a lone waiter)
        return -1, (waiter, if_let_go)
    retaken = lock >= 0 and freed
    budget, _at = (if_retaken, next_if_retaken) if retaken else (if_untouched, next_if_untouched)
    if budget < 0 or _at < 0:
        _chain = None
    return budget, None


def _set_plan(plan):
    """A PLAN other than "-" (see the protocol above): the slices after the current one, or a "?" plan."""
    global _chain, _at
    _successors.clear()
    _chain = None
    if plan[0] == "?":
        parts = plan[1:].split(";")
        lock, depth, waiter = map(int, parts[0].split(":"))
        _chain = (lock, waiter, [tuple(map(int, level.split(":"))) for level in parts[1:]])
        _at = 0
        if lock >= 0 and lock not in _locks:
            # the thread holds it and someone waits for it: a table from another thread's answer may leave it out
            # (a "C" line brings none); where the table has it, it also has what the thread did with it since
            _locks[lock] = [_my_tid(), depth, True]
    elif len(plan) > 1:  # read entry by entry as the core is handed on: a plan often ends early
        _successors.extend(plan[1:].split(","))


# os mode: a point is numbered together with its read or write, under _os_lock (see there).
def _happened(number, site, value=None):
    """os mode: a point as it happened, with its number, to be sent with the next ones (never waits)."""
    pending = _local.grant.pending
    pending.append(number)
    pending.append(site)
    if value is not None:
        pending.append(value)
    # sent when a batch has gathered, or at once when others have taken numbers since this thread's first one
    # unsent (CPython switched it out: the engine records theirs only after it); the thread's own numbers are
    # fewer than its pending entries. Not while the thread holds _os_lock: then once it lets it go.
    if len(pending) > _OS_BATCH or number - pending[0] > _OS_BEHIND + len(pending):
        grant = _local.grant
        if _os_lock.held():
            grant.due = True
        else:
            _send_points(grant)


def _send_points(grant):
    """os mode: the thread's points gathered so far, to its worker."""
    grant.due = False
    text = _after_deferred(grant, _after_pending(grant.pending, "o", _my_tid(), ""))
    if text:
        _local.channel.send(text)


def _flush_points_before_blocking():
    """os mode: a thread about to block in a call CPython makes for it (a socket's recv or accept, a select) sends
    the points it has numbered, so that the others' records need not wait a second for them (the sequencer's
    patience)."""
    grant = getattr(_local, "grant", None)
    if grant is not None and (grant.pending or grant.deferred) and not _os_lock.held():
        _send_points(grant)


def _after_deferred(grant, text):
    """os mode: text, after the lines the thread deferred (see _new_value)."""
    if not grant.deferred:
        return text
    text = "".join(grant.deferred) + text
    grant.deferred.clear()
    return text


def _new_value(name, cid, value, line):
    """A shared value the engine does not know yet: its name, its number cid and its first value. In os mode the
    thread holds _os_lock, and must not wait for an answer there (see _OsLock): the line is numbered among the
    points, so that the engine makes the value before any thread's point on it, and goes, unanswered, with them."""
    if not _OS:
        _call("var", name=name, id=cid, value=value, line=line)
        return
    _channel()
    grant = _local.grant
    tid = _my_tid()
    text = _request_line(tid, "var", {"line": line, "name": name, "id": cid, "value": value, "s": next(_order)})
    grant.deferred.append(_after_pending(grant.pending, "o", tid, text))
    if _os_lock.held():
        grant.due = True
    else:
        _send_points(grant)


class _SharedChannel:
    """All threads on stdout and stdin; a reader thread hands each answer (its line) to its thread (where there are
    no FIFOs)."""

    awaiting = 0  # never: the engine sends "?" plans only where each thread has its own pipes

    def drop_plans(self):
        pass

    def close(self):
        pass

    def __init__(self, tid):
        self.tid = tid
        with _answers_lock:
            self.answer = _answers.setdefault(tid, _Answer())

    def ask(self, text):
        self.answer.ready.clear()
        self.send(text)
        return self.next_line()

    def next_line(self):
        """The next answer (the thread sent its request or points already)."""
        self.answer.ready.wait()
        self.answer.ready.clear()
        return self.answer.value

    def hand_off(self, tid, budget, kind="G", tick=None):
        """Tells thread tid to go on with a grant of budget points, and waits to be told to go on."""
        with _answers_lock:
            other = _answers.setdefault(tid, _Answer())
        other.value = _go_line(kind, tid, budget, tick)
        other.ready.set()
        return self.next_line()

    def send(self, text):
        with _send_lock:
            _out.write(text)
            _out.flush()


def _go_line(kind, tid, budget, tick):
    """"G THREAD BUDGET" (or G+, G?, R), with "@TICK" where the clock at the grant's start is known."""
    return "%s %d %d\n" % (kind, tid, budget) if tick is None else "%s %d %d@%d\n" % (kind, tid, budget, tick)


class _FifoChannel:
    """A thread's own pair of named pipes to its engine worker: an answer wakes exactly the thread it is for."""

    # The pipes are read and written through their file descriptors: a switch is a write and a read, and the
    # text layers of open() cost as much again as the system calls (measured: 34 against 27 us a hand-off
    # between two threads, on the build machine).
    def __init__(self, tid):
        self.requests = os.open(_fifo(tid, "req"), os.O_WRONLY)
        self.answers = os.open(_fifo(tid, "rep"), os.O_RDONLY)
        self.lines = collections.deque()  # lines read and not yet taken
        self.rest = b""  # the start of a line whose end has not come yet
        self.awaiting = 0  # "C" lines on their way: plans for the ends of grants the thread went on with

    def close(self):
        os.close(self.requests)
        os.close(self.answers)

    def drop_plans(self):
        """The "C" lines still to come, for ends the thread will not reach as planned: they come before anything
        else, since each came from a point the engine had before the thread's next."""
        while self.awaiting:
            self.awaiting -= 1
            self.next_line()

    def send(self, text):
        _write_all(self.requests, text)

    def ask(self, text):
        self.send(text)
        self.drop_plans()  # the thread asks before its grant's end: the plans for the ends ahead no longer apply
        return self.next_line()

    def hand_off(self, tid, budget, kind="G", tick=None):
        """Tells thread tid to go on with a grant of budget points (a line in its own answer pipe, which the
        engine's worker leaves alone: the plan told it so), and waits to be told to go on. kind: "G", "G+" (its
        plan comes from its worker) or "R" (it took the lock it waited for; its plan comes from its worker)."""
        self.tell(tid, budget, kind, tick)
        return self.next_line()

    @staticmethod
    def tell(tid, budget, kind="G", tick=None):
        """Tells thread tid to go on with a grant of budget points (see hand_off)."""
        pipe = _go_pipes.get(tid)
        if pipe is None:
            pipe = _go_pipes[tid] = os.open(_fifo(tid, "rep"), os.O_WRONLY)
        _write_all(pipe, _go_line(kind, tid, budget, tick))

    def next_line(self):
        """The next line from the engine or the thread before (this thread sent its request or points already)."""
        lines = self.lines
        while not lines:
            chunk = os.read(self.answers, 1 << 16)
            if not chunk:  # the engine is gone
                _real_exit(0)
            *whole, self.rest = (self.rest + chunk).split(b"\n")
            lines.extend(line.decode("utf-8") + "\n" for line in whole)
        return lines.popleft()


def _write_all(fd, text):
    """text written to a pipe (a line, or a few, in one write where they fit, as a flush would)."""
    data = text.encode("utf-8")
    while data:
        data = data[os.write(fd, data):]


_go_pipes = {}  # thread -> its answer pipe, opened for writing, to hand it the core (see _FifoChannel.hand_off)


def _close_channel():
    """An ended thread's pipes, closed (a program that starts hundreds of threads would run out of descriptors)."""
    channel = getattr(_local, "channel", None)
    if channel is not None:
        channel.close()
    pipe = _go_pipes.pop(_my_tid(), None)
    if pipe is not None:
        os.close(pipe)


_channels_dir = os.environ.get("INTERLEAVE_CHANNELS")


def _fifo(tid, kind):
    return os.path.join(_channels_dir, "%s-%d" % (kind, tid))


def _make_fifos(tid):
    """Before the engine's worker for thread tid starts, so that it finds them (only where there are FIFOs)."""
    if _channels_dir:
        os.mkfifo(_fifo(tid, "req"))
        os.mkfifo(_fifo(tid, "rep"))


def _call(op, **args):
    """One request of the current thread; blocks until the engine answers, raises what the engine raised."""
    return _result(_exchange(op, args), args.get("obj"))


# The engine's messages as this interpreter words them, where its version words them otherwise.
_AS_THIS_PYTHON_WORDS_IT = {"timeout value must be positive": "timeout value must be a non-negative number"} \
    if sys.version_info >= (3, 13) else {}


def _result(reply, by=None):
    """The result of an answer (result, error), or the error it carries, raised (from CPython's own line that
    raises it where it is threading's or queue's, see _RAISED_IN; `by` is the object asked, if any)."""
    result, error = reply
    if error is not None:
        exc = _EXCEPTIONS.get(error[0])
        if exc is None:
            exc = type(error[0], (Exception,), {})
        message = _AS_THIS_PYTHON_WORDS_IT.get(error[1], error[1])
        raised_in = _RAISED_IN.get(message)
        if raised_in is not None and not any(c.__module__ == "multiprocessing"  # (its own code raises these)
                                             for c in type(_OBJECTS.get(by)).__mro__):
            _raise_from(raised_in(), exc, message)
        # queue.Empty, queue.Full and BrokenBarrierError carry no message: CPython raises them with no argument
        raise exc(message) if message != "" else exc()
    return result


# The engine's errors that CPython raises from a line of its own Python code: where
_RAISED_IN = {
    "cannot wait on un-acquired lock": lambda: _defined(_real_threading.Condition.wait),
    "cannot notify on un-acquired lock": lambda: _defined(_real_threading.Condition.notify),
    "cannot join current thread": lambda: _defined(_real_threading.Thread.join),
    "cannot join thread before it is started": lambda: _defined(_real_threading.Thread.join),
    "cannot set daemon status of active thread": lambda: _defined(_real_threading.Thread.daemon.fset),
    "semaphore initial value must be >= 0": lambda: _defined(_real_threading.Semaphore.__init__),
    "can't specify timeout for non-blocking acquire": lambda: _defined(_real_threading.Semaphore.acquire),
    "Semaphore released too many times": lambda: _defined(_real_threading.BoundedSemaphore.release),
    "n must be one or more": lambda: _defined(_real_threading.Semaphore.release),
    "task_done() called too many times": lambda: _defined_in(_stdlib_file("queue.py"), "Queue", "task_done"),
}
_stand_ins = {}


def _stand_in(key, make):
    """A stand-in of CPython's own code (see _cpython_line), made once, at the first need, by make(); None where
    the interpreter's source is not there to read."""
    if key not in _stand_ins:
        _stand_ins[key] = make()
    return _stand_ins[key]


def _raise_from(where, kind, message="", occurrence=1):
    """Raises kind(message) (kind itself without one) from CPython's own line at `where` (see _defined) that raises
    it, `raise RuntimeError("...")` or `raise Empty` (the `occurrence`th such line): a traceback then ends in that
    frame of threading.py or queue.py, as under python3. From here where that line is not there."""
    raiser = _stand_in(("raise", where, kind.__name__, message, occurrence),
                       lambda: _raising_line(where, kind.__name__, message, occurrence))
    if raiser is not None:
        raiser(kind)
    raise kind(message) if message else kind()


def _raising_line(where, name, message, occurrence):
    """The stand-in of CPython's line that raises exception `name` with `message`, in either quotes."""
    texts = ('raise %s("%s")' % (name, message), "raise %s(%r)" % (name, message)) if message else ("raise " + name,)
    for text in texts:
        made = _cpython_line(where, text, name, occurrence)
        if made is not None:
            return made
    return None


def _stdlib_file(name):
    return os.path.join(os.path.dirname(os.__file__), name)


# The lines of CPython's concurrent.futures a traceback through a future shows, by name: (its file, class (None:
# a function of the module), function, the line, the names it reads, which such line of the function, what follows)
_FUTURES_LINES = {
    "run": ("thread.py", "_WorkItem", "run", "result = self.fn(*self.args, **self.kwargs)", "self", 1,
            "return result"),
    "initializer": ("thread.py", None, "_worker", "initializer(*initargs)", "initializer, initargs", 1, None),
    "after shutdown": ("thread.py", "ThreadPoolExecutor", "submit",
                       "raise RuntimeError('cannot schedule new futures after shutdown')", "", 1, None),
    "add_done_callback": ("_base.py", "Future", "add_done_callback", "fn(self)", "fn, self", 1, None),
    "_invoke_callbacks": ("_base.py", "Future", "_invoke_callbacks", "callback(self)", "callback, self", 1, None),
    "get_result": ("_base.py", "Future", "__get_result", "raise self._exception", "self", 1, None),
    # a result()'s: the first if the future had finished when asked, else the second
    "result 1": ("_base.py", "Future", "result", "return self.__get_result()", "self", 1, None),
    "result 2": ("_base.py", "Future", "result", "return self.__get_result()", "self", 2, None),
}


def _futures_as_in_cpython(name):
    """The stand-in of one of _FUTURES_LINES, made at the first need."""
    file, owner, function, text, parameters, occurrence, then = _FUTURES_LINES[name]
    return _stand_in(("futures", name), lambda: _cpython_line(
        _defined_in(_stdlib_file("concurrent/futures/" + file), owner, function), text, parameters, occurrence, then))


def _run_action(barrier):
    """The engine asks this thread, the last at a Barrier, to run its action (CPython's rule); the Barrier's wait
    answers when it is done. An exception in the action breaks the barrier and is raised in this thread."""
    error = None
    try:
        _OBJECTS[barrier]._action()
        done = {}
    except BaseException as e:  # noqa: the engine breaks the barrier; this thread gets the error itself
        error = e
        done = {"error": _summary(e)}
    reply = _exchange("action_done", done)
    if error is not None and reply[1] is not None:
        raise error  # the action's own exception, whatever its class, as CPython raises it
    return reply


def _channel():
    channel = getattr(_local, "channel", None)
    if channel is None:
        channel = _local.channel = (_FifoChannel if _channels_dir else _SharedChannel)(_my_tid())
        _local.grant = _Grant()
    return channel


def _ask_point(point):
    """A read, a write or a step beyond the grant ("CODE [ARGS]"): sent after the points before it, answered
    with the next grant (and, for a read, the value)."""
    if _killing:
        _end_if_killed()
    channel = _channel()
    tid = _my_tid()
    grant = _local.grant
    _forget_levels()
    return _result(_decode(channel.ask(_after_pending(grant.pending, "p", tid, "q %d %s\n" % (tid, point))), grant))


def _forget_levels():
    """The running thread asks: the "?" plan for its grant's end no longer applies (nor does the engine's)."""
    global _chain
    _chain = None


def _after_pending(pending, kind, tid, text):
    """text, after the line of the points gone through since the last request (kind "p", or "o" in os mode)."""
    if not pending:
        return text
    batch = "%s %d %s\n%s" % (kind, tid, " ".join(map(str, pending)), text)
    pending.clear()
    return batch


def _exchange(op, args):
    """Sends one request (with the points gone through since the last) and returns the engine's answer as
    (result, error): error is (exception class, message) or None."""
    global _chain, _at
    if _killing and op != "end":
        _end_if_killed()
    tid = _my_tid()
    channel = _channel()
    if not _OS:
        _forget_levels()
    ahead = args.pop("ahead", None)
    grant = _local.grant
    pending = grant.pending
    if _OS and op not in ("begin", "var"):  # neither is a point: nothing to put in order (a child's begin
        args["s"] = next(_order)               # may come before its parent's start is recorded)
    text = _after_pending(pending, "o" if _OS else "p", tid, _request_line(tid, op, args))
    if _OS:
        text = _after_deferred(grant, text)
    handed = args.get("handed")
    if handed is None:
        return _decode(channel.ask(text), grant)
    channel.send(text)  # before the thread told to go on takes the interpreter (see _told_after)
    if ahead is not None:  # the thread told goes on under the continuation its plan foresaw (see Lock.acquire)
        _chain, _at = ahead, 0
        channel.tell(handed[0], handed[1], "G?")
    else:  # its plan comes from its worker once the engine has the request
        channel.tell(handed[0], handed[1], "G+")
    return _decode(channel.next_line(), grant)


def _request_line(tid, op, args):
    """A request as the engine reads it, one JSON line: the thread, the op, the line (the caller's if args has
    none) and the op's arguments."""
    msg = {"t": tid, "op": op, "l": args.pop("line", None) or _line()}
    msg.update(args)
    return json.dumps(msg) + "\n"


def _take_budget(grant, field):
    """A grant's BUDGET or BUDGET@TICK (see the protocol above) into grant; the budget."""
    budget, _, tick = field.partition("@")
    grant.budget = budget = int(budget)
    grant.clock_end = int(tick) + budget if tick else None
    return budget


def _told_after(plan):
    """A "C" line (the plan for the end of a grant) read where the thread waits to be told to go on: the engine
    sent it before the thread before this one told it. That thread sends its own line to the engine first and tells
    this one after, since the write that tells this one lets it take the interpreter, and this one would then run its
    slice before the engine has even heard from the other. The "R" or "G+" line comes next; the plan is read after
    it, as it would have come. (So the thread before and the engine's worker may write to this pipe at once: each
    writes a line in one write, which a pipe keeps whole up to PIPE_BUF, 4096 bytes on Linux; a plan's line stays
    under that, about 3.7 KB at the most: 128 slices and four continuations of 16 levels.)"""
    channel = _channel()
    told = channel.next_line()
    channel.lines.appendleft(plan)
    return told


def _decode(line, grant):
    """One answer line (see the protocol above): the grant and the values applied, (result, error) returned."""
    global _chain
    kind = line[0]
    if kind == "C":
        line = _told_after(line)
        kind = line[0]
    if kind == "=":
        _, _, budget, locks, values, plan, result = line.split(" ", 6)
        budget = _take_budget(grant, budget)
        grant.chained = False
        if budget or plan != "-":  # (an ending thread's last answer, with neither, leaves the table alone)
            _locks.clear()
            if locks != "-":
                for entry in locks.split(","):
                    lock, holder, depth = entry.split(":")
                    _locks[int(lock)] = [int(holder), int(depth), False]
        if values != "-" and not _OS:
            _G.apply(values)
        grant.freed.clear()
        # ("-": no plan; an ending thread's last answer may come after the next thread's plan, so it leaves it)
        grant.park = plan != "-"
        if grant.park:
            _set_plan(plan)
        result = result.rstrip("\n")
        if result.isdigit():
            return int(result), None
        return (None if result == "null" else json.loads(result)), None
    if kind == "G" or kind == "R":  # from the thread before this one (whose locks table still holds)
        _take_budget(grant, line.split(" ", 3)[2])
        grant.park = True
        grant.freed.clear()
        grant.chained = kind == "G" and line[1] == " "
        if kind == "R" or line[1] == "+":  # its plan comes from its worker, as a "C" line
            _chain = None
            _channel().awaiting += 1
        return (True if kind == "R" else None), None
    grant.budget = 0
    grant.clock_end = None
    grant.park = False
    grant.chained = False
    _successors.clear()
    _chain = None
    if kind == "!":
        _, _, kind_of_error, message = line.split(" ", 3)
        return None, (kind_of_error, json.loads(message))
    if kind == "A":
        _, _, barrier, values = line.split(" ", 3)
        values = values.rstrip("\n")
        if values != "-" and not _OS:
            _G.apply(values)
        return _run_action(int(barrier))
    raise RuntimeError("not an answer from the engine: %r" % line)


def _reader():
    _only_main_hears_sigterm()
    try:
        for line in _in:
            tid = int(line.split(" ", 2)[1])
            with _answers_lock:
                ans = _answers.setdefault(tid, _Answer())
            ans.value = line
            ans.ready.set()
    except BaseException as e:  # noqa: a broken answer would leave every thread waiting: end loudly instead
        _real_stderr.write("interleave runtime: %s: %s\n" % (type(e).__name__, e))
        _real_stderr.flush()
        _real_exit(3)
    # the engine is gone (the run ended, or the JVM did, however it died): so is this process, at once
    _real_exit(0)


# ---------------- shared values: module globals, attributes, items ----------------

def _is_shared_int(value):
    return type(value) is int and -2**31 <= value < 2**31


class _Memory:
    """One process's memory: its module globals and the suffix its private values carry in the engine
    ("balance (Process-1)"). The program's own process has the names as they are; a child process gets a copy
    of its parent's memory when it starts, as fork gives (interleave_processes.py makes it)."""

    def __init__(self, module, suffix, pid, ppid):
        self.module = module
        self.suffix = suffix
        self.pid = pid
        self.ppid = ppid
        self.process = None  # multiprocessing's object for it, as code in the process sees it
        self.parent = None  # the memory it was copied from (a pool's results go back to its classes)
        self.random = None  # its own random.Random (the module's functions use the current process's)
        self.next_name = 1  # the number of its next unnamed thread ("Thread-1"), copied at a fork
        self.killed = None  # terminate() or kill(): makes the exception each of its threads ends with

    def kill(self, exception):
        """Each thread of this process ends with exception() at its next scheduling point (a real one dies at
        once)."""
        global _killing
        self.killed = exception
        _killing = True

    def __deepcopy__(self, memo):  # a process's memory is never part of another's copy
        return self


def _memory():
    return getattr(_local, "memory", None) or _PARENT


_killing = False  # whether any process was ever terminated: the only test on the hot path until one is


def _end_if_killed():
    killed = _memory().killed
    if killed is not None:
        raise killed()


def _private_suffix(obj):
    """What an object's shared ints are called after in the engine: nothing for objects all processes share
    (multiprocessing's Value, Array, a Manager's dict), the process's suffix for its own memory."""
    return "" if getattr(type(obj), "_interleave_shared", False) else _memory().suffix


_CONTAINERS = {dict, list}  # whose int items are shared values (the processes module adds its shared ones)


class _Globals:
    """The program's shared ints: module globals, attributes of the program's own objects, items of dicts and
    lists. Each lives in the engine too, under a name the class can read ("balance", "account.total",
    "counts['apples']"); reading or writing one is a scheduling point."""

    def __init__(self):
        self.cells = {}  # engine name -> (container, key, is an attribute)
        self.ids = {}  # engine name -> the number the engine knows it by (for ever, even while it is no int)
        self.names = []  # number -> engine name
        # the program's globals: those of a module __main__, as CPython runs a script (typing, dataclasses and
        # pickle look a class's names up in sys.modules[cls.__module__])
        self.main_module = types.ModuleType("__main__")
        self.module = self.main_module.__dict__
        self.labels = {}  # id(object) -> (how the views call it, its process's suffix or "" if shared)
        self.owners = {}  # (label, process suffix) -> id of the object it names
        self.counts = {}

    def apply(self, values):
        """The shared values as the engine has them now (other threads may have written them meanwhile), as an
        answer brings them: "number:value,number:value"."""
        for entry in values.split(","):
            number, value = entry.split(":")
            cell = self.cells.get(self.names[int(number)])
            if cell is not None:
                self._set(*cell, int(value))

    def number(self, name):
        """The engine's number for a shared value's name: module globals get theirs when the program loads."""
        cid = self.ids.get(name)
        if cid is None:
            cid = self.ids[name] = len(self.ids)
            self.names.append(name)
        return cid

    def load(self, name, line, module, cell):
        """A global of a process's module; cell: its name in the engine (the name and the process's suffix)."""
        if cell in self.cells and name in module:
            return self._read(cell, module[name], line)
        # (a child process's copy of a global becomes a value of its own when the child first writes it:
        # copy-on-write, as fork does; until then it reads the value it was given)
        if name in module:
            return module[name]
        try:
            return getattr(builtins, name)
        except AttributeError:
            raise NameError("name %r is not defined" % name) from None

    def store(self, name, value, line, module, cell):
        if _is_shared_int(value):
            self._write(cell, module, name, False, value, line)
            return
        self.cells.pop(cell, None)
        module[name] = value
        _step(str(line * 8 + _STEP), line)

    def _read(self, name, value, line):
        if _OS:  # read by the caller (getattr, d[k]) under _os_lock, which it still holds
            _happened(next(_order), "%d %d" % (line * 8 + _READ, self.ids[name]))
            return value
        g = _local.grant
        if g.budget > 0:
            # within a grant nobody else runs: the value here is the engine's, and stays so until the point
            g.budget -= 1
            g.pending.extend((line * 8 + _READ, self.ids[name]))
            return value
        if g.park:  # the grant's end: the value is read now, whoever runs before this thread goes on
            if _killing:
                _end_if_killed()
            g.pending.extend((line * 8 + _READ, self.ids[name]))
            _park(g)
            return value
        return _ask_point("%d %d" % (line * 8 + _READ, self.ids[name]))

    def _write(self, name, container, key, is_attr, value, line):
        if name not in self.cells:
            self._set(container, key, is_attr, value)
            cid = self.number(name)
            _new_value(name, cid, value, line)
            self.cells[name] = (container, key, is_attr)  # shared once the engine knows it
            return
        if _OS:  # the caller holds _os_lock
            self._set(container, key, is_attr, value)
            _happened(next(_order), "%d %d" % (line * 8 + _WRITE, self.ids[name]), value)
            return
        g = _local.grant
        if g.budget > 0:
            g.budget -= 1
            g.pending.extend((line * 8 + _WRITE, self.ids[name], value))
            self._set(container, key, is_attr, value)
        elif g.park:
            if _killing:
                _end_if_killed()
            g.pending.extend((line * 8 + _WRITE, self.ids[name], value))
            self._set(container, key, is_attr, value)
            _park(g)
        else:  # the engine decides when the write happens; its answer brings the values as they are then
            _ask_point("%d %d %d" % (line * 8 + _WRITE, self.ids[name], value))

    @staticmethod
    def _set(container, key, is_attr, value):
        if is_attr:
            object.__setattr__(container, key, value)
        else:
            container[key] = value

    def _label(self, obj, or_made_up=True):
        """The global name of the object ("account"), else its class and a number ("Account-1"); or None."""
        known = self.labels.get(id(obj)) or self._name_it(obj, or_made_up)
        return known and known[0]

    def _cell(self, obj, tail, or_made_up=True):
        """The engine's name of one of the object's ints: "account.total", "counts['a'] (Process-1)"; or None."""
        known = self.labels.get(id(obj)) or self._name_it(obj, or_made_up)
        return known and known[0] + tail + known[1]

    def _name_it(self, obj, or_made_up):
        # a thread of the program's own Thread class is named as the thread is ("Thread-1.n"): a loop that makes
        # them under one global (t = MyThread(i)) named them t, t-2, t-3, which are not Python
        label = obj.__dict__.get("name") if isinstance(obj, Thread) else None
        label = label or next((k for k, v in _memory().module.items() if v is obj and not k.startswith("__")), None)
        if label is None:
            if not or_made_up:
                return None
            kind = type(obj).__name__
            self.counts[kind] = self.counts.get(kind, 0) + 1
            label = "%s-%d" % (kind, self.counts[kind])
        suffix = _private_suffix(obj)
        # a second object under a name another one had ("counter = Value('i', 0)" again): a name of its own, or
        # it would read and write the first one's values
        if self.owners.setdefault((label, suffix), id(obj)) != id(obj):
            n = 2
            while (label + "-%d" % n, suffix) in self.owners:
                n += 1
            label += "-%d" % n
            self.owners[(label, suffix)] = id(obj)
        known = self.labels[id(obj)] = (label, suffix)
        return known

    @staticmethod
    def _own(obj):
        """Objects of the program's own classes (not modules, classes, or the runtime's threading objects), and
        multiprocessing's shared Value."""
        return (type(obj).__module__ in _PROGRAM_MODULES or getattr(type(obj), "_interleave_shared", False)) \
            and not isinstance(obj, type)

    def attr(self, obj, attr, line):
        if type(obj) is _MODULE and obj.__name__ in _IMPORTED_MODULES:
            cell = obj.__name__ + "." + attr  # bank.balance, read from the program: the module's own value
            if _OS:
                with _os_lock:
                    return self.load(attr, line, obj.__dict__, cell) if attr in obj.__dict__ else getattr(obj, attr)
            return self.load(attr, line, obj.__dict__, cell) if attr in obj.__dict__ else getattr(obj, attr)
        if not _plain_attr(obj, attr) or attr not in getattr(obj, "__dict__", ()):
            return getattr(obj, attr)  # no shared value here, and maybe the program's own code (see _plain_attr)
        if _OS:
            with _os_lock:
                return self._attr(obj, attr, line)
        return self._attr(obj, attr, line)

    def _attr(self, obj, attr, line):
        value = getattr(obj, attr)
        # a value the object holds (not a property's result, nor its class's attribute)
        if _is_shared_int(value) and self._own(obj) and attr in getattr(obj, "__dict__", ()):
            name = self._cell(obj, "." + attr)
            if name not in self.cells:
                _new_value(name, self.number(name), value, line)
                self.cells[name] = (obj, attr, True)
            return self._read(name, value, line)
        return value

    def set_attr(self, value, obj, attr, line):  # the value first: CPython evaluates it first
        if type(obj) is _MODULE and obj.__name__ in _IMPORTED_MODULES:
            cell = obj.__name__ + "." + attr  # bank.balance = ..., from the program
            if _OS:
                with _os_lock:
                    return self.store(attr, value, line, obj.__dict__, cell)
            return self.store(attr, value, line, obj.__dict__, cell)
        if not _plain_attr(obj, attr):
            setattr(obj, attr, value)  # the program's own code runs, a property's setter (see _plain_attr)
            return
        if _OS:
            with _os_lock:
                return self._set_attr(value, obj, attr, line)
        return self._set_attr(value, obj, attr, line)

    def _set_attr(self, value, obj, attr, line):
        if self._own(obj):
            # an object nobody can reach by name yet (self in __init__) is still its maker's alone: no point
            if _is_shared_int(value):
                name = self._cell(obj, "." + attr, or_made_up=False)
                if name is not None:
                    self._write(name, obj, attr, True, value, line)
                    return
            else:  # no longer an int: no longer shared, if it was (an object is named only for its ints, so that
                known = self.labels.get(id(obj))  # a thread renamed in __init__, self.name = ..., keeps its name)
                if known is not None:
                    self.cells.pop(known[0] + "." + attr + known[1], None)
        setattr(obj, attr, value)

    def item(self, obj, key, line):
        if _OS:
            with _os_lock:
                return self._item(obj, key, line)
        return self._item(obj, key, line)

    def _item(self, obj, key, line):
        value = obj[key]
        if _is_shared_int(value) and type(obj) in _CONTAINERS:
            name = self._cell(obj, "[%r]" % (key,))
            if name not in self.cells:
                _new_value(name, self.number(name), value, line)
                self.cells[name] = (obj, key, False)
            return self._read(name, value, line)
        return value

    def set_item(self, value, obj, key, line):
        if _OS:
            with _os_lock:
                return self._set_item(value, obj, key, line)
        return self._set_item(value, obj, key, line)

    def _set_item(self, value, obj, key, line):
        if type(obj) in _CONTAINERS:
            name = self._cell(obj, "[%r]" % (key,))
            if _is_shared_int(value):
                self._write(name, obj, key, False, value, line)
                return
            self.cells.pop(name, None)
        obj[key] = value


_G = _Globals()
_cells = _G.cells
_module = _G.module
_PARENT = _Memory(_module, "", 1000, 999)  # the program's own process (pids made up: the same every run)


def _plain_attr(obj, attr):
    """Whether obj.attr may be a shared value: getting or setting it runs none of the program's code (no property
    or other data descriptor, no __getattribute__ or __setattr__ of the object's class). Where the program's code
    runs, it is left to do so as CPython does, its own reads and writes being the points: a point cannot contain
    others, and in os mode that code, which may wait for the engine, must not run under _os_lock (see _OsLock)."""
    kind = type(obj)
    plain = _plain_attrs.get((kind, attr))
    if plain is None:
        plain = kind.__getattribute__ is object.__getattribute__ and kind.__setattr__ is object.__setattr__
        for klass in kind.__mro__ if plain else ():
            found = klass.__dict__.get(attr)
            if found is not None:
                plain = not (hasattr(type(found), "__set__") or hasattr(type(found), "__delete__"))
                break
        _plain_attrs[(kind, attr)] = plain
    return plain


_plain_attrs = {}  # (class, attribute) -> _plain_attr's answer (a class rarely gains a property once it is used)


def _site(op, name, line):
    """A point of the program as the runtime sends it ("CODE cell"), written into the code by the rewrite."""
    if op == "step":
        return str(line * 8 + _STEP)
    return "%d %d" % (line * 8 + (_READ if op == "read" else _WRITE), _G.number(name))


# The rewritten program's reads and writes of its shared module globals, and its loop steps: within a grant each
# is a few list appends; site is the point as it is sent ("CODE cell"), made once when the program is rewritten.
def _global_read(site, name, line):
    g = _local.grant
    if g.budget > 0 and name in _cells and name in _module:  # (a del takes it out of the module, not the cells)
        g.budget -= 1
        g.pending.append(site)
        return _module[name]
    return _G.load(name, line, _module, name)


def _os_global_read(site, name, line):
    with _os_lock:
        if name in _cells and name in _module:
            value = _module[name]
            _happened(next(_order), site)
            return value
        return _G.load(name, line, _module, name)


def _os_global_write(site, name, value, line):
    with _os_lock:
        if type(value) is int and -2147483648 <= value <= 2147483647 and name in _cells:
            _module[name] = value
            _happened(next(_order), site, value)
            return
        _G.store(name, value, line, _module, name)  # a new shared value, or one that is no longer an int


def _global_write(site, name, value, line):
    g = _local.grant
    if g.budget > 0 and name in _cells and type(value) is int and -2147483648 <= value <= 2147483647:
        g.budget -= 1
        pending = g.pending
        pending.append(site)
        pending.append(value)
        _module[name] = value
        return
    _G.store(name, value, line, _module, name)


_PROGRAM_MODULES = {"__main__"}  # the modules whose classes are the program's own (see _Globals._own)
_IMPORTED_MODULES = set()  # those the program imports: their globals, read or written through the module, are cells
_MODULE = types.ModuleType
_PROGRAM_FILES = {}  # file of one of the program's own modules -> its name (its frames are in a traceback)


class _LineOfTheProgram:
    """__rt_globals__ for a module of the program: its attribute and item points keep the thread's line in the
    program (the code view shows the program's file, not the module's)."""

    @staticmethod
    def attr(obj, attr, line):
        return _G.attr(obj, attr, 0)

    @staticmethod
    def item(obj, key, line):
        return _G.item(obj, key, 0)

    @staticmethod
    def set_attr(value, obj, attr, line):
        return _G.set_attr(value, obj, attr, 0)

    @staticmethod
    def set_item(value, obj, key, line):
        return _G.set_item(value, obj, key, 0)


def _module_site(op, name, line):
    """A point of a module of the program, with no line of the program (see _LineOfTheProgram)."""
    return str(_STEP) if op == "step" else ""


class _FunctionsOnly(ast.NodeTransformer):
    """Rewrites the functions of a module (and the methods of its classes), not its top-level code: CPython runs
    that holding the module's import lock, which another thread importing it waits for where the scheduler cannot
    see it. So a module's globals become shared values at their first write from a function."""

    def __init__(self, rewrite):
        self.rewrite = rewrite

    def _function(self, node):
        return self.rewrite.visit(node)

    def visit_ClassDef(self, node):
        return self.rewrite.class_body(node, self.visit, self.visit)  # its methods' self.__x is self._C__x

    visit_FunctionDef = visit_AsyncFunctionDef = visit_Lambda = _function


def _prepare_module(source, path, module):
    """A module of the program (see interleave_modules), rewritten as the program is: its shared ints are the
    engine's, named after it ("bank.balance"), and its classes' objects are the program's own."""
    tree = ast.parse(source, filename=path)
    names = module_int_globals(tree)
    _CREATION_NAMES[path] = creation_names(tree, module.__name__)
    tree = _FunctionsOnly(Rewrite(names, _module_site)).visit(tree)
    ast.fix_missing_locations(tree)
    _PROGRAM_FILES[path] = module.__name__
    prefix = module.__name__ + "."
    read, write = _globals_access(module.__dict__, lambda name: prefix + name, lambda line: 0)
    module.__dict__.update({"__rt_globals__": _LineOfTheProgram, "__rt_read__": read, "__rt_write__": write,
                            "__rt_step__": lambda site, line: _step(site, 0), "__rt_in_place__": operator})
    _PROGRAM_MODULES.add(module.__name__)
    _IMPORTED_MODULES.add(module.__name__)
    return compile(tree, path, "exec")


def _memory_access(memory):
    """__rt_read__ and __rt_write__ for a child process's copy of the program: its own globals, named with its
    suffix in the engine (the code's sites name the first process's cells, so these take the slow path)."""
    suffix = memory.suffix
    return _globals_access(memory.module, lambda name: name + suffix)


def _globals_access(module, cell, line_of=lambda line: line):
    """__rt_read__ and __rt_write__ on the slow path, for the globals `module` of a copy of the program or of one of
    its modules: `cell` names each in the engine, `line_of` says the line its points are on."""

    def read(site, name, line):
        if _OS:
            with _os_lock:
                return _G.load(name, line_of(line), module, cell(name))
        return _G.load(name, line_of(line), module, cell(name))

    def write(site, name, value, line):
        if _OS:
            with _os_lock:
                return _G.store(name, value, line_of(line), module, cell(name))
        return _G.store(name, value, line_of(line), module, cell(name))
    return read, write


# ---------------- the threading module the program sees ----------------

def _assigned_name(default):
    """The name the program gives the object it is making ('lock' in 'lock = threading.Lock()'), for the views."""
    import linecache
    import re
    f = sys._getframe(2)
    maker = f
    while f is not None and f.f_code.co_filename != _program_file:
        f = f.f_back
    if maker is not f and maker is not None and not maker.f_code.co_filename.endswith(_RUNTIME_FILES):
        # made inside a library (socketserver's "self.__is_shut_down = threading.Event()"): its own name there
        f = maker
    if f is None:
        return default
    named = _CREATION_NAMES.get(f.f_code.co_filename, {}).get(_call_place(f))
    if named is not None:
        name, item = named
        if not item:
            return name
        # forks[0], forks[1], ... in the order made, counted afresh in each call of the code that makes them (the
        # frame making the latest is kept, only it: a frame's id may be a dead one's)
        last = _ITEMS_MADE.get(name)
        made = last[1] + 1 if last is not None and last[0] is f else 0
        _ITEMS_MADE[name] = (f, made)
        return "%s[%d]" % (name, made)
    text = linecache.getline(f.f_code.co_filename, f.f_lineno)
    m = re.match(r"(\s*)([A-Za-z_][\w.]*)\s*=[^=]", text)
    if m is None:  # with Pool(4) as p:
        m = re.match(r"(\s*)(?:async\s+)?with\s+[^,]*\bas\s+([A-Za-z_]\w*)\s*:", text)
    if m is None:
        return default
    name = m.group(2).split(".")[-1].strip("_") or default
    if default in ("lock", "rlock"):
        name = condition_lock_name(text, name)
    module = _PROGRAM_FILES.get(f.f_code.co_filename)
    # a module's own global, at its top level, is named after it (bank.lock), as creation_names names it
    return module + "." + name if module and not m.group(1) and "." not in m.group(2) else name


def _call_place(frame):
    """Where in the program the call the frame is making is: (line, end line, column, end column), as the
    syntax tree has it; None before Python 3.11 (which has no columns: names then come from the line's text)."""
    if sys.version_info < (3, 11):
        return None
    for place in itertools.islice(frame.f_code.co_positions(), frame.f_lasti // 2, None):
        return place
    return None


_CREATION_NAMES = {}  # file of the program or of one of its modules -> its creation_names
_ITEMS_MADE = {}  # list's name -> (the frame that made its latest item, that item's index)


# the engine's number of each threading object -> the object, while the program keeps it (as in CPython, a lock
# nobody refers to is collected: weakref.ref(lock)() is None then)
_OBJECTS = weakref.WeakValueDictionary()
_RUNTIME_FILES = tuple("%s.py" % m for m in (
    "interleave_rt", "interleave_processes", "interleave_pool", "interleave_futures", "interleave_coroutines",
    "interleave_modules", "interleave_asyncio", "interleave_hub", "interleave_sockets"))


def _engine_attribute(name):
    """A read-only attribute the engine keeps for a threading object (a Barrier's parties, a Queue's maxsize): each
    read asks it, as CPython's reads its own state."""
    return property(lambda self: _call(name, obj=self._id))


class _Primitive:
    _kind = None

    def __init__(self, *args):
        self._base_name = _assigned_name(self._kind.lower())
        self._args = args
        self._id = _call("new", kind=self._kind, args=list(args), name=self._base_name + _memory().suffix)
        _OBJECTS[self._id] = self

    def __deepcopy__(self, memo):
        """A child process's copy (fork): an object of its own, new, named with the child's suffix (the
        processes module puts it in the memo). multiprocessing's own objects are shared: their class says so."""
        if memo.get("rebind") is None:  # the program's own deepcopy: as CPython's, which cannot copy a lock
            raise TypeError("cannot pickle '_thread.lock' object")
        import copy as copying
        copy = type(self).__new__(type(self))
        memo[id(self)] = copy
        copy.__dict__.update(self.__dict__)
        args = list(getattr(self, "_args", ()))
        if self._kind == "Condition" and args and args[0] is not None:  # with the child's copy of its lock
            copy._lock = copying.deepcopy(self._lock, memo)
            args = [copy._lock._id]
        copy._args = tuple(args)
        name = getattr(self, "_base_name", self._kind.lower()) + memo.get("suffix", "")
        copy._id = _call("new", kind=self._kind, args=args, name=name)
        _OBJECTS[copy._id] = copy
        if self._kind == "Event" and self.is_set():  # what the parent's was, as fork copies it
            copy.set()
        return copy

    def _address(self):
        """An address for the repr, as CPython shows one: the same every run (CPython's differ from run to run)."""
        return 0x7F0000000000 + self._id * 0x40

    def __repr__(self):
        # object's repr, as CPython's threading shows one where its class has none (an Event before 3.11), with
        # an address the same every run: id() would make the same seed print other text
        return "<%s.%s object at %#x>" % (type(self).__module__, type(self).__qualname__, self._address())


def _seconds(value):
    """`value` as CPython's C code reads a number of seconds (time.sleep, a lock's timeout): a float, or an integer
    (anything with __index__); anything else, NaN, and a size past what CPython's clock holds raise in this
    Python's words. (What a number may be, not negative for instance, is the engine's rule.)"""
    if isinstance(value, float):
        if value != value:
            raise ValueError("Invalid value NaN (not a number)")
    elif not isinstance(value, int):
        # anything else (a str, None, a Decimal) as this Python's C code reads it, in its words: a lock no one
        # holds reads it (and takes itself at once if it may)
        _real_threading.Lock().acquire(True, value)
        value = operator.index(value) if hasattr(type(value), "__index__") else int(value)
    if value > 1e9:  # perhaps past CPython's clock (infinity is): its own OverflowError, the same way
        _real_threading.Lock().acquire(True, value)
    return value


_NOT_SECONDS = (TypeError, ValueError, OverflowError)  # what reading a timeout may raise


def _compared(timeout):
    """A timeout as threading's Condition.wait reads it (Event.wait too): `timeout > 0` (a string raises its
    TypeError there), and only a positive one as C code reads it; NaN does not wait, as there."""
    if timeout is None:
        return None
    if timeout > 0:
        return _seconds(timeout)
    return timeout if isinstance(timeout, (int, float)) and timeout == timeout else 0.0


def _added(timeout):
    """A timeout as threading's Semaphore.acquire and Barrier.wait read it: `_time() + timeout` (NaN never ends a
    wait there: CPython goes round for ever)."""
    if timeout is None:
        return None
    timeout = 0.0 + timeout
    return None if timeout != timeout else _seconds(timeout)


class Lock(_Primitive):
    _kind = "Lock"
    _reentrant = False

    def __getattr__(self, name):
        """A missing attribute (a typo: lock.aquire()), in CPython's words for its C lock types ('_thread.lock'
        object has no attribute ...), with what its "Did you mean" needs."""
        cls = type(self)
        shown = "%s.%s" % (cls.__module__, cls.__name__) if cls.__module__ == "_thread" else cls.__name__
        message = "'%s' object has no attribute '%s'" % (shown, name)
        raise AttributeError(message, name=name, obj=self) if sys.version_info >= (3, 10) else AttributeError(message)

    def __repr__(self):
        if type(self)._kind != "Lock":
            return _Primitive.__repr__(self)
        return "<%s _thread.lock object at %#x>" % ("locked" if self.locked() else "unlocked", self._address())

    def _at_fork_reinit(self):
        """CPython's, for a child after fork: the lock is new and free, whoever held it (a new one in the engine)."""
        self._id = _call("new", kind=self._kind, args=list(self._args), name=self._base_name + _memory().suffix)
        _OBJECTS[self._id] = self

    def acquire(self, blocking=True, timeout=-1):
        if _killing:
            _end_if_killed()
        g = _local.grant
        if timeout == -1 and (g.budget > 0 or g.park):
            state = _locks.get(self._id)
            tid = _my_tid()
            if state is not None and state[2] and g.chained:
                state = None  # the engine's to hand over now: see _locks
            # free, or an RLock this thread holds: the engine would let it take it at once (and checks it did)
            if state is not None and (state[0] == -1 or self._reentrant and state[0] == tid):
                state[0] = tid
                state[1] += 1
                g.pending.extend((_line() * 8 + _ACQUIRE, self._id))  # (numbers: quicker than formatting them)
                if g.budget > 0:
                    g.budget -= 1
                else:  # the grant's end (only one thread runs: nothing comes between)
                    _park(g)
                return True
            if (state is not None and blocking and g.park and _successors and _channels_dir and _HANDS_ON
                    and not _channel().awaiting):
                # another thread holds it: this one blocks, and the engine gives the core to the next slice of the
                # plan this thread runs under (park: its plan is the one in _successors, not one left by another)
                slice_, _, levels = _successors.popleft().partition(";")
                thread, points = map(int, slice_.split(":"))
                _successors.clear()  # what follows that slice is for the engine to say
                state[2] = True
                handed = [thread, points]
                ahead = None
                if levels and state[0] == thread:  # the engine foresaw how the holder goes on once this one waits
                    handed.append(1)
                    ahead = (self._id, tid, [tuple(map(int, level.split(":"))) for level in levels.split(";")])
                return _result(_exchange("acquire", {"obj": self._id, "blocking": True, "timeout": -1,
                                                     "handed": handed, "ahead": ahead}))
        return _call("acquire", obj=self._id, blocking=blocking, timeout=_seconds(timeout))

    def release(self):
        if _killing:
            _end_if_killed()
        g = _local.grant
        if g.budget > 0 or g.park:
            state = _locks.get(self._id)
            if state is not None and state[0] == _my_tid() and not (state[2] and g.chained):
                # the thread holds it: given back at once
                state[1] -= 1
                if not state[1]:
                    state[0] = -1
                    g.freed.add(self._id)
                g.pending.extend((_line() * 8 + _RELEASE, self._id))
                if g.budget > 0:
                    g.budget -= 1
                else:
                    _park(g)
                return
        _call("release", obj=self._id)

    def locked(self):
        return _call("locked", obj=self._id)

    def __enter__(self):
        return self.acquire()  # True, as CPython's: "with lock as got" binds acquire's result, not the lock

    def __exit__(self, *exc):
        self.release()


class RLock(Lock):
    _kind = "RLock"
    _reentrant = True

    def _holder(self):
        """[the Python thread holding it or -1, its depth, the threads waiting in a Condition's wait]."""
        return _call("holder", obj=self._id)

    def __repr__(self):
        if type(self)._kind != "RLock":
            return _Primitive.__repr__(self)
        return _rlock_repr(self._holder(), self._address())

    def _is_owned(self):
        return self._holder()[0] == _my_tid()

    def _recursion_count(self):
        owner, depth, _ = self._holder()
        return depth if owner == _my_tid() else 0

    def _release_save(self):
        """Condition's way to let the lock go whatever its depth (CPython's): the depth and owner, to restore."""
        owner, depth, _ = self._holder()
        # another thread's, or nobody's: one release, which the engine refuses as CPython does
        for _ in range(depth if owner == _my_tid() else 1):
            self.release()
        return depth, _ident_of(owner)

    def _acquire_restore(self, state):
        for _ in range(state[0]):
            self.acquire()


# CPython-private methods only where this interpreter's own locks have them (3.8 has neither)
if not hasattr(getattr(_real_threading, "_CRLock", None) or object, "_recursion_count"):
    del RLock._recursion_count
if not hasattr(_real_threading.Lock(), "_at_fork_reinit"):
    del Lock._at_fork_reinit


def _rlock_repr(holder, address):
    """CPython's repr of its RLock (the C one, threading's RLock wherever the interpreter has it)."""
    owner, depth = holder[0], holder[1]
    return "<%s _thread.RLock object owner=%d count=%d at %#x>" % (
        "locked" if depth else "unlocked", _ident_of(owner) if owner >= 0 else 0, depth, address)


class Semaphore(Lock):
    _kind = "Semaphore"

    def __init__(self, value=1):
        self._initial_value = value
        super().__init__(value)

    if "__repr__" in vars(_real_threading.Semaphore):  # as the interpreter's threading has it (3.11.7+, 3.12+)
        def __repr__(self):
            cls = type(self)
            value = _call("value", obj=self._id)
            bound = "/%d" % self._initial_value if cls._kind == "BoundedSemaphore" else ""
            return "<%s.%s at %#x: value=%d%s>" % (cls.__module__, cls.__qualname__, self._address(), value, bound)

    def acquire(self, blocking=True, timeout=None):
        # None waits for ever; a Semaphore's -1 (unlike a Lock's) does not wait at all, as in CPython
        if not blocking and timeout is not None:
            timeout = 0  # (whatever it is: the engine's rule refuses a timeout without blocking, as CPython)
        try:
            timeout = _added(timeout)
        except _NOT_SECONDS:  # CPython's Semaphore reads the timeout only if it has to wait
            if blocking and _call("acquire", obj=self._id, blocking=False, timeout=None):
                return True
            raise
        return _call("acquire", obj=self._id, blocking=blocking, timeout=timeout)

    def release(self, n=1):
        _call("release", obj=self._id, n=n)

    if sys.version_info < (3, 9):  # release(n) is 3.9's
        def release(self):
            _call("release", obj=self._id, n=1)


class BoundedSemaphore(Semaphore):
    _kind = "BoundedSemaphore"


def _named(cls, name, *args):
    """A threading object the runtime makes for the program (a greenlet's turn, a future's result), named by the
    runtime, not after the line that makes it."""
    o = cls.__new__(cls)
    o._id = _call("new", kind=cls._kind, args=list(args), name=name)
    _OBJECTS[o._id] = o
    return o


def _named_event(name):
    return _named(Event, name)


class Event(_Primitive):
    _kind = "Event"

    def set(self):
        _call("set", obj=self._id)

    def clear(self):
        _call("clear", obj=self._id)

    def is_set(self):
        return _call("is_set", obj=self._id)

    def isSet(self):
        _deprecated("isSet() is deprecated, use is_set() instead")
        return self.is_set()

    def wait(self, timeout=None):
        try:
            timeout = _compared(timeout)
        except _NOT_SECONDS:  # CPython's Event reads the timeout only if it is not set
            if self.is_set():
                return True
            raise
        return _call("wait", obj=self._id, timeout=timeout)

    if "__repr__" in vars(_real_threading.Event):  # as the interpreter's threading has it (3.11+)
        def __repr__(self):
            return "<threading.Event at %#x: %s>" % (self._address(), "set" if self.is_set() else "unset")


class Condition(Lock):
    _kind = "Condition"

    def __init__(self, lock=None):
        self._lock = lock  # (as CPython's, a Condition keeps its lock alive)
        _Primitive.__init__(self, lock._id if lock is not None else None)

    _holder = RLock._holder

    # CPython's Condition takes these from an RLock, and has its own for a Lock (which has no owner)
    def _on_rlock(self):
        return self._lock is None or self._lock._reentrant

    def _is_owned(self):
        owner, depth, _ = self._holder()
        return owner == _my_tid() if self._on_rlock() else depth > 0

    def _release_save(self):
        if self._on_rlock():
            return RLock._release_save(self)
        self.release()

    def _acquire_restore(self, state):
        if self._on_rlock():
            RLock._acquire_restore(self, state)
        else:
            self.acquire()

    def __repr__(self):
        holder = self._holder()
        lock = _rlock_repr(holder, self._address() + 0x20) if self._lock is None else repr(self._lock)
        return "<Condition(%s, %d)>" % (lock, holder[2])

    def wait(self, timeout=None):
        try:
            timeout = _compared(timeout)
        except _NOT_SECONDS:  # CPython's Condition first checks that the lock is held (the engine's rule)
            if not self._is_owned():
                _call("wait", obj=self._id, timeout=0)  # (raises "cannot wait on un-acquired lock")
            raise
        return _call("wait", obj=self._id, timeout=timeout)

    def wait_for(self, predicate, timeout=None):
        end = None if timeout is None else _time_now() + timeout
        result = predicate()
        while not result:
            left = None if end is None else end - _time_now()
            if left is not None and left <= 0:
                break
            self.wait(left)
            result = predicate()
        return result

    def notify(self, n=1):
        _call("notify", obj=self._id, n=n)

    def notify_all(self):
        _call("notify", obj=self._id, n=2**31 - 1)

    def notifyAll(self):
        _deprecated("notifyAll() is deprecated, use notify_all() instead")
        self.notify_all()


class Barrier(_Primitive):
    _kind = "Barrier"

    def __init__(self, parties, action=None, timeout=None):
        self._action = action
        super().__init__(parties, timeout, action is not None, sys.version_info >= (3, 13))

    def wait(self, timeout=None):
        return _call("barrier_wait", obj=self._id, timeout=_added(timeout))

    def reset(self):
        _call("reset", obj=self._id)

    def abort(self):
        _call("abort", obj=self._id)

    parties = _engine_attribute("parties")

    if "__repr__" in vars(_real_threading.Barrier):
        def __repr__(self):
            cls = type(self)
            if self.broken:
                return "<%s.%s at %#x: broken>" % (cls.__module__, cls.__qualname__, self._address())
            return "<%s.%s at %#x: waiters=%d/%d>" % (cls.__module__, cls.__qualname__, self._address(),
                                                      self.n_waiting, self.parties)

    n_waiting = _engine_attribute("n_waiting")

    broken = _engine_attribute("broken")


class BrokenBarrierError(RuntimeError):
    pass


_EXCEPTIONS["BrokenBarrierError"] = BrokenBarrierError


_LOCAL_OWN = frozenset(("_values", "_name", "_init", "_inited"))


class _OwnAttributes(dict):
    """A thread's attributes of a threading.local, its __dict__: not a container whose ints are shared values."""


_LOCALS = weakref.WeakSet()  # every threading.local alive: a thread's values go when it ends, as in CPython


def _forget_locals_of(tid):
    """A thread's values of every threading.local, let go as it ends (CPython frees them with the thread)."""
    for obj in list(_LOCALS):
        object.__getattribute__(obj, "_values").pop(tid, None)
        object.__getattribute__(obj, "_inited").discard(tid)


class local:
    """threading.local: each thread sees only the attributes it set; each get and set of one is a point. As in
    CPython, a subclass's __init__ runs again, with the constructor's arguments, in each thread that uses the
    object, and its class attributes and methods are seen where the thread has set nothing of that name."""

    def __new__(cls, *args, **kwargs):
        if (args or kwargs) and cls.__init__ is object.__init__:
            raise TypeError("Initialization arguments are not supported")
        self = object.__new__(cls)
        object.__setattr__(self, "_values", {})
        object.__setattr__(self, "_name", _assigned_name("local"))
        object.__setattr__(self, "_init", (args, kwargs))
        object.__setattr__(self, "_inited", {_my_tid()})  # its __init__ runs in this thread now
        _LOCALS.add(self)
        return self

    def _mine(self):
        """This thread's values, after the subclass's __init__ has run in this thread (once)."""
        tid = _my_tid()
        inited = object.__getattribute__(self, "_inited")
        if tid not in inited:
            inited.add(tid)
            init = type(self).__init__
            if init is not object.__init__:
                args, kwargs = object.__getattribute__(self, "_init")
                init(self, *args, **kwargs)
        return object.__getattribute__(self, "_values").setdefault(tid, _OwnAttributes())

    def __setattr__(self, attr, value):
        if attr == "__dict__":
            raise local._read_only(self)
        local._mine(self)[attr] = value
        _call("local_set", name=object.__getattribute__(self, "_name") + "." + attr, text=str(value))

    def __delattr__(self, attr):
        if attr == "__dict__":
            raise local._read_only(self)
        mine = local._mine(self)
        try:
            _call("local_del", name=object.__getattribute__(self, "_name") + "." + attr)
        except AttributeError:
            if sys.version_info < (3, 11):  # as CPython words it
                raise AttributeError(attr) from None
            raise local._no_attribute(self, attr) from None
        del mine[attr]

    def _read_only(self):
        return AttributeError("'%s' object attribute '__dict__' is read-only" % local._shown(self))

    def _no_attribute(self, attr):
        return AttributeError("'%s' object has no attribute '%s'" % (local._shown(self), attr))

    def _shown(self):
        kind = type(self)
        return "_thread._local" if kind is local else kind.__name__

    def __getattribute__(self, attr):
        if attr == "__dict__":  # the thread's own attributes, as CPython's
            return local._mine(self)
        if attr in _LOCAL_OWN or attr.startswith("__") and attr.endswith("__"):
            return object.__getattribute__(self, attr)
        mine = local._mine(self)
        if attr not in mine:
            try:  # a class attribute or a method: the same in every thread
                return object.__getattribute__(self, attr)
            except AttributeError:
                pass
        name = object.__getattribute__(self, "_name") + "." + attr
        try:
            _call("local_get", name=name)  # the engine raises AttributeError if unbound here
        except AttributeError:
            if attr not in mine:
                raise local._no_attribute(self, attr) from None
            # bound through __dict__ (data.__dict__['y'] = 5), which the engine did not see: now it does
            _call("local_set", name=name, text=str(mine[attr]))
            return mine[attr]
        if attr not in mine:  # unbound through __dict__ (data.__dict__.pop('z')): the engine's too
            _call("local_del", name=name)
            raise local._no_attribute(self, attr)
        return mine[attr]


def _ident_of(tid):
    """A thread's ident: CPython's are addresses that differ per run; these are the same for the same program and
    seed."""
    return 139_000_000_000_000 + tid * 4096


_dangling = weakref.WeakSet()  # every Thread made and not yet collected, as CPython's (its tests count them)


class Thread:
    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None):
        assert group is None, "group argument must be None for now"  # (CPython's words)
        self._target = target
        self._args = args
        self._kwargs = kwargs or {}
        self._tid = None
        self._started = False
        if name:
            name = str(name)
        else:
            memory = _memory()  # numbered when made, as CPython does (a child process goes on from its parent's)
            name = "Thread-%d" % memory.next_name
            memory.next_name += 1
            # CPython 3.10+ adds the target's name, where it has one (a functools.partial has none)
            if target is not None and sys.version_info >= (3, 10) and hasattr(target, "__name__"):
                name += " (%s)" % target.__name__
        self.name = name
        self._daemonic = current_thread().daemon if daemon is None else bool(daemon)
        self._alive = False
        _dangling.add(self)

    @property
    def daemon(self):
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        if not hasattr(self, "_started"):
            _raise_from(_defined(_real_threading.Thread.daemon.fset), RuntimeError, "Thread.__init__() not called")
        if self._started:
            _raise_from(_defined(_real_threading.Thread.daemon.fset), RuntimeError,
                        "cannot set daemon status of active thread")
        self._daemonic = bool(daemonic)

    def run(self):
        if self._target is not None:
            self._target(*self._args, **self._kwargs)

    def start(self):
        if not hasattr(self, "_started"):
            _raise_from(_defined(_real_threading.Thread.start), RuntimeError, "thread.__init__() not called")
        if self._started:
            _raise_from(_defined(_real_threading.Thread.start), RuntimeError, "threads can only be started once")
        self._started = True
        tid = _next_tid[0]
        _next_tid[0] += 1
        self._tid = tid
        _THREADS[tid] = self
        self._alive = True
        if getattr(self, "_memory", None) is None:  # a process's main thread is given its process's memory
            self._memory = _memory()
        _make_fifos(tid)
        real = _Carrier(self)
        real.start()
        _call("start", child=tid, name=self._lane(), daemon=self.daemon)

    def __deepcopy__(self, memo):
        """A child process's copy of a thread object is the object: it stands for an engine thread."""
        return self

    def _lane(self):
        """The thread's name in the views: in a child process, with the process's name after it."""
        return self.name + self._memory.suffix

    def _error_heading(self):
        return "Exception in thread %s:\n" % self.name

    def _bootstrap(self):
        _only_main_hears_sigterm()
        _local.tid = self._tid
        _local.memory = self._memory
        self._real_ident = _real_threading.get_ident()
        _call("begin", line=0)
        try:
            self._bootstrap_inner()
        except BaseException as e:  # noqa: SystemExit too, as CPython's _bootstrap_inner
            self._uncaught(e)
            _close_channel()
            return
        self._alive = False
        _forget_locals_of(self._tid)
        _call("end")
        _close_channel()

    def _uncaught(self, e):
        """What CPython does with a thread's uncaught exception: threading.excepthook, the program's own where it
        set one (called for a SystemExit too; if it fails, "Exception in threading.excepthook:" and sys.excepthook
        for its error, as CPython's invoke_excepthook), else the default, whose traceback the engine records with
        the thread's error (a SystemExit says nothing). Then the thread ends."""
        _without_runtime_frames(e)
        hook = getattr(_THREADING, "excepthook", excepthook)
        error, traceback = e, None
        if hook is excepthook:
            if isinstance(e, SystemExit):
                error = None
            else:
                traceback = _to_programs_stderr(self._error_heading() + _traceback(e))
        else:
            try:
                _invoke_excepthook(hook, ExceptHookArgs(type(e), e, e.__traceback__, self))
                error = None
            except BaseException as in_hook:  # noqa
                in_hook.__suppress_context__ = True  # (CPython's words: its hook runs outside the handling of e)
                error = _without_runtime_frames(in_hook)
                heading = "Exception in threading.excepthook:\n"
                sys_hook = getattr(sys, "excepthook", None)
                if sys_hook is not None and sys_hook is not sys.__excepthook__:
                    sys.stderr.write(heading)
                    sys_hook(type(in_hook), in_hook, in_hook.__traceback__)
                else:
                    traceback = _to_programs_stderr(heading + _traceback(in_hook))
        self._alive = False
        _forget_locals_of(self._tid)
        if error is None:
            _call("end")
        else:
            _call("end", error=_summary(error), line=_tb_line(error), **({"traceback": traceback} if traceback else {}))

    def join(self, timeout=None):
        if getattr(self, "_tid", None) is None:
            if not hasattr(self, "_started"):
                _raise_from(_defined(_real_threading.Thread.join), RuntimeError, "Thread.__init__() not called")
            _raise_from(_defined(_real_threading.Thread.join), RuntimeError, "cannot join thread before it is started")
        if self._tid == _my_tid():
            _raise_from(_defined(_real_threading.Thread.join), RuntimeError, "cannot join current thread")
        _call("join", target=self._tid, timeout=None if timeout is None else _seconds(max(timeout, 0)))

    def is_alive(self):
        return self._alive

    @property
    def ident(self):
        # CPython's idents are addresses that differ per run; these are the same for the same program and seed
        return None if self._tid is None else _ident_of(self._tid)

    native_id = ident

    def __repr__(self):
        status = "initial"
        if self._started:
            status = "started" if self._alive else "stopped"
        if self.daemon:
            status += " daemon"
        if self.ident is not None:
            status += " %s" % self.ident
        return "<%s(%s, %s)>" % (type(self).__name__, self.name, status)

    if sys.version_info < (3, 9):  # CPython 3.9 removed it (a converted Python 2 program has is_alive)
        isAlive = is_alive

    def getName(self):
        _deprecated("getName() is deprecated, get the name attribute instead")
        return self.name

    def setName(self, name):
        _deprecated("setName() is deprecated, set the name attribute instead")
        self.name = name

    def setDaemon(self, daemonic):
        _deprecated("setDaemon() is deprecated, set the daemon attribute instead")
        self.daemon = daemonic

    def isDaemon(self):
        _deprecated("isDaemon() is deprecated, get the daemon attribute instead")
        return self.daemon


def _defined(function):
    """Where a function is written: (its file, the line of its def, its name)."""
    code = function.__code__
    return code.co_filename, code.co_firstlineno, code.co_name


_parsed_files = {}


def _defined_in(path, owner, name):
    """Where method `name` of class `owner` (a function of the module for None) is written in the file `path` of the
    standard library, read without importing it (the program's sees our model under its name): (file, line, name),
    or None."""
    tree = _parsed_files.get(path)
    if tree is None:
        try:
            tree = _parsed_files[path] = ast.parse("".join(linecache.getlines(path)))
        except (SyntaxError, ValueError):
            return None
    for node in tree.body:
        if owner is None and isinstance(node, ast.FunctionDef) and node.name == name:
            return path, node.lineno, name
        if isinstance(node, ast.ClassDef) and node.name == owner:
            for item in node.body:
                if isinstance(item, ast.FunctionDef) and item.name == name:
                    return path, item.lineno, name
    return None


def _source_of(where):
    """The lines of CPython's function at `where` (see _defined), from its def (or its decorators) to its end, each
    with its number in the file; none where the interpreter's source is not there to read."""
    if where is None:
        return []
    path, first, name = where
    lines = linecache.getlines(path)
    if not 2 <= first <= len(lines):
        return []
    indent = len(lines[first - 1]) - len(lines[first - 1].lstrip())
    decorators = lines[first - 1].lstrip().startswith("@")  # (a property's setter: its def comes after them)
    source = [(first, lines[first - 1])]
    for number in range(first + 1, len(lines) + 1):
        text = lines[number - 1]
        found = text.strip()
        if decorators:
            decorators = not found.startswith(("def ", "async def "))
        elif found and not found.startswith("#") and len(text) - len(text.lstrip()) <= indent:
            break  # the function ends: the line is not in it
        source.append((number, text))
    return source


def _cpython_function(where):
    """CPython's own pure-Python function (threading.Thread.run, Timer.run), compiled from its source (`where`, see
    _defined) under its file's name and at its own lines: it runs as CPython's does, and a traceback through it
    shows the frame CPython's shows. None where the interpreter's source is not there to read."""
    source = _source_of(where)
    if not source:
        return None
    path, first, name = where
    indented = source[0][1][0].isspace()
    # a class around a method keeps its columns (3.11's marks under a line are placed by them)
    text = "\n" * (first - 2) + ("class _:\n" if indented else "") + "".join(line for _, line in source)
    namespace = {}
    try:
        exec(compile(text, path, "exec"), namespace)
    except SyntaxError:
        return None
    made = getattr(namespace["_"], name, None) if indented else namespace.get(name)
    return made if made is not None and made.__code__.co_firstlineno == first else None


def _cpython_line(where, text, parameters="self", occurrence=1, then=None):
    """A function named as CPython's function at `where` (threading.Thread._bootstrap_inner) whose code is the one
    line of it that reads `text` ("self.run()"; the `occurrence`th such line), at that line's number in its file,
    calling what CPython's calls (with `parameters`, the names the line reads; `then`, a statement after it, such
    as "return result"): a frame of it shows in a traceback as CPython's does. None where the source is not there
    to read."""
    for number, line in _source_of(where)[1:]:
        if line.strip() != text:
            continue
        occurrence -= 1
        if occurrence == 0:
            source = "\n" * (number - 2) + "def %s(%s):\n" % (where[2], parameters) + line
            if then is not None:
                source += "\n" + line[:len(line) - len(line.lstrip())] + then + "\n"
            namespace = {}
            exec(compile(source, where[0], "exec"), namespace)
            return namespace[where[2]]
    return None


class _Carrier(_real_threading.Thread):
    """The real thread a program's thread runs on: its outer frames are CPython's own threading.py's, as a
    traceback.print_stack() in the thread shows them (the runtime's frames below them are hidden)."""

    def __init__(self, thread):
        _real_threading.Thread.__init__(self, daemon=True)
        self._thread = thread

    def run(self):
        self._thread._bootstrap()


# A thread's frames below the program's are CPython's own, as python3 shows them in a traceback
Thread.run = _cpython_function(_defined(_real_threading.Thread.run)) or Thread.run
Thread._bootstrap_inner = _cpython_line(_defined(_real_threading.Thread._bootstrap_inner), "self.run()") \
    or (lambda self: self.run())
_invoke_excepthook = _cpython_line(_defined(_real_threading._make_invoke_excepthook()), "hook(args)", "hook, args") \
    or (lambda hook, args: hook(args))


class _MainThread(Thread):
    def __init__(self):
        self.name = "MainThread"
        self._daemonic = False
        self._tid = 0
        self._alive = True
        self._started = True


_THREADS = {}


class Timer(Thread):
    """threading.Timer, as CPython writes it: a thread that waits on an event for the interval."""

    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()

    def cancel(self):
        self.finished.set()

    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


Timer.run = _cpython_function(_defined(_real_threading.Timer.run)) or Timer.run


def active_count():
    return _call("active_count")


def activeCount():
    _deprecated("activeCount() is deprecated, use active_count() instead")
    return active_count()


def _enumerate():
    alive = [t for t in _THREADS.values() if t.is_alive()]
    return [_MAIN] + alive


def current_thread():
    return _THREADS.get(_my_tid()) or _MAIN


def currentThread():
    _deprecated("currentThread() is deprecated, use current_thread() instead")
    return current_thread()


def _deprecated(message):
    """As CPython 3.10 and newer warn of threading's camelCase names (Python 2's), at the program's line: shown on
    stderr once a line, where the call is the program's own (the warnings module's default filters)."""
    if sys.version_info >= (3, 10):
        import warnings
        warnings.warn(message, DeprecationWarning, stacklevel=3)


def main_thread():
    return _MAIN


def _time_now():
    """The run's clock: within a grant whose first tick the engine said, the tick of the points gone through (as
    the engine will count them, one a point), else the engine's answer."""
    g = getattr(_local, "grant", None)
    if g is not None and g.clock_end is not None:
        return (g.clock_end - g.budget) / 1000000  # Kernel.TICKS_PER_SECOND: the same division as the engine's
    return _call("time")


def _named_as(name, function):
    """`function`, named as the function of CPython's it stands for (Thread(target=time.sleep) is "Thread-1
    (sleep)", as there)."""
    function.__name__ = function.__qualname__ = name
    return function


def _virtual_clock(time_module):
    """time.*: the run's clock. In sim and cooperative mode the virtual one, which starts at 0 (the epoch), so the
    same seed gives the same output; in os mode the real one, the date and time of day included, as CPython's
    (the engine's clock counts from the run's start: the wall clock is that start's real time plus it)."""
    real = {name: getattr(time_module, name) for name in ("ctime", "localtime", "gmtime", "strftime", "time")}
    start = []  # os mode: the real time at the engine's 0, taken at the first reading

    def wall():
        now = _time_now()
        if not _OS:
            return now
        if not start:
            start.append(real["time"]() - now)
        return start[0] + now

    functions = dict(
        sleep=_sleep, time=wall, monotonic=lambda: _time_now(), perf_counter=lambda: _time_now(),
        time_ns=lambda: int(wall() * 1e9),
        ctime=lambda secs=None: real["ctime"](wall() if secs is None else secs),
        localtime=lambda secs=None: real["localtime"](wall() if secs is None else secs),
        gmtime=lambda secs=None: real["gmtime"](wall() if secs is None else secs),
        strftime=lambda fmt, t=None: real["strftime"](fmt, real["localtime"](wall()) if t is None else t))
    for name, function in functions.items():
        setattr(time_module, name, _named_as(name, function))
    sys.modules["datetime"] = _datetime_on(wall)


def _datetime_on(clock):
    """The datetime module whose now(), today() and utcnow() read clock, as time.time() does."""
    import datetime as real

    class datetime(real.datetime):
        @classmethod
        def now(cls, tz=None):
            return cls.fromtimestamp(clock(), tz)

        @classmethod
        def today(cls):
            return cls.fromtimestamp(clock())

        @classmethod
        def utcnow(cls):
            return cls.utcfromtimestamp(clock())

    class date(real.date):
        @classmethod
        def today(cls):
            return cls.fromtimestamp(clock())

    module = types.ModuleType("datetime")
    module.__dict__.update({k: v for k, v in real.__dict__.items() if not k.startswith("__")})
    module.datetime, module.date = datetime, date
    datetime.__module__ = date.__module__ = "datetime"
    return module


def _sleep(seconds):
    _call("sleep", seconds=_seconds(seconds))


def _print(*args, sep=" ", end="\n", file=None, flush=False):
    """print: what CPython's prints, as one write (one point), to sys.stdout (the program's, see _ProgramStdout,
    or the one it redirected to) unless told otherwise. CPython writes each piece apart; to a buffered stdout that
    comes to the same, but on stderr, which it writes through, another thread's line may come between two pieces."""
    for name, given in (("sep", sep), ("end", end)):
        if given is not None and not isinstance(given, str):
            raise TypeError("%s must be None or a string, not %.200s" % (name, type(given).__name__))
    text = (" " if sep is None else sep).join(str(a) for a in args) + ("\n" if end is None else end)
    if file is None:
        file = sys.stdout
        if file is None:  # (sys.stdout = None: CPython's print writes nothing)
            return
    file.write(text)
    if flush:
        file.flush()


_print.__name__ = _print.__qualname__ = "print"  # (a thread whose target it is is "Thread-1 (print)")


class _WriteOnly:
    """What the program's stdout and stderr, and their buffers, say of themselves: written to, never read, no
    position, no terminal, no file descriptor of the program's (fd 1 is the runtime's: the children's output, or on
    Windows its channel to the engine)."""

    def writable(self):
        return True

    def readable(self):
        return False

    def seekable(self):
        return False

    def isatty(self):
        return False

    def fileno(self):
        raise io.UnsupportedOperation("fileno")

    def writelines(self, lines):
        for line in lines:
            self.write(line)


class _ProgramBuffer(_WriteOnly):
    """sys.stdout.buffer and sys.stderr.buffer: bytes written there are the program's text (UTF-8, as a terminal
    here reads it). io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8") wraps it as it wraps CPython's; closing
    the wrapper (also when it is let go) closes the program's stdout, as there."""
    mode = "wb"

    def __init__(self, text):
        self._text = text
        self._decoder = codecs.getincrementaldecoder("utf-8")("replace")
        self.name = text.name

    def write(self, data):
        try:
            data = memoryview(data).tobytes()
        except TypeError:
            raise TypeError("a bytes-like object is required, not '%s'" % type(data).__name__) from None
        text = self._decoder.decode(data)
        if text:
            self._text.write(text)
        return len(data)

    def flush(self):
        pass

    def close(self):
        self._text.close()

    @property
    def closed(self):
        return self._text.closed


class _TextIOWrapper(io.TextIOWrapper):
    """io.TextIOWrapper as the program sees it: over sys.stdout.buffer (or stderr's) it writes through, so that
    each write reaches the program's stdout at once, from the thread that wrote it (else it waited in the
    wrapper's block, and went out with a later print of another thread, or never, after the main code's end)."""

    def __init__(self, buffer, *args, **kwargs):
        if isinstance(buffer, _ProgramBuffer):
            if len(args) >= 5:  # (encoding, errors, newline, line_buffering, write_through)
                args = args[:4] + (True,) + args[5:]
            else:
                kwargs["write_through"] = True
        super().__init__(buffer, *args, **kwargs)


_TextIOWrapper.__name__ = _TextIOWrapper.__qualname__ = "TextIOWrapper"
_TextIOWrapper.__module__ = "_io"


class _ProgramStdout(_WriteOnly):
    """The program's sys.stdout: what it writes (print to it, sys.stdout.write, a module's print) is output, a
    point of the engine, as _print's. The protocol has the real stdout; a thread of the runtime's own writes to
    stderr."""
    encoding = "utf-8"
    errors = "strict"
    newlines = None
    line_buffering = True
    write_through = False
    closed = False
    mode = "w"
    name = "<stdout>"
    _op = "print"

    def __init__(self):
        self.buffer = _ProgramBuffer(self)

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError("write() argument must be str, not %s" % type(text).__name__)
        if self.closed:
            raise ValueError("I/O operation on closed file.")
        if getattr(_local, "tid", None) is None:
            return _real_stderr.write(text)
        _call(self._op, text=text)
        return len(text)

    def reconfigure(self, *, encoding=None, errors=None, newline=None, line_buffering=None, write_through=None):
        """As CPython's: here the text is UTF-8 already and each write is shown at once, whatever is asked."""

    def flush(self):
        if self.closed:
            raise ValueError("I/O operation on closed file.")

    def close(self):
        self.closed = True


class _ProgramStderr(_ProgramStdout):
    """The program's sys.stderr: what it writes there (logging's messages, print(..., file=sys.stderr), the
    default excepthook) is the run's stderr, as a terminal shows it under python3, and a point of the engine."""
    _op = "stderr"
    name = "<stderr>"


def _input(prompt=""):
    """input(): the run's answers (the CLI's --input), one per call; EOFError when there are no more, as CPython."""
    answer = _call("input", prompt=str(prompt))
    if answer is None:
        raise EOFError("EOF when reading a line")
    return answer


_input.__name__ = _input.__qualname__ = "input"


class _ProgramStdin:
    """The program's sys.stdin: each line it reads is one answer, as input() reads them (the CLI's --input, the
    keyboard bar); the end of the answers is the end of the file."""
    encoding = "utf-8"

    def readline(self, size=-1):
        try:
            return _input("") + "\n"
        except EOFError:
            return ""

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def read(self, size=-1):
        return "".join(iter(self.readline, ""))

    def readlines(self, hint=-1):
        return list(self)

    def isatty(self):
        return False

    def readable(self):
        return True


def _only_main_hears_sigterm():
    """Python runs signal handlers in the main thread: a SIGTERM that woke another thread would go unheard."""
    import signal
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})


def _say_where_and_go(signum, frame):
    """SIGTERM (the watchdog ending a stalled program): each thread's line in the program, then exit."""
    names = {getattr(t, "_real_ident", None): t.name for t in _THREADS.values()}
    names[_MAIN._real_ident] = _MAIN.name
    for ident, f in sys._current_frames().items():
        while f is not None and f.f_code.co_filename != _program_file:
            f = f.f_back
        if f is not None and ident in names:
            _real_stderr.write("interleave-stack\t%s\t%d\n" % (names[ident], f.f_lineno))
    _real_stderr.flush()
    _real_exit(0)


_RUNTIME_FOLDER = os.path.dirname(os.path.abspath(__file__))


def _runtime_code(code):
    return os.path.dirname(code.co_filename) == _RUNTIME_FOLDER


def _conversions_own(code):
    """The old_div that the conversion of a Python 2 program defines (interleave_py2.OLD_DIV, Python 2's / between
    ints): its frame is not the program's, and a traceback ends on the program's line that divides instead, as
    under Python 2."""
    return _CONVERTED and code.co_name == "<lambda>" and code.co_filename == _program_file \
        and code.co_firstlineno in _old_div_lines()


def _old_div_lines():
    global _OLD_DIV_LINES
    if _OLD_DIV_LINES is None:
        from interleave_py2 import OLD_DIV
        _OLD_DIV_LINES = {n for n, text in enumerate(linecache.getlines(_program_file), 1) if OLD_DIV in text}
    return _OLD_DIV_LINES


_OLD_DIV_LINES = None


def _without_runtime_frames(e, _seen=None):
    """Takes the runtime's own frames (its calls that read an attribute or an item for the program, a thread's
    start, the main code's exec) out of the traceback of e and of the exceptions it was raised from or while
    handling: any display of it, the interpreter's or the program's own hook's, then shows the frames python3 would
    show, the program's and the standard library's. Returns e."""
    seen = set() if _seen is None else _seen
    error = e
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        kept = []
        tb = error.__traceback__
        while tb is not None:
            if not _runtime_code(tb.tb_frame.f_code) and not _conversions_own(tb.tb_frame.f_code):
                kept.append(tb)
            tb = tb.tb_next
        for earlier, later in zip(kept, kept[1:]):
            earlier.tb_next = later
        if kept:
            kept[-1].tb_next = None
        error.__traceback__ = kept[0] if kept else None
        _without_runtime_frames(error.__cause__, seen)
        error = error.__context__
    return e


class _StderrOfThisThread:
    """sys.stderr for a moment: what this thread writes is kept, what the others write goes where it went. Two
    threads' displays may overlap (one's exception's __str__ is a scheduling point; os mode): each capture passes
    everything on once finished, and the last to finish takes the finished ones out (see _displayed)."""

    def __init__(self, others):
        self._others = others
        self._ident = _real_threading.get_ident()
        self.parts = []
        self.finished = False

    def _mine(self):
        return not self.finished and _real_threading.get_ident() == self._ident

    def write(self, text):
        if self._mine():
            self.parts.append(text)
            return len(text)
        return self._others.write(text)

    def flush(self):
        if not self._mine() and self._others is not None:
            self._others.flush()

    def __getattr__(self, name):
        return getattr(self._others, name)


def _traceback(e):
    """An uncaught exception as this Python prints it, from the frames python3 would show (see _displayed)."""
    _without_runtime_frames(e)
    return _displayed(type(e), e, e.__traceback__)


def _displayed(kind, e, tb):
    """An uncaught exception as this Python's own display prints it (the chain of exceptions, 3.11's marks under
    the failing part, "Did you mean" where the version says it). Into a string: the engine records it as the run's
    stderr."""
    capture = _StderrOfThisThread(sys.stderr)
    sys.stderr = capture
    try:
        if _CONVERTED:  # (the interpreter's own display reads the lines from the file, which is Python 2; this
            import traceback  # one reads the converted lines, which ran; imported only here: rarely needed)
            traceback.print_exception(kind, e, tb)
        else:
            sys.__excepthook__(kind, e, tb)
    finally:
        capture.finished = True
        while isinstance(sys.stderr, _StderrOfThisThread) and sys.stderr.finished:
            sys.stderr = sys.stderr._others  # (another display's, begun after this one, may still be on)
    return "".join(capture.parts)


def _to_programs_stderr(traceback):
    """Where an uncaught exception's traceback goes: to the stream the program made its sys.stderr (a StringIO,
    sys.stdout), as CPython prints it there (then None); else it is the run's stderr, returned for the engine."""
    if sys.stderr is None or sys.stderr is sys.__stderr__:
        return traceback
    try:
        sys.stderr.write(traceback)
    except Exception:  # noqa: a stream that cannot take it: the run's stderr has it then
        return traceback
    try:
        sys.stderr.flush()
    except Exception:  # noqa: as CPython's display, which does not mind a stream without flush
        pass
    return None


def _uncaught_in_main(e):
    """What python3 does with the main thread's uncaught exception: sys.excepthook, the program's own where it set
    one (what that prints is the program's output), else the interpreter's display. The text for the run's stderr
    (None where the program's hook printed its own)."""
    _without_runtime_frames(e)
    hook = getattr(sys, "excepthook", None)
    if hook is None or hook is sys.__excepthook__:
        return _to_programs_stderr(_traceback(e))
    try:
        hook(type(e), e, e.__traceback__)
        return None
    except BaseException as broken:  # noqa: CPython prints both, in these words
        if broken.__context__ is e:  # CPython's hook runs outside the handling of e
            broken.__context__ = None
        return _to_programs_stderr("Error in sys.excepthook:\n%s\nOriginal exception was:\n%s" % (
            _traceback(broken), _traceback(e)))


def _summary(e):
    """"Kind: message", the engine's record of an error; in CPython's words where the exception's str() fails."""
    try:
        text = str(e)
    except Exception:  # noqa: whatever its __str__ raises
        text = "<exception str() failed>"
    return "%s: %s" % (type(e).__name__, text)


def _tb_line(e):
    tb = e.__traceback__
    line = 0
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == _program_file:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


_MAIN = _MainThread()


class Empty(Exception):
    pass


class Full(Exception):
    pass


_EXCEPTIONS["Empty"] = Empty
_EXCEPTIONS["Full"] = Full
_items = {}
_item_ids = [0]


class Queue(_Primitive):
    """queue.Queue: the engine keeps the order and the rules; the items themselves stay here, by number."""
    _kind = "Queue"

    def __init__(self, maxsize=0):
        own = [hook for hook in ("_init", "_qsize", "_put", "_get")
               if any(hook in vars(c) for c in type(self).__mro__ if c not in _RUNTIME_QUEUES)]
        if own:  # the engine keeps a queue's order (FIFO, LIFO, by priority): a store of the program's own is not
            raise NotImplementedError(
                "%s's own %s %s not modelled by Interleave: the engine keeps a queue's items in the order of "
                "queue.Queue, LifoQueue or PriorityQueue; subclass one of those without changing how it stores its "
                "items (overriding put or get works)" % (type(self).__name__, ", ".join(own), "is" if len(own) == 1
                                                        else "are"))
        super().__init__(maxsize)

    def put(self, item, block=True, timeout=None):
        _item_ids[0] += 1
        n = _item_ids[0]
        _items[n] = item
        try:
            _queue_call("put", Full, block, timeout, obj=self._id, item=n)
        except BaseException:  # (Full, or a timeout that is no number)
            del _items[n]
            raise

    def get(self, block=True, timeout=None):
        return _items.pop(_queue_call("get", Empty, block, timeout, obj=self._id))

    def put_nowait(self, item):
        return _as_cpython_queue("put_nowait")(self, item)

    def get_nowait(self):
        return _as_cpython_queue("get_nowait")(self)

    def task_done(self):
        _call("task_done", obj=self._id)

    def join(self):
        _call("queue_join", obj=self._id)

    def qsize(self):
        return _call("qsize", obj=self._id)

    def empty(self):
        return self.qsize() == 0

    def full(self):
        return _call("full", obj=self._id)

    @property
    def queue(self):
        """CPython's deque of the items, first out first: here a copy, in the engine's order (programs read it)."""
        return collections.deque(_items[n] for n in _call("queue_items", obj=self._id))

    unfinished_tasks = _engine_attribute("unfinished_tasks")

    maxsize = _engine_attribute("maxsize")

    @maxsize.setter
    def maxsize(self, value):  # as in CPython, read at the next put
        _call("set_maxsize", obj=self._id, value=value)


def _as_cpython_queue(name):
    """CPython's own queue.Queue.`name` (put_nowait, get_nowait), read from its file at the first need: a
    traceback through it is as under python3."""
    return _stand_in(("queue", name), lambda: _cpython_function(_defined_in(_stdlib_file("queue.py"), "Queue", name))
                     or (lambda q, *item: getattr(q, name[:3])(*item, block=False)))


def _queue_call(method, kind, block, timeout, **request):
    """The engine's answer to a queue's put or get; where it is Full or Empty (`kind`), that raised as CPython's
    queue.Queue.`method` raises it, from its line for a call that does not block or for one whose timeout ran out.
    A timeout is read as queue.py reads it (`timeout < 0`, `time() + timeout`)."""
    if block and timeout is not None:
        if method == "put" and _call("maxsize", obj=request["obj"]) <= 0:
            timeout = None  # queue.py reads a put's timeout only for a bounded queue (SimpleQueue never does)
        else:
            timeout < 0  # (a timeout that is no number raises its TypeError here, as in queue.py)
            timeout = 0.0 + timeout
    try:
        return _call(method, block=block, timeout=timeout, **request)
    except kind:
        pass  # (raised outside this handler: CPython's has no exception before it)
    _raise_from(_defined_in(_stdlib_file("queue.py"), "Queue", method), kind, occurrence=2 if block else 1)


class _OrderedQueue(Queue):
    """A queue whose items leave in another order than they came (LifoQueue, PriorityQueue): the engine keeps the
    count, the waits and task_done, as for Queue (its lane shows counts, not items); which item leaves is the
    structure's here, as it is CPython's own _put and _get there."""

    def __init__(self, maxsize=0):
        super().__init__(maxsize)
        self._box = []

    def put(self, item, block=True, timeout=None):
        _queue_call("put", Full, block, timeout, obj=self._id, item=0)
        with _box_ready:
            self._add(item)
            _box_ready.notify_all()

    def get(self, block=True, timeout=None):
        _queue_call("get", Empty, block, timeout, obj=self._id)
        with _box_ready:
            while not self._box:  # os mode: the thread that put it has it counted and is about to add it
                _box_ready.wait()
            return self._take()

    @property
    def queue(self):
        """CPython's own structure: the list (LifoQueue) or the heap (PriorityQueue) of the items."""
        with _box_ready:
            return list(self._box)

    def __deepcopy__(self, memo):
        copy = super().__deepcopy__(memo)
        import copy as copying
        copy._box = copying.deepcopy(self._box, memo)
        return copy


_box_ready = _real_threading.Condition(_real_threading.Lock())


class LifoQueue(_OrderedQueue):
    def _add(self, item):
        self._box.append(item)

    def _take(self):
        return self._box.pop()


class PriorityQueue(_OrderedQueue):
    def _add(self, item):
        heapq.heappush(self._box, item)

    def _take(self):
        return heapq.heappop(self._box)


class SimpleQueue(Queue):
    """queue.SimpleQueue: an unbounded Queue without task_done and join."""

    def __init__(self):
        super().__init__(0)

    # CPython's is C code: its Empty comes with no frame of queue.py
    def get(self, block=True, timeout=None):
        return _items.pop(_call("get", obj=self._id, block=block, timeout=None if timeout is None or not block
                                else _seconds(timeout)))

    def get_nowait(self):
        return self.get(False)

    def put_nowait(self, item):
        return self.put(item, False)

    def task_done(self):
        raise AttributeError("'_queue.SimpleQueue' object has no attribute 'task_done'")

    def join(self):
        raise AttributeError("'_queue.SimpleQueue' object has no attribute 'join'")


_RUNTIME_QUEUES = (Queue, _OrderedQueue, LifoQueue, PriorityQueue)  # (not the program's: see Queue.__init__)


def _as_cpython_names_them():
    """The program's threading and queue classes carry CPython's module names (the runtime itself runs as module
    __main__, which is the program's): type(), tracebacks and reprs show them as CPython does, and neither the
    views nor a forked child take them for classes of the program."""
    for cls, module, name in ((Lock, "_thread", "lock"), (RLock, "_thread", "RLock"), (local, "_thread", "_local"),
                              (Empty, "_queue", "Empty"), (SimpleQueue, "_queue", "SimpleQueue")):
        cls.__module__, cls.__name__, cls.__qualname__ = module, name, name
    for cls in (Semaphore, BoundedSemaphore, Event, Condition, Barrier, BrokenBarrierError, Thread, Timer,
                _MainThread, ExceptHookArgs):
        cls.__module__ = "threading"
    for cls in (Queue, LifoQueue, PriorityQueue, Full):
        cls.__module__ = "queue"


def _thread_module():
    """_thread (Python 2's thread, as lib2to3 names it): start_new_thread starts one of the scheduler's threads,
    a daemon, as CPython's low-level threads end with the program; its locks are the scheduler's Locks."""
    m = types.ModuleType("_thread")

    def start_new_thread(function, args, kwargs=None):
        t = Thread(target=function, args=tuple(args), kwargs=kwargs or {}, daemon=True)
        t.start()
        return t.ident

    def exit_thread():
        raise SystemExit

    m.start_new_thread = m.start_new = start_new_thread
    m.allocate_lock = m.allocate = Lock
    m.LockType = Lock
    m.RLock = RLock
    m.get_ident = get_ident
    m.error = RuntimeError
    m.exit = m.exit_thread = exit_thread
    m.TIMEOUT_MAX = _real_threading.TIMEOUT_MAX
    m._local = local
    m._count = lambda: sum(1 for t in list(_THREADS.values()) if t is not _MAIN and t._alive)
    return m


def _queue_module():
    m = types.ModuleType("queue")
    m.__file__ = _stdlib_file("queue.py")  # (as CPython's: an ImportError names it, programs print it)
    for name in ("Queue", "Empty", "Full", "LifoQueue", "PriorityQueue", "SimpleQueue"):
        setattr(m, name, globals()[name])
    return m


def _cores():
    """os.cpu_count() as the program sees it: the run's virtual cores (the machine's own in os mode)."""
    cores = int(os.environ.get("INTERLEAVE_CORES", "0"))
    return _real_cpu_count() or 1 if _OS or cores < 1 else cores


_real_cpu_count = os.cpu_count
_real_exit = os._exit  # the runtime's own way out (a program's os._exit in a child process ends that process only)


def _process_parts():
    """What the processes module needs of the runtime."""
    return types.SimpleNamespace(
        Memory=_Memory, memory=_memory, memory_access=_memory_access, PARENT=_PARENT, G=_G, call=_call,
        is_shared_int=_is_shared_int, label=_G._label, containers=_CONTAINERS, cores=_cores, Thread=Thread,
        THREADS=_THREADS, current_thread=current_thread, named=_named, named_event=_named_event, Empty=Empty,
        assigned_name=_assigned_name, Lock=Lock, RLock=RLock, Semaphore=Semaphore, BoundedSemaphore=BoundedSemaphore,
        Event=Event, Condition=Condition, Barrier=Barrier, Queue=Queue, new_random=_new_random,
        children_wrote=_children_wrote, os_mode=_OS, exit_status=_exit_status, cpython_function=_cpython_function,
        cpython_line=_cpython_line, defined_in=_defined_in, stand_in=_stand_in)


def _exit_status(code):
    """A process's exit status as the system keeps it: its low byte on POSIX (sys.exit(256) is 0), whole elsewhere."""
    return code & 0xFF if os.name == "posix" else code


def _children_wrote():
    """What the program's child processes wrote on their stdout since the last time, written now as the program's
    output by the thread that waited for one (see interleave_children)."""
    text = _children.take()
    if text and not _PROGRAM_STDOUT.closed:  # the program's stdout as it was made, not one the program
        _PROGRAM_STDOUT.write(text)  # redirected (a child writes to fd 1)


def _new_random(pid):
    """A process's random numbers: from the run's seed (sim, cooperative), so that the same seed gives the same
    run; each child its own, as CPython reseeds random in a forked child (os mode: from the system, as CPython)."""
    import random
    seed = None if _OS else int(os.environ.get("INTERLEAVE_SEED", "0")) * 1_000_003 + pid
    return random.Random(seed)


def _random_per_process():
    """random.random(), randint(), ...: the current process's own generator."""
    import random
    _PARENT.random = _new_random(_PARENT.pid)
    for name in dir(random.Random):
        if not name.startswith("_") and callable(getattr(random, name, None)) \
                and getattr(getattr(random, name), "__self__", None) is random._inst:
            setattr(random, name, _named_as(name, (lambda n: lambda *a, **k: getattr(_memory().random, n)(*a, **k))
                                            (name)))


ExceptHookArgs = collections.namedtuple("ExceptHookArgs", "exc_type exc_value exc_traceback thread")


def excepthook(args):
    """threading.excepthook as CPython's: the uncaught exception of a thread, on stderr. A thread's error goes to the
    engine (its traceback is the run's stderr) unless the program sets a hook of its own, which is then called."""
    if args.exc_type is SystemExit:
        return
    name = args.thread.name if args.thread is not None else "?"
    sys.stderr.write("Exception in thread %s:\n" % name)
    sys.stderr.write(_displayed(args.exc_type, args.exc_value, args.exc_traceback))


def get_ident():
    return current_thread().ident


def _not_modelled(name, instead):
    def call(*args, **kwargs):
        raise NotImplementedError("threading.%s is not modelled by Interleave: %s" % (name, instead))
    call.__name__ = name
    return call


def _stack_size(size=0):
    """threading.stack_size: accepted and kept (threads here run on the interpreter's own stacks)."""
    old, _STACK_SIZE[0] = _STACK_SIZE[0], size
    return old


_STACK_SIZE = [0]
_THREADING = None  # the threading module the program sees, once made


def _threading_module():
    global _THREADING
    m = _THREADING = types.ModuleType("threading")
    m.__file__ = _stdlib_file("threading.py")
    for name in ("Lock", "RLock", "Semaphore", "BoundedSemaphore", "Event", "Condition", "Thread", "Timer",
                 "Barrier", "BrokenBarrierError", "local", "current_thread", "currentThread", "main_thread",
                 "active_count", "activeCount", "excepthook", "ExceptHookArgs", "get_ident"):
        setattr(m, name, globals()[name])
    if hasattr(_real_threading, "__excepthook__"):  # (3.10+)
        m.__excepthook__ = excepthook
    m.ThreadError = RuntimeError  # as in CPython 3: _thread.error is RuntimeError
    m.get_native_id = get_ident
    m.stack_size = _stack_size
    for name in ("settrace", "setprofile", "settrace_all_threads", "setprofile_all_threads"):
        if not hasattr(_real_threading, name):
            continue  # (the _all_threads ones are 3.12's)
        setattr(m, name, _not_modelled(name, "the scheduler traces the program itself; leave the call out"))
    m.enumerate = _enumerate
    m.TIMEOUT_MAX = _real_threading.TIMEOUT_MAX
    m._dangling = _dangling
    m._shutdown = lambda: None  # CPython calls it at exit (the engine has already waited for the threads)
    return m


def _hide_runtime_frames():
    """The traceback module's walks skip the runtime's own frames (its calls that read an attribute or an item for
    the program, a thread's start): the program's traceback.print_exc(), format_exc() and extract_tb() show its
    own frames, as under python3. (Uncaught exceptions are printed by the runtime, from the program's frames.)"""
    import traceback

    def skipping(walk):
        def walk_the_programs(*args, **kwargs):
            for item in walk(*args, **kwargs):
                if not _runtime_code(item[0].f_code):
                    yield item
        return walk_the_programs

    for name in ("walk_tb", "_walk_tb_with_full_positions"):  # (the last is 3.11's)
        walk = getattr(traceback, name, None)
        if walk is not None:
            setattr(traceback, name, skipping(walk))
    walk_stack = skipping(traceback.walk_stack)

    def walk_the_programs_stack(f):
        # outermost, the import machinery that loaded the runtime, which python3 running the file has not
        # and the stand-in of threading's _bootstrap_inner, whose real frame the carrier's stack has
        frames = [item for item in walk_stack(f if f is not None else sys._getframe(1))
                  if item[0].f_code is not Thread._bootstrap_inner.__code__]
        while frames and frames[-1][0].f_code.co_filename.startswith("<frozen importlib"):
            frames.pop()
        return iter(frames)

    traceback.walk_stack = walk_the_programs_stack


def _main_code_done(futures_thread, uses_atexit):
    """What CPython does once the main thread's code is done: the workers of executors not shut down are told to
    end (threading's exit hook of concurrent.futures); then, if the program registers functions with atexit, the
    main thread waits for the other non-daemon threads and runs them, as the interpreter does at its exit. (Only
    then: logging registers one too, and a program that never asked for atexit keeps its main thread's end where
    its code ends.)"""
    _children_wrote()  # what children nobody waited for wrote (CPython shows it as it comes)
    for stream in (sys.stdout, sys.stderr):  # the program's own wrappers: what they hold, written (CPython does
        if not isinstance(stream, _ProgramStdout):  # at its exit; here the threads may still print after it)
            try:
                stream.flush()
            except Exception:  # noqa: a stream the program closed or broke: nothing to write
                pass
    futures_thread._python_exit()
    if uses_atexit:
        import atexit
        if atexit._ncallbacks():
            while True:  # as threading._shutdown: until no other non-daemon thread is left (one may start another)
                waited = [t for t in list(_THREADS.values())
                          if t is not _MAIN and t._alive and not t.daemon and t._memory is _PARENT]
                if not waited:
                    break
                for t in waited:
                    t.join()
            atexit._run_exitfuncs()


def main():
    global _program_file, _PROGRAM_STDOUT
    path = sys.argv[1]
    _program_file = path
    # the program as it was loaded (converted where it had to be), kept beside the runtime; named after its file
    with open(sys.argv[2], encoding="utf-8") as f:
        source = f.read()
    import linecache
    linecache.cache[path] = (len(source), None, source.splitlines(True), path)
    try:
        tree = ast.parse(source, filename=path)
    except SyntaxError as e:
        sys.stderr.write("SyntaxError at line %s: %s\n" % (e.lineno, e.msg))
        sys.exit(3)
    names = module_int_globals(tree)
    _CREATION_NAMES[path] = creation_names(tree)  # (before the rewrite moves things)
    tree = split_at_fork(tree)
    for name in sorted(names):  # numbered before the rewrite writes the numbers into the code
        _G.number(name)
    tree = Rewrite(names, _site).visit(tree)
    ast.fix_missing_locations(tree)
    code = compile(tree, path, "exec")
    _make_fifos(0)
    _MAIN._real_ident = _real_threading.get_ident()
    import signal
    signal.signal(signal.SIGTERM, _say_where_and_go)
    reader = _real_threading.Thread(target=_reader, daemon=True)
    reader.start()
    _local.tid = 0
    _as_cpython_names_them()
    sys.modules["threading"] = _threading_module()
    sys.modules["queue"] = _queue_module()
    if re.search(r"^\s*(import|from)\s+_thread\b", source, re.M):  # only then: the library's own uses stay real
        sys.modules["_thread"] = _thread_module()
    clock = lambda: _time.time()  # noqa: E731 -- the virtual clock once _virtual_clock has set it up
    greenlet, gevent, monkey = coroutine_modules(Thread, _named_event, current_thread, _sleep, clock,
                                                 _real_threading.Lock())
    asyncio = asyncio_module(Thread, _named_event, current_thread, _sleep, _real_threading.Lock(), clock)
    sys.modules.update({"greenlet": greenlet, "gevent": gevent, "gevent.monkey": monkey, "asyncio": asyncio})
    concurrent, futures, futures_thread = futures_module(Thread, Queue, Empty, _named_event,
                                                         lambda name, value: _named(Semaphore, name, value),
                                                         _real_threading.Lock(), clock, _futures_as_in_cpython)
    sys.modules.update({"concurrent": concurrent, "concurrent.futures": futures,
                        "concurrent.futures.thread": futures_thread})
    processes, os_calls, fork_at_top_level, forking_process_request = process_modules(_process_parts())
    # os mode: CPython's own sockets, waited on by CPython's threads (which send their points before they block)
    sys.meta_path.insert(0, LazySockets(_named_event, _sleep, forking_process_request,
                                        _flush_points_before_blocking if _OS else None))
    sys.modules.update(processes)
    for name, call in os_calls.items():  # fork, _exit, wait, waitpid, kill: each process's own
        setattr(os, name, call)
    sys.modules["concurrent.futures.process"] = process_pool_executor(
        futures, processes["multiprocessing"].Pool, _cores)
    os.getpid = lambda: _memory().pid
    os.getppid = lambda: _memory().ppid
    os.cpu_count = _cores
    _random_per_process()
    _virtual_clock(_time)
    # as CPython runs it: the program's own folder first on the path (its own modules import), its name as argv
    sys.path.insert(0, os.path.dirname(os.path.abspath(path)))
    sys.meta_path.insert(0, ProgramModules(sys.path[0], _prepare_module))  # its own modules, instrumented too
    sys.argv = [path]
    sys.stdout = _PROGRAM_STDOUT = _ProgramStdout()
    sys.stderr = _ProgramStderr()
    sys.stdin = _ProgramStdin()
    # the program's too, as in CPython: "sys.stdout = sys.__stdout__" after a redirection gives its stdout back
    # (the runtime's own channels never go through these names)
    sys.__stdout__, sys.__stderr__, sys.__stdin__ = sys.stdout, sys.stderr, sys.stdin
    program = _G.module
    program.update({"__name__": "__main__", "__file__": path, "__rt_globals__": _G,
                    "__rt_read__": _os_global_read if _OS else _global_read,
                    "__rt_write__": _os_global_write if _OS else _global_write, "__rt_step__": _step,
                    "__rt_in_place__": operator,
                    "__rt_fork__": fork_at_top_level, "print": _print, "input": _input, "__builtins__": builtins})
    sys.modules["__main__"] = _G.main_module
    _hide_runtime_frames()
    io.TextIOWrapper = _TextIOWrapper
    _call("begin", line=0)
    uses_atexit = re.search(r"\batexit\b", source) is not None
    try:
        exec(code, program)
    except SystemExit as e:
        # sys.exit("message"): CPython writes the message on stderr
        message = None if e.code is None or isinstance(e.code, int) else "%s\n" % (e.code,)
        if message:
            sys.stderr.write(message)
        _main_code_done(futures_thread, uses_atexit)
        # the process's exit status, as python3's: sys.exit(n) gives n (as the system keeps it: its low byte on
        # POSIX), sys.exit("message") 1
        status = _exit_status(0 if e.code is None else e.code if isinstance(e.code, int) else 1)
        _call("end", **({"exit": status} if status else {}))
    except BaseException as e:  # noqa: reported as the main thread's error
        traceback = _uncaught_in_main(e)
        if uses_atexit and traceback:  # CPython prints it, then waits for the threads and runs the atexit functions
            sys.stderr.write(traceback)
            traceback = None
        _main_code_done(futures_thread, uses_atexit)
        ending = {"traceback": traceback} if traceback else {}
        # python3's exit status after an uncaught exception in the main thread; Ctrl+C's, as a shell shows it
        ending["exit"] = 130 if isinstance(e, KeyboardInterrupt) else 1
        _call("end", error=_summary(e), line=_tb_line(e), **ending)
    else:
        _main_code_done(futures_thread, uses_atexit)
        _call("end")
    # The program's other threads go on: as in CPython the process lives until they are done. The engine decides
    # when that is, and ends the process with the run.
    sys.modules["threading"] = _real_threading
    reader.join()


if __name__ == "__main__":
    main()
