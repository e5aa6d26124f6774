"""The asyncio module a program sees under Interleave: each Task a thread of the engine (its own lane) driving its
coroutine on a Hub, which hands the turn over at each await that waits, in the event loop's order. The real
asyncio would run every task inside one thread, unseen by the scheduler.

Modelled: async def and await, asyncio.run, create_task, ensure_future, gather (with return_exceptions), wait,
sleep on the virtual clock, current_task, and get_event_loop().run_until_complete / create_task / close for the
older style.
"""
import itertools
import os
import types

from interleave_hub import Hub


def module(Thread, new_event, current_thread, sleep, real_lock, clock):
    """asyncio's tasks on a Hub: each Task a thread of the engine (its own lane) driving its coroutine, which
    hands the turn over at each await that waits (a sleep, a task not done yet), in the event loop's order."""
    numbers = itertools.count(1)
    hub = Hub(Thread, new_event, current_thread, real_lock)

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
            self._go = new_event("\u25b6 " + self.name)  # "▶ Task-1 (main)": its turn (no words: any language)
            self._done = new_event(self.name + ".done()")  # as asyncio's Task says it
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

    class NotModelled(NotImplementedError, AttributeError):
        pass

    NotModelled.__name__ = NotModelled.__qualname__ = "NotImplementedError"  # as tracebacks and the views name it
    NotModelled.__module__ = "builtins"
    m = types.ModuleType("asyncio")
    for name, value in (("run", run), ("sleep", asleep), ("create_task", lambda coro, name=None: Task(coro, name)),
                        ("ensure_future", _task), ("gather", gather), ("wait", wait), ("Task", Task),
                        ("current_task", current_task), ("CancelledError", CancelledError),
                        ("get_event_loop", lambda: loop), ("new_event_loop", lambda: loop),
                        ("set_event_loop", lambda l: None), ("iscoroutine", lambda o: hasattr(o, "cr_code"))):
        setattr(m, name, value)
    modelled = sorted(n for n in m.__dict__ if not n.startswith("_"))

    def not_modelled(name):
        """The rest of asyncio (Queue, Lock, wait_for, to_thread, ...): one clear error that says what runs (an
        AttributeError too, so hasattr() and getattr() with a default answer as for any missing attribute)."""
        if name.startswith("_"):
            raise AttributeError("module 'asyncio' has no attribute %r" % name)
        raise NotModelled("asyncio.%s is not modelled by Interleave; what runs of asyncio: %s (and threading, "
                          "queue and concurrent.futures in full)" % (name, ", ".join(modelled)))

    m.__getattr__ = not_modelled
    # a package, as CPython's: a library that imports one of its modules itself (asyncio.events, as Python 3.8's
    # test.support does) gets CPython's
    m.__path__ = [os.path.join(os.path.dirname(types.__file__), "asyncio")]
    return m
