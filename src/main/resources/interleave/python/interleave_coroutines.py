"""The greenlet and gevent modules a program sees under Interleave, built on the runtime's threads and events.

Each greenlet is a thread of the engine, so it has its own lane and every switch is a context switch the engine
makes and draws; exactly one of them runs at a time because every other one waits on its own Event
("→ greenlet-1 (test1)"), which the one that runs sets when it switches. Nothing here decides who runs: greenlet's
switch() names the next one itself, and gevent's hub hands control over in the order greenlets became ready, as gevent's loop
does; the engine schedules the threads that result. The real packages, even when installed, would switch stacks
inside one thread, unseen by the scheduler, so a program always gets these.

Modelled: greenlet(run, parent), switch(*args, **kwargs) with its return values, a finished greenlet's value
going to its parent, getcurrent(), dead, GreenletExit; gevent.spawn, sleep (0 yields; more also waits on the
virtual clock), joinall, Greenlet.join / value / ready() / successful() / dead, getcurrent(), and
gevent.monkey.patch_all() (a no-op: time and threading are the scheduler's already).
"""
import itertools
import types

from interleave_hub import Hub


def modules(Thread, new_event, current_thread, sleep, clock, real_lock):
    """The greenlet, gevent and gevent.monkey modules, given the runtime's Thread class, a maker of named Events,
    its current_thread, its sleep and clock (virtual where the run's is) and a lock of CPython's own (for the
    hub's queue only, never held at a point)."""
    gevent, monkey = _gevent_module(Thread, new_event, current_thread, sleep, real_lock, clock)
    return _greenlet_module(Thread, new_event, current_thread), gevent, monkey


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
            # "→ greenlet-1 (test1)": the switch to it, named without words (so in any language)
            self._go = new_event("\u2192 " + self._name)

        def __bool__(self):
            return self._thread is not None and not self.dead

        def switch(self, *args, **kwargs):
            me = getcurrent()
            target = _living(self)
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
            parent = _living(self.parent)
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
            g._go = new_event("\u2192 " + t.name)
            by_thread[t] = g
        return g

    m = types.ModuleType("greenlet")
    m.greenlet, m.getcurrent, m.GreenletExit, m.error = greenlet, getcurrent, GreenletExit, error
    return m


def _living(g):
    """g, or where greenlet sends what is meant for a finished one: its nearest parent still alive."""
    while g.dead:
        g = g.parent
    return g


def _values(args, kwargs):
    """What switch() returns: greenlet's rules."""
    if kwargs:
        return (args, kwargs) if args else kwargs
    return args[0] if len(args) == 1 else args


def _gevent_module(Thread, new_event, current_thread, sleep, real_lock, clock):
    numbers = itertools.count(1)
    hub = Hub(Thread, new_event, current_thread, real_lock)

    class Greenlet:
        def __init__(self, run=None, *args, **kwargs):
            self._run = run
            self._args, self._kwargs = args, kwargs
            self.value = None
            self.exception = None
            self.dead = False
            self.name = "Greenlet-%d (%s)" % (next(numbers), getattr(run, "__name__", "?"))
            self._go = new_event("\u25b6 " + self.name)  # "▶ Greenlet-1 (foo)": its turn to run
            self._done = new_event(self.name + ".dead")  # as gevent's attribute: set once it has finished

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
