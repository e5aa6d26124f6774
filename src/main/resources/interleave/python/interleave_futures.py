"""concurrent.futures for a program under Interleave: ThreadPoolExecutor on the runtime's threads, queue and events.

As CPython's executor does, submit() puts a work item on a queue and starts a worker thread
("ThreadPoolExecutor-0_0", ...) when no worker is idle and there are fewer than max_workers; each worker takes
items until shutdown. A Future waits on an Event of the engine, so every wait for a result is a wait the views
draw. ProcessPoolExecutor (process_pool_executor) runs on the runtime's multiprocessing.Pool.
"""
import builtins
import collections
import itertools
import sys
import types

# as concurrent.futures names wait()'s answer
DoneAndNotDoneFutures = collections.namedtuple("DoneAndNotDoneFutures", "done not_done")


def _results(futures, timeout):
    """Executor.map's results: each future's, in order, as they are asked for."""
    for f in futures:
        yield f.result(timeout)


def module(Thread, Queue, Empty, new_event, new_semaphore, real_lock, clock, as_in_cpython):
    """The concurrent.futures module (and its .thread submodule), given the runtime's Thread, Queue and Empty,
    makers of named Events and Semaphores, a lock of CPython's own for bookkeeping never held at a point, the
    run's clock (in seconds) for the timeouts that span several waits, and the lines of CPython's own
    concurrent.futures a traceback through a future shows (by name: "run", "initializer", "add_done_callback",
    "_invoke_callbacks", "get_result", "result 1", "result 2" and "after shutdown"; None where its source is not
    there)."""
    executors = itertools.count()
    live = []  # the ThreadPoolExecutors not shut down: their workers are told to end when the program does

    class Error(Exception):
        pass

    class CancelledError(Error):
        pass

    if sys.version_info >= (3, 11):
        TimeoutError = builtins.TimeoutError
    else:
        class TimeoutError(Error):  # noqa: as concurrent.futures names it (an alias of the builtin since 3.11)
            pass

    class InvalidStateError(Error):
        pass

    class BrokenExecutor(RuntimeError):
        pass

    class BrokenThreadPool(BrokenExecutor):
        pass

    PENDING, RUNNING, FINISHED, CANCELLED = "PENDING", "RUNNING", "FINISHED", "CANCELLED"

    class Future:
        def __init__(self, name="future"):
            self._state = PENDING
            self._result = None
            self._exception = None
            self._callbacks = []
            self._done = new_event(name)

        def cancel(self):
            with real_lock:
                if self._state == RUNNING or self._state == FINISHED:
                    return False
                if self._state == CANCELLED:
                    return True
                self._state = CANCELLED
            self._finish()
            return True

        def cancelled(self):
            return self._state == CANCELLED

        def running(self):
            return self._state == RUNNING

        def done(self):
            return self._state in (FINISHED, CANCELLED)

        def result(self, timeout=None):
            finished = self.done()
            if not self._done.wait(timeout):
                raise TimeoutError()
            if self._state == CANCELLED:
                raise CancelledError()
            if self._exception is not None:
                self._raise_held(1 if finished else 2)
            return self._result

        def _raise_held(self, occurrence):
            """Raises the exception the future holds from CPython's own lines, as its result() does: the first of
            its two `return self.__get_result()` if the future had finished when asked, else the second."""
            result, get_result = as_in_cpython("result %d" % occurrence), as_in_cpython("get_result")
            if result is None or get_result is None:
                raise self._exception
            result(types.SimpleNamespace(**{"__get_result": lambda: get_result(self)}))

        def exception(self, timeout=None):
            if not self._done.wait(timeout):
                raise TimeoutError()
            if self._state == CANCELLED:
                raise CancelledError()
            return self._exception

        def add_done_callback(self, fn):
            with real_lock:
                if not self.done():
                    self._callbacks.append(fn)
                    return
            self._call_back(fn, "add_done_callback")

        def _call_back(self, fn, by):
            try:
                (as_in_cpython(by) or (lambda fn, future: fn(future)))(fn, self)
            except Exception:  # noqa: as CPython's: logged, and the others still called
                import logging
                logging.getLogger("concurrent.futures").exception("exception calling callback for %r", self)

        def set_running_or_notify_cancel(self):
            with real_lock:
                if self._state == CANCELLED:
                    return False
                self._state = RUNNING
                return True

        def set_result(self, result):
            self._result, self._state = result, FINISHED
            self._finish()

        def set_exception(self, exception):
            self._exception, self._state = exception, FINISHED
            self._finish()

        def _finish(self):
            self._done.set()
            for fn in self._callbacks:
                self._call_back(fn, "_invoke_callbacks")

        def __repr__(self):  # as CPython's; its address the run's own (the same seed, the same text)
            address = self._done._address() + 0x40
            if self._state == FINISHED:
                what, of = ("raised", self._exception) if self._exception is not None else ("returned", self._result)
                return "<%s at %#x state=finished %s %s>" % (type(self).__name__, address, what, type(of).__name__)
            return "<%s at %#x state=%s>" % (type(self).__name__, address, self._state.lower())

    class Executor:
        """concurrent.futures.Executor: what every executor has; submit is each kind's own."""

        def submit(self, fn, *args, **kwargs):
            raise NotImplementedError()

        def map(self, fn, *iterables, timeout=None, chunksize=1):
            return _results([self.submit(fn, *args) for args in zip(*iterables)], timeout)

        def shutdown(self, wait=True, *, cancel_futures=False):
            pass

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.shutdown(wait=True)
            return False

    class ThreadPoolExecutor(Executor):
        def __init__(self, max_workers=None, thread_name_prefix="", initializer=None, initargs=()):
            if max_workers is None:
                max_workers = 5  # CPython: min(32, cpu_count + 4); a machine-free number keeps runs alike
            if max_workers <= 0:
                raise ValueError("max_workers must be greater than 0")
            self._max_workers = max_workers
            self._prefix = thread_name_prefix or "ThreadPoolExecutor-%d" % next(executors)
            self._work = Queue()
            self._idle = new_semaphore(self._prefix + " idle workers", 0)
            self._threads = []
            self._shutdown = False
            self._initializer, self._initargs = initializer, initargs
            self._broken = False
            self._items = itertools.count()
            live.append(self)

        def submit(self, fn, *args, **kwargs):
            if self._broken:
                raise BrokenThreadPool(self._broken)
            if self._shutdown:
                (as_in_cpython("after shutdown") or (lambda: None))()
                raise RuntimeError("cannot schedule new futures after shutdown")
            f = Future("future %d of %s" % (next(self._items), self._prefix))
            self._work.put((f, fn, args, kwargs))
            self._adjust_thread_count()
            return f

        def _adjust_thread_count(self):
            if self._idle.acquire(timeout=0):  # a worker is waiting for work: it takes this item
                return
            if len(self._threads) < self._max_workers:
                t = Thread(name="%s_%d" % (self._prefix, len(self._threads)), target=self._worker)
                self._threads.append(t)
                t.start()

        def _worker(self):
            if self._initializer is not None:
                initialize = as_in_cpython("initializer") or (lambda initializer, args: initializer(*args))
                try:
                    initialize(self._initializer, self._initargs)
                except BaseException:  # noqa: as CPython's worker: logged, and the pool is broken
                    import logging
                    logging.getLogger("concurrent.futures").critical("Exception in initializer:", exc_info=True)
                    self._initializer_failed()
                    return
            run = as_in_cpython("run") or (lambda item: item.fn(*item.args, **item.kwargs))
            while True:
                item = self._work.get()
                if item is None:
                    self._work.put(None)  # wakes the next worker, which ends too
                    return
                f, fn, args, kwargs = item
                if f.set_running_or_notify_cancel():
                    try:
                        result = run(types.SimpleNamespace(fn=fn, args=args, kwargs=kwargs))
                    except BaseException as e:  # noqa: the future holds it, as in CPython
                        f.set_exception(e)
                    else:
                        f.set_result(result)
                self._idle.release()

        def _initializer_failed(self):
            """As CPython's: the pool is broken, and the futures still waiting for a worker hold the news."""
            self._broken = "A thread initializer failed, the thread pool is not usable anymore"
            while True:
                try:
                    item = self._work.get_nowait()
                except Empty:
                    break
                if item is not None:
                    item[0].set_exception(BrokenThreadPool(self._broken))

        def shutdown(self, wait=True, *, cancel_futures=False):
            if not self._shutdown:
                self._shutdown = True
                live.remove(self)
                self._work.put(None)
            if wait:
                for t in self._threads:
                    t.join()

    def python_exit():
        """As CPython's concurrent.futures.thread does when the program's main thread ends (before it waits for the
        other threads): the workers of every executor not shut down are told to end, so the program ends too."""
        for executor in list(live):
            executor.shutdown(wait=False)

    def left(deadline):
        return None if deadline is None else max(0.0, deadline - clock())

    def as_completed(fs, timeout=None):
        fs = list(dict.fromkeys(fs))  # each future once, as CPython's set
        deadline = None if timeout is None else clock() + timeout
        finished = Queue()
        for f in fs:
            f.add_done_callback(finished.put)
        for yielded in range(len(fs)):
            try:
                yield finished.get(timeout=left(deadline))
            except Empty:
                raise TimeoutError("%d (of %d) futures unfinished" % (len(fs) - yielded, len(fs))) from None

    def wait(fs, timeout=None, return_when="ALL_COMPLETED"):
        fs = list(dict.fromkeys(fs))
        deadline = None if timeout is None else clock() + timeout
        if return_when == "ALL_COMPLETED":
            for f in fs:
                if not f._done.wait(left(deadline)):
                    break
        else:
            try:
                for f in as_completed(fs, timeout):
                    if return_when == "FIRST_COMPLETED" or (not f.cancelled() and f.exception() is not None):
                        break
            except TimeoutError:
                pass
        done = {f for f in fs if f.done()}
        return DoneAndNotDoneFutures(done, set(fs) - done)

    for cls in (Error, CancelledError, InvalidStateError, BrokenExecutor, Future, Executor, BrokenThreadPool,
                ThreadPoolExecutor) + ((TimeoutError,) if TimeoutError is not builtins.TimeoutError else ()):
        # as CPython names them (a traceback's last line says "concurrent.futures._base.CancelledError")
        cls.__module__ = "concurrent.futures.thread" if cls in (BrokenThreadPool, ThreadPoolExecutor) \
            else "concurrent.futures._base"
        cls.__qualname__ = cls.__name__
    m = types.ModuleType("concurrent.futures")
    for name, value in (("Future", Future), ("Executor", Executor), ("ThreadPoolExecutor", ThreadPoolExecutor),
                        ("as_completed", as_completed),
                        ("wait", wait), ("CancelledError", CancelledError), ("TimeoutError", TimeoutError),
                        ("InvalidStateError", InvalidStateError), ("BrokenExecutor", BrokenExecutor),
                        ("FIRST_COMPLETED", "FIRST_COMPLETED"),
                        ("FIRST_EXCEPTION", "FIRST_EXCEPTION"), ("ALL_COMPLETED", "ALL_COMPLETED")):
        setattr(m, name, value)
    thread = types.ModuleType("concurrent.futures.thread")
    thread.ThreadPoolExecutor = ThreadPoolExecutor
    thread.BrokenThreadPool = BrokenThreadPool
    thread._python_exit = python_exit
    m.thread = thread
    package = types.ModuleType("concurrent")
    package.futures = m
    return package, m, thread


