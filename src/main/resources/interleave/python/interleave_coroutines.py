"""The greenlet and gevent modules a program sees under Interleave, built on the runtime's threads and events.

Each greenlet is a thread of the engine, so it has its own lane and every switch is a context switch the engine
makes and draws; exactly one of them runs at a time because every other one waits on its own Event ("switch to
test1"), which the one that runs sets when it switches. Nothing here decides who runs: greenlet's switch() names
the next one itself, and gevent's hub hands control over in the order greenlets became ready, as gevent's loop
does; the engine schedules the threads that result. The real packages, even when installed, would switch stacks
inside one thread, unseen by the scheduler, so a program always gets these.

Modelled: greenlet(run, parent), switch(*args, **kwargs) with its return values, a finished greenlet's value
going to its parent, getcurrent(), dead, GreenletExit; gevent.spawn, sleep (0 yields; more also waits on the
virtual clock), joinall, Greenlet.join / value / ready() / successful() / dead, getcurrent(), and
gevent.monkey.patch_all() (a no-op: time and threading are the scheduler's already).
"""
import collections
import itertools
import types


def modules(Thread, new_event, current_thread, sleep, clock, real_lock):
    """The greenlet, gevent, gevent.monkey and asyncio modules, given the runtime's Thread class, a maker of named
    Events, its current_thread, its sleep and clock (virtual where the run's is) and a lock of CPython's own (for
    a loop's queue only, never held at a point)."""
    gevent, monkey = _gevent_module(Thread, new_event, current_thread, sleep, real_lock, clock)
    asyncio = asyncio_module(Thread, new_event, current_thread, sleep, real_lock, clock)
    return _greenlet_module(Thread, new_event, current_thread), gevent, monkey, asyncio


def _greenlet_module(Thread, new_event, current_thread):
    numbers = itertools.count(1)
    by_thread = {}  # the runtime's thread -> the greenlet it runs

    class GreenletExit(BaseException):
        pass

    class error(Exception):
        pass

    class greenlet:
        def __init__(self, run=None, parent=None):
            if run is not None:
                self.run = run
            self.parent = parent if parent is not None else getcurrent()
            self.dead = False
            self._thread = None
            self._incoming = ((), {})
            self._raise = None
            self._name = "greenlet-%d (%s)" % (next(numbers), getattr(getattr(self, "run", None), "__name__", "?"))
            self._go = new_event("switch to " + self._name)

        def __bool__(self):
            return self._thread is not None and not self.dead

        def switch(self, *args, **kwargs):
            me = getcurrent()
            target = self
            while target.dead:  # as greenlet does: a finished greenlet passes the switch to its parent
                target = target.parent
            if target is me:
                return _values(args, kwargs)
            target._incoming = (args, kwargs)
            if target._thread is None:
                target._thread = Thread(target=target._body, name=target._name, daemon=True)
                target._thread.start()
            else:
                target._go.set()
            return me._wait()

        def throw(self, kind=GreenletExit, value=None, tb=None):
            """Raises the exception in this greenlet, as raise builds it: a class (with an optional value) or an
            instance. One not started yet, or finished, does not run: it ends (or stays dead) at once, and a
            GreenletExit comes back as the value; anything else goes on in the caller."""
            if isinstance(kind, BaseException):
                error = kind
            elif value is None:
                error = kind()
            else:
                error = value if isinstance(value, BaseException) else kind(value)
            if self._thread is None or self.dead:
                self.dead = True
                if isinstance(error, GreenletExit):
                    return error
                raise error
            self._raise = error
            return self.switch()

        def _wait(self):
            """Until another greenlet switches here: what it passed, or what it threw."""
            self._go.wait()
            self._go.clear()
            if self._raise is not None:
                e, self._raise = self._raise, None
                raise e
            args, kwargs = self._incoming
            return _values(args, kwargs)

        def _body(self):
            by_thread[current_thread()] = self
            args, kwargs = self._incoming
            error_up = None
            try:
                result = self.run(*args, **kwargs)
            except GreenletExit as e:
                result = e
            except BaseException as e:  # noqa: as greenlet does, the exception goes on in the parent
                result, error_up = None, e
            self.dead = True
            parent = self.parent
            while parent.dead:
                parent = parent.parent
            if error_up is not None:
                parent._raise = error_up
            parent._incoming = ((result,), {})
            parent._go.set()

        def __repr__(self):
            return "<%s %s>" % (self._name, "dead" if self.dead else "active" if self else "not started")

    def getcurrent():
        t = current_thread()
        g = by_thread.get(t)
        if g is None:  # the thread's main greenlet, running since the thread began
            g = greenlet.__new__(greenlet)
            g.parent, g.dead, g._raise, g._incoming = None, False, None, ((), {})
            g._name = "main greenlet of %s" % t.name
            g._thread = t
            g._go = new_event("switch to " + t.name)
            by_thread[t] = g
        return g

    m = types.ModuleType("greenlet")
    m.greenlet, m.getcurrent, m.GreenletExit, m.error = greenlet, getcurrent, GreenletExit, error
    return m


