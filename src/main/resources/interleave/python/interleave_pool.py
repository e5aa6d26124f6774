"""multiprocessing.pool for a program under Interleave: Pool (worker processes) and ThreadPool (worker threads).

Tasks go to the workers through a shared queue (pool._inqueue) and results come back through another
(pool._outqueue; named after the program's name for the pool, as CPython's attributes are) to a result handler
thread in the parent ("Thread-N (_handle_results)", numbered as CPython's), where the callbacks run, as in CPython.
A task sent to a worker process is pickled there (the function found by name in the worker's own memory, the arguments copied) and
its result pickled back (the program's classes found by name in the parent's).
"""
import copy
import itertools
import types


def module(rt, Process, SharedQueue, TimeoutError, cpu_count):
    """multiprocessing.pool: Pool (worker processes) and ThreadPool (worker threads) over two shared queues,
    pool._inqueue and pool._outqueue, drawn as such; callbacks run in the parent's result handler thread."""
    RUN, CLOSE, TERMINATE = "RUN", "CLOSE", "TERMINATE"
    jobs = itertools.count()

    class ApplyResult:
        def __init__(self, pool, callback, error_callback):
            self._job = next(jobs)
            self._event = rt.named_event("result %d" % self._job)
            self._callback = callback
            self._error_callback = error_callback
            self._value = None
            self._success = None
            pool._cache[self._job] = self

        def ready(self):
            return self._event.is_set()

        def successful(self):
            if not self.ready():
                raise ValueError("{0!r} not ready".format(self))
            return self._success

        def wait(self, timeout=None):
            self._event.wait(timeout)

        def get(self, timeout=None):
            self.wait(timeout)
            if not self.ready():
                raise TimeoutError
            if self._success:
                return self._value
            raise self._value

        def _set(self, i, ok, value):
            self._success, self._value = ok, value
            self._finish()
            return True

        def _finish(self):
            """The callback (or error callback) with the value, in the result handler thread; then get() returns."""
            call = self._callback if self._success else self._error_callback
            if call:
                call(self._value)
            self._event.set()

    AsyncResult = ApplyResult

    class MapResult(ApplyResult):
        def __init__(self, pool, length, callback, error_callback):
            ApplyResult.__init__(self, pool, callback, error_callback)
            self._value = [None] * length
            self._left = length
            self._success = True
            if length == 0:
                self._event.set()

        def _set(self, i, ok, value):
            if not ok and self._success:
                self._success = False
                self._value = value
            elif self._success:
                self._value[i] = value
            self._left -= 1
            if self._left == 0 or not ok:
                self._finish()
                return True
            return False

    def unpickled(func):
        """The function a task names, as a worker process finds it: its own copy (pickle sends it by name)."""
        if getattr(func, "__module__", None) == "__main__" and "." not in getattr(func, "__qualname__", "."):
            return rt.memory().module.get(func.__qualname__, func)
        return func

    def parents_classes():
        """In a worker process: its copy of each class of the program -> the parent's (as pickle finds them)."""
        memory = rt.memory()
        parent = memory.parent.module
        return {id(v): parent[k] for k, v in memory.module.items()
                if isinstance(v, type) and v.__module__ == "__main__" and isinstance(parent.get(k), type)}

    def sent_back(result, classes):
        """A result as the parent unpickles it: a copy, whose classes of the program are the parent's own (so
        that `except MyError:` around get() catches the worker's MyError)."""
        memo = dict(classes)  # deepcopy adds to its memo: a fresh one each time
        ok, value = copy.deepcopy(result, memo)
        mine = classes.get(id(type(value)))
        if mine is not None:  # an exception's class is not copied through the memo
            try:
                value.__class__ = mine
            except TypeError:
                pass
        return ok, value

    def worker(tasks, results, initializer, initargs, copying):
        classes = parents_classes() if copying else None
        if initializer is not None:
            initializer(*initargs)
        while True:
            task = tasks.get()
            if task is None:
                break
            job, i, func, args, kwargs = task
            if copying:  # sent to another process: pickled, so the worker has copies of its own
                func, args, kwargs = unpickled(func), copy.deepcopy(args), copy.deepcopy(kwargs)
            try:
                result = (True, func(*args, **kwargs))
            except Exception as e:  # noqa: sent back, raised by get() in the parent
                result = (False, e)
            results.put((job, i, sent_back(result, classes) if copying else result))

    class Pool:
        """multiprocessing.Pool: daemonic worker processes ("ForkPoolWorker-1", ...) that take tasks in turn."""
        _copying = True

        def __init__(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None, context=None):
            if processes is None:
                processes = cpu_count()
            if processes < 1:
                raise ValueError("Number of processes must be at least 1")
            self._processes = processes
            self._state = RUN
            self._cache = {}
            name = rt.assigned_name("pool")  # as the program calls it: p = Pool(4) is "p"
            self._tasks = rt.named(SharedQueue, name + "._inqueue", 0)
            self._results = rt.named(SharedQueue, name + "._outqueue", 0)
            self._pool = []
            for _ in range(processes):
                w = self._worker((self._tasks, self._results, initializer, tuple(initargs), self._copying))
                w.daemon = True
                w.start()
                self._pool.append(w)
            # CPython's pool starts three handler threads, _handle_workers, _handle_tasks and _handle_results (the
            # one modelled here, where callbacks run): the threads' numbers go on as there
            rt.memory().next_name += 2
            self._handler = rt.Thread(target=self._handle_results, daemon=True)
            self._handler.start()

        def _worker(self, args):
            p = Process(target=worker, args=args)
            p.name = "ForkPoolWorker-%d" % p._identity
            return p

        def _handle_results(self):
            while True:
                item = self._results.get()
                if item is None:
                    return
                job, i, (ok, value) = item
                result = self._cache.get(job)
                if result is not None and self._state != TERMINATE and result._set(i, ok, value):
                    del self._cache[job]

        def _check_running(self):
            if self._state != RUN:
                raise ValueError("Pool not running")

        def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
            self._check_running()
            result = ApplyResult(self, callback, error_callback)
            self._tasks.put((result._job, 0, func, tuple(args), dict(kwds)))
            return result

        def apply(self, func, args=(), kwds={}):
            return self.apply_async(func, args, kwds).get()

        def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
            return self._map(func, [(x,) for x in iterable], callback, error_callback)

        def starmap_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
            return self._map(func, [tuple(x) for x in iterable], callback, error_callback)

        def _map(self, func, arguments, callback, error_callback):
            self._check_running()
            result = MapResult(self, len(arguments), callback, error_callback)
            for i, args in enumerate(arguments):
                self._tasks.put((result._job, i, func, args, {}))
            return result

        def map(self, func, iterable, chunksize=None):
            return self.map_async(func, iterable).get()

        def starmap(self, func, iterable, chunksize=None):
            return self.starmap_async(func, iterable).get()

        def imap(self, func, iterable, chunksize=1):
            return iter(self.map(func, iterable))

        imap_unordered = imap

        def close(self):
            if self._state == RUN:
                self._state = CLOSE
                for _ in self._pool:
                    self._tasks.put(None)

        def terminate(self):
            """Tasks not yet taken are dropped, and results not yet handled; the workers are terminated."""
            if self._state == TERMINATE:
                return
            self._state = TERMINATE
            while True:  # the tasks not taken yet (and any stops close() put): gone
                try:
                    self._tasks.get(block=False)
                except rt.Empty:
                    break
            for _ in self._pool:
                self._tasks.put(None)
            self._end_workers()

        def _end_workers(self):
            for w in self._pool:  # a task already running ends with its worker
                w.terminate()

        def join(self):
            if self._state == RUN:
                raise ValueError("Pool is still running")
            for w in self._pool:
                w.join()
            self._results.put(None)
            self._handler.join()

        def __enter__(self):
            self._check_running()
            return self

        def __exit__(self, *exc):
            self.terminate()

        def __repr__(self):
            return "<%s state=%s pool_size=%d>" % ("multiprocessing.pool." + type(self).__name__, self._state,
                                                   self._processes)

    class ThreadPool(Pool):
        """multiprocessing.pool.ThreadPool (and multiprocessing.dummy.Pool): the same, with worker threads."""
        _copying = False

        def _worker(self, args):
            return rt.Thread(target=worker, args=args)

        def _end_workers(self):
            pass  # threads cannot be killed: a task already running finishes

    m = types.ModuleType("multiprocessing.pool")
    m.Pool, m.ThreadPool, m.ApplyResult, m.AsyncResult, m.MapResult = Pool, ThreadPool, ApplyResult, \
        AsyncResult, MapResult
    return m