def process_pool_executor(futures, Pool, cpu_count):
    """concurrent.futures.ProcessPoolExecutor on the runtime's multiprocessing.Pool: worker processes, each on its
    own copy of the program's memory, all started with the executor (as CPython's fork context does)."""
    Future = futures.Future
    names = itertools.count()

    class ProcessPoolExecutor(futures.Executor):
        def __init__(self, max_workers=None, mp_context=None, initializer=None, initargs=(), **kwargs):
            if max_workers is None:
                max_workers = cpu_count()
            if max_workers <= 0:
                raise ValueError("max_workers must be greater than 0")
            self._pool = Pool(max_workers, initializer, initargs)
            self._shutdown = False
            self._name = "ProcessPoolExecutor-%d" % next(names)
            self._items = itertools.count()

        def submit(self, fn, *args, **kwargs):
            if self._shutdown:
                raise RuntimeError("cannot schedule new futures after shutdown")
            f = Future("future %d of %s" % (next(self._items), self._name))
            f.set_running_or_notify_cancel()
            self._pool.apply_async(fn, args, kwargs, callback=f.set_result, error_callback=f.set_exception)
            return f

        def shutdown(self, wait=True, *, cancel_futures=False):
            if not self._shutdown:
                self._shutdown = True
                self._pool.close()
            if wait:
                self._pool.join()

    futures.ProcessPoolExecutor = ProcessPoolExecutor
    process = types.ModuleType("concurrent.futures.process")
    process.ProcessPoolExecutor = ProcessPoolExecutor
    futures.process = process
    return process