def _values(args, kwargs):
    """What switch() returns: greenlet's rules."""
    if kwargs:
        return (args, kwargs) if args else kwargs
    return args[0] if len(args) == 1 else args


class _Hub:
    """One loop's turns (gevent's hub, asyncio's event loop): exactly one of its participants runs, the others wait
    for their turn on their own Event, and the turn goes to them in the order they became ready, as both loops run
    their ready callbacks first in, first out. The engine schedules the threads; this only says whose turn it is.
    A participant has a name and an Event _go; whatever runs outside one (MainThread) joins as a _Main."""

    class _Main:
        def __init__(self, name, go):
            self.name = name
            self._go = go

    def __init__(self, Thread, new_event, current_thread, real_lock):
        self.Thread, self.new_event, self.current_thread, self.lock = Thread, new_event, current_thread, real_lock
        self.ready = collections.deque()
        self.holder = None  # whose turn it is (None: nobody's, the next to become ready runs)
        self.by_thread = {}
        self.started = []  # every participant started, for a wait for all

    def current(self):
        t = self.current_thread()
        p = self.by_thread.get(t)
        if p is None:
            p = self.by_thread[t] = _Hub._Main(t.name, self.new_event("run " + t.name))
            with self.lock:
                if self.holder is None:
                    self.holder = p  # the program starts running: it has the turn
        return p

    def start(self, p, body):
        """p runs body on a thread of its own once it has the turn: queued in the order of starting (whichever
        thread the engine starts first), or at once if nobody has the turn."""
        self.current()  # the starter holds the turn from now on if nobody does
        self.started.append(p)
        with self.lock:
            first = self.holder is None
            if first:
                self.holder = p
            else:
                self.ready.append(p)

        def run():
            self.by_thread[self.current_thread()] = p
            p._go.wait()
            p._go.clear()
            body()
        self.Thread(target=run, name=p.name, daemon=True).start()
        if first:
            p._go.set()

    def take(self, p):
        """p waits for its turn (at once if nobody has it)."""
        with self.lock:
            if self.holder is None:
                self.holder = p
                return
            self.ready.append(p)
        p._go.wait()
        p._go.clear()

    def give(self, me=None):
        """The turn to the next ready one; with me, me goes to the end of the queue first, in the same step (so
        that nobody can find the queue without it), and waits for its turn again."""
        with self.lock:
            if me is not None:
                self.ready.append(me)
            nxt = self.ready.popleft() if self.ready else None
            self.holder = nxt
        if nxt is me:
            return  # nobody else was ready: the loop comes straight back
        if nxt is not None:
            nxt._go.set()
        if me is not None:
            me._go.wait()
            me._go.clear()

    def sleep(self, seconds, sleep):
        me = self.current()
        if seconds and seconds > 0:
            self.give()
            sleep(seconds)
            self.take(me)
        else:
            self.give(me)

    def wait_done(self, done_events, timeout, clock):
        """Until each event is set (one deadline for all), letting the others run meanwhile."""
        me = self.current()
        self.give()
        deadline = None if timeout is None else clock() + timeout
        for done in done_events:
            done.wait(None if deadline is None else max(0.0, deadline - clock()))
        self.take(me)


def _gevent_module(Thread, new_event, current_thread, sleep, real_lock, clock):
    numbers = itertools.count(1)
    hub = _Hub(Thread, new_event, current_thread, real_lock)

    class Greenlet:
        def __init__(self, run=None, *args, **kwargs):
            self._run = run
            self._args, self._kwargs = args, kwargs
            self.value = None
            self.exception = None
            self.dead = False
            self.name = "Greenlet-%d (%s)" % (next(numbers), getattr(run, "__name__", "?"))
            self._go = new_event("run " + self.name)
            self._done = new_event(self.name + " done")

        def start(self):
            hub.start(self, self._body)

        def _body(self):
            try:
                self.value = self._run(*self._args, **self._kwargs)
            except BaseException as e:  # noqa: gevent keeps it on the greenlet, and reports it
                self.exception = e
            self.dead = True
            self._done.set()
            hub.give()
            if self.exception is not None:
                raise self.exception  # reported as a thread's uncaught exception is: its error, its traceback

        def ready(self):
            return self.dead

        def successful(self):
            return self.dead and self.exception is None

        def join(self, timeout=None):
            joinall([self], timeout=timeout)

        def get(self):
            self.join()
            if self.exception is not None:
                raise self.exception
            return self.value

        def __repr__(self):
            return "<%s%s>" % (self.name, " dead" if self.dead else "")

    def spawn(run, *args, **kwargs):
        g = Greenlet(run, *args, **kwargs)
        g.start()
        return g

    def joinall(greenlets, timeout=None, raise_error=False):
        waiting = [g for g in greenlets if not g.dead]
        if waiting:
            hub.wait_done([g._done for g in waiting], timeout, clock)
        if raise_error:
            for g in greenlets:
                if g.exception is not None:
                    raise g.exception
        return [g for g in greenlets if g.dead]

    m = types.ModuleType("gevent")
    m.Greenlet, m.spawn, m.joinall, m.getcurrent = Greenlet, spawn, joinall, hub.current
    m.sleep = lambda seconds=0: hub.sleep(seconds, sleep)
    m.wait = lambda objects=None, timeout=None: joinall(list(hub.started) if objects is None else objects, timeout)
    monkey = types.ModuleType("gevent.monkey")
    monkey.patch_all = lambda *a, **k: None
    m.monkey = monkey
    return m, monkey


def asyncio_module(Thread, new_event, current_thread, sleep, real_lock, clock):
    """asyncio's tasks on a _Hub: each Task a thread of the engine (its own lane) driving its coroutine, which
    hands the turn over at each await that waits (a sleep, a task not done yet), in the event loop's order."""
    numbers = itertools.count(1)
    hub = _Hub(Thread, new_event, current_thread, real_lock)

    class CancelledError(BaseException):
        pass

    class _Sleep:
        def __init__(self, seconds):
            self.seconds = seconds

        def __await__(self):
            yield self

    class Task:
        def __init__(self, coro, name=None):
            code = getattr(coro, "cr_code", None)
            self._coro = coro
            self.name = name or "Task-%d (%s)" % (next(numbers), code.co_name if code else "?")
            self._result = None
            self._exception = None
            self._finished = False
            self._go = new_event("run " + self.name)
            self._done = new_event(self.name + " done")
            hub.start(self, self._body)

        def _body(self):
            value = None
            while True:
                try:
                    awaited = self._coro.send(value)
                except StopIteration as e:
                    self._result = e.value
                    break
                except BaseException as e:  # noqa: kept on the task, raised where it is awaited
                    self._exception = e
                    break
                value = None
                if isinstance(awaited, _Sleep):
                    hub.sleep(awaited.seconds, sleep)
                elif isinstance(awaited, Task):
                    if not awaited._finished:
                        hub.wait_done([awaited._done], None, clock)
                else:
                    self._exception = RuntimeError("Task got bad yield: %r" % (awaited,))
                    break
            self._finished = True
            self._done.set()
            hub.give()

        def done(self):
            return self._finished

        def result(self):
            if not self._finished:
                raise RuntimeError("Result is not set.")
            if self._exception is not None:
                raise self._exception
            return self._result

        def exception(self):
            return self._exception

        def get_name(self):
            return self.name

        def __await__(self):
            if not self._finished:
                yield self
            return self.result()

        def __repr__(self):
            return "<Task %s %s>" % ("finished" if self._finished else "pending", self.name)

    def _task(aw):
        return aw if isinstance(aw, Task) else Task(aw)

    async def asleep(delay, result=None):
        await _Sleep(delay)
        return result

    class _Gathering:
        """gather(): the coroutines become tasks at once, as asyncio schedules them; awaited, their results in
        the order given."""

        def __init__(self, aws, return_exceptions):
            self.tasks = [_task(a) for a in aws]
            self.return_exceptions = return_exceptions

        def __await__(self):
            results = []
            for t in self.tasks:
                try:
                    results.append((yield from t.__await__()))
                except Exception as e:  # noqa: as gather's return_exceptions says
                    if not self.return_exceptions:
                        raise
                    results.append(e)
            return results

    def gather(*aws, return_exceptions=False):
        return _Gathering(aws, return_exceptions)

    async def wait(aws, timeout=None, return_when="ALL_COMPLETED"):
        tasks = [_task(a) for a in aws]
        for t in tasks:
            try:
                await t
            except Exception:  # noqa: wait() leaves exceptions on the tasks
                pass
        return set(tasks), set()

    def run(main, debug=None):
        t = _task(main)
        if not t._finished:
            hub.wait_done([t._done], None, clock)
        return t.result()

    class _Loop:
        """get_event_loop()'s loop, for the older style: run_until_complete, create_task, close."""

        def run_until_complete(self, aw):
            return run(aw)

        def create_task(self, coro):
            return Task(coro)

        def close(self):
            pass

    loop = _Loop()

    def current_task():
        p = hub.by_thread.get(current_thread())
        return p if isinstance(p, Task) else None

    m = types.ModuleType("asyncio")
    for name, value in (("run", run), ("sleep", asleep), ("create_task", lambda coro, name=None: Task(coro, name)),
                        ("ensure_future", _task), ("gather", gather), ("wait", wait), ("Task", Task),
                        ("current_task", current_task), ("CancelledError", CancelledError),
                        ("get_event_loop", lambda: loop), ("new_event_loop", lambda: loop),
                        ("set_event_loop", lambda l: None), ("iscoroutine", lambda o: hasattr(o, "cr_code"))):
        setattr(m, name, value)
    return m
