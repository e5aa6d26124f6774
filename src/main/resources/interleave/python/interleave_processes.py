"""multiprocessing and os.fork for a program under Interleave: processes modelled in the one CPython that runs it.

A process here is a thread of the runtime (a lane, named "Process-1") that runs on its own memory: when it starts,
the program's globals are copied, as fork copies them (a copy becomes a value of the views when the child first
writes it: copy-on-write). Every function and class of the program is rebound to the
copy, so code in the child reads and writes the child's variables; the engine knows them under the child's suffix
("balance (Process-1)"), so the views show the same name with a value per process. Objects made to be shared
(Value, Array, a Manager's dict or list, multiprocessing's Lock, Queue, ...) are the only things copies share, and
each of their ints is one shared value ("counter.value", "temp[0]"). The engine decides every switch, as for
threads; processes are not faster than threads here (each still runs on the run's virtual cores).

Not modelled (one clear error where used): Pipe, the spawn and forkserver start methods, and os.fork anywhere
but as a statement "pid = os.fork()" at the program's top level. terminate() ends a process's threads at their
next scheduling point.
"""
import copy
import itertools
import os
import sys
import types

from interleave_pool import module as pool_module_of



class _SharedAcrossProcesses:
    """Made to be shared between processes (Value, Array, a Manager's dict, multiprocessing's Lock, ...): a child
    process's copy of it is the object itself, and its ints are named without a process's suffix."""
    _interleave_shared = True

    def __deepcopy__(self, memo):
        return self

    def __copy__(self):
        return self

_CTYPES = {"c": "c_char", "u": "c_wchar", "b": "c_byte", "B": "c_ubyte", "h": "c_short", "H": "c_ushort",
           "i": "c_int", "I": "c_uint", "l": "c_long", "L": "c_ulong", "q": "c_longlong", "Q": "c_ulonglong",
           "f": "c_float", "d": "c_double"}


# ---------------- the child's copy of its parent's memory ----------------

def _rebind(f, memo):
    """A function of the program, bound to the child's globals (and its class, for super())."""
    new = memo["rebind"][1]
    closure = f.__closure__
    if closure:  # a decorator's wrapped function, a counter in a closure, the class for super(): copies too
        closure = tuple(_copy_cell(c, memo) for c in closure)
    g = types.FunctionType(f.__code__, new, f.__name__, _copied(f.__defaults__, memo), closure)
    g.__kwdefaults__ = _copied(f.__kwdefaults__, memo)
    g.__qualname__ = f.__qualname__
    g.__module__ = f.__module__
    g.__doc__ = f.__doc__
    g.__dict__.update(f.__dict__)
    return g


def _copied(value, memo):
    try:
        return copy.deepcopy(value, memo)
    except Exception:  # noqa: what cannot be copied (a lock of CPython's own, a file) stays the same object
        return value


def _copy_cell(cell, memo):
    try:
        contents = cell.cell_contents
    except ValueError:  # an empty cell (a name not bound yet)
        return cell
    return types.CellType(_copied(contents, memo))


def _copy_method(m, memo):
    """obj.method as a Process's target: the child's copy of obj, with the child's copy of the function."""
    if memo.get("rebind") is None:
        return _method_copy(m, memo)
    return types.MethodType(_copied(m.__func__, memo), _copied(m.__self__, memo))


def _copy_function(f, memo):
    rebind = memo.get("rebind")
    return _rebind(f, memo) if rebind is not None and f.__globals__ is rebind[0] else f


def _copy_class(c, memo):
    """A class of the program whose methods use its globals: a copy whose methods use the child's."""
    rebind = memo.get("rebind")
    if rebind is None or c.__module__ != "__main__":
        return c
    ns = {k: v for k, v in c.__dict__.items() if k not in ("__dict__", "__weakref__")}
    try:
        made = type(c)(c.__name__, tuple(copy.deepcopy(b, memo) for b in c.__bases__), ns)
    except Exception:  # noqa: a class that cannot be made again (slots, a metaclass's rules) stays as it is
        return c
    memo[id(c)] = made
    for k, v in ns.items():
        if isinstance(v, types.FunctionType):
            setattr(made, k, copy.deepcopy(v, memo))
        elif isinstance(v, (staticmethod, classmethod)):
            setattr(made, k, type(v)(copy.deepcopy(v.__func__, memo)))
        elif isinstance(v, property):
            setattr(made, k, property(*(None if f is None else copy.deepcopy(f, memo)
                                        for f in (v.fget, v.fset, v.fdel)), v.__doc__))
    return made


copy._deepcopy_dispatch[types.FunctionType] = _copy_function
copy._deepcopy_dispatch[type] = _copy_class
_method_copy = copy._deepcopy_dispatch[types.MethodType]
copy._deepcopy_dispatch[types.MethodType] = _copy_method


_SUFFIXES = set()


class _ProcessExit(SystemExit):
    """os._exit in a child process: that process ends, with this code."""


def _fork_memory(rt, parent, name, pid):
    """The child's memory: its parent's globals, copied now (as fork copies them), and the memo of that copy (to
    copy more into the same memory). The engine learns of the child's copy of a global when the child first
    writes it (copy-on-write), named with the child's suffix."""
    old = parent.module
    new = {}
    suffix = " (%s)" % name
    if suffix in _SUFFIXES:  # two processes named alike: their memories stay apart
        suffix = " (%s %d)" % (name, pid)
    _SUFFIXES.add(suffix)
    memory = rt.Memory(new, suffix, pid, parent.pid)
    memory.parent = parent
    memory.random = rt.new_random(pid)
    memory.next_name = parent.next_name
    memo = {"rebind": (old, new), "suffix": memory.suffix, id(old): new}
    for k, v in list(old.items()):  # (os mode: another thread may add a global meanwhile)
        if k.startswith("__") or isinstance(v, types.ModuleType):
            new[k] = v  # __name__, __builtins__, the runtime's names; modules are the same modules
            continue
        new[k] = _copied(v, memo)
    new["__rt_read__"], new["__rt_write__"] = rt.memory_access(memory)
    return memory, memo


# ---------------- the module ----------------

def modules(rt):
    """multiprocessing, .pool and .dummy, and os.fork's stand-in, given the runtime's pieces (a namespace)."""
    counter = itertools.count(1)
    pids = itertools.count(rt.PARENT.pid + 1)
    children = {}  # pid -> Process, of every process started

    class AuthenticationError(Exception):
        pass

    class ProcessError(Exception):
        pass

    class TimeoutError(ProcessError):  # noqa: multiprocessing's own
        pass

    def not_modelled(what):
        return NotImplementedError("%s is not modelled: Interleave runs processes as copies of the program's "
                                   "memory in one interpreter (what runs: Process, start, join, terminate, Pool, "
                                   "Value, Array, Manager().dict() and .list(), Lock, RLock, Semaphore, Event, "
                                   "Condition, Queue)"
                                   % what)

    process_py = os.path.join(os.path.dirname(os.__file__), "multiprocessing", "process.py")

    def cpython_bootstrap():
        """CPython's multiprocessing.process: its _bootstrap's line that calls run(), read at the first need."""
        return rt.stand_in(("multiprocessing", "_bootstrap"), lambda: rt.cpython_line(
            rt.defined_in(process_py, "BaseProcess", "_bootstrap"), "self.run()")) or (lambda process: process.run())

    class _ProcessMain(rt.Thread):
        """The main thread of a child process: its lane carries the process's name."""

        def __init__(self, process, mine, memory):
            rt.Thread.__init__(self, name="MainThread", daemon=process.daemon)
            self._process = process  # the parent's object: the child reports its exit code there
            self._mine = mine  # the child's copy of it, whose run() runs
            self._memory = memory

        def _lane(self):
            return self._process.name

        def _error_heading(self):
            return "Process %s:\n" % self._process.name

        def _bootstrap_inner(self):  # (no frame of threading's: a process's outer frames are multiprocessing's)
            self.run()

        def run(self):
            self._memory.process = self._mine
            try:
                cpython_bootstrap()(self._mine)
                code = 0
            except SystemExit as e:
                code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
                if e.code is not None and not isinstance(e.code, int):  # as CPython's child says it
                    sys.stderr.write(str(e.code) + "\n")
            except BaseException:
                self._process._exitcode = 1
                raise
            # as CPython's child does before it exits: its other non-daemon threads are waited for
            for t in list(rt.THREADS.values()):
                if t is not self and getattr(t, "_memory", None) is self._memory and not t.daemon and t.is_alive():
                    t.join()
            self._process._exitcode = code

    class Process:
        """multiprocessing.Process: start() copies the parent's memory (fork) and runs run() on the copy."""

        def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None):
            self._identity = next(counter)
            self._target = target
            self._args = tuple(args)
            self._kwargs = dict(kwargs or {})
            self._name = name or "%s-%d" % (type(self).__name__, self._identity)
            self._daemon = bool(current_process().daemon) if daemon is None else daemon
            self._parent_pid = os.getpid()
            self._pid = None
            self._exitcode = None
            self._runner = None
            self._waited = False

        def run(self):
            if self._target:
                self._target(*self._args, **self._kwargs)

        def start(self):
            assert self._runner is None, "cannot start a process twice"
            assert self._parent_pid == os.getpid(), "can only start a process object created by current process"
            assert not current_process().daemon, "daemonic processes are not allowed to have children"
            # run() is CPython's own from the first start: a traceback through it shows CPython's frame
            Process.run = rt.stand_in(("multiprocessing", "run"), lambda: rt.cpython_function(
                rt.defined_in(process_py, "BaseProcess", "run"))) or Process.run
            self._pid = next(pids)
            children[self._pid] = self
            parent = rt.memory()
            memory, memo = _fork_memory(rt, parent, self._name, self._pid)
            mine = copy.deepcopy(self, memo)
            self._runner = _ProcessMain(self, mine, memory)
            self._runner.start()

        def join(self, timeout=None):
            assert self._parent_pid == os.getpid(), "can only join a child process"
            assert self._runner is not None, "can only join a started process"
            self._runner.join(timeout)

        def is_alive(self):
            return self._runner is not None and self._runner.is_alive()

        def terminate(self, signal=15):
            """Ends the process: each of its threads ends at its next scheduling point (a real one dies at once;
            one waiting for ever, for a lock nobody releases, is not woken), with exit code -15 (kill: -9)."""
            if self._runner is not None and self._runner.is_alive():
                self._runner._memory.kill(lambda: _ProcessExit(-signal))

        def kill(self):
            self.terminate(9)

        def close(self):
            if self.is_alive():
                raise ValueError("Cannot close a process while it is still running. You should first call "
                                 "join() or terminate().")

        @property
        def name(self):
            return self._name

        @name.setter
        def name(self, name):
            self._name = name

        @property
        def daemon(self):
            return self._daemon

        @daemon.setter
        def daemon(self, daemonic):
            assert self._runner is None, "process has already started"
            self._daemon = daemonic

        @property
        def pid(self):
            return self._pid

        ident = pid

        @property
        def exitcode(self):
            return None if self._runner is None or self._runner.is_alive() else self._exitcode

        def __repr__(self):  # as CPython 3.11 writes it
            info = [type(self).__name__, "name=%r" % self._name]
            if self is current_process():
                status = "started"
            elif self._runner is None:
                status = "initial"
            else:
                status = "started" if self.is_alive() else "stopped"
                info.append("pid=%s" % self._pid)
            info.append("parent=%s" % self._parent_pid)
            info.append(status)
            if status == "stopped":
                info.append("exitcode=%s" % self._exitcode)
            if self._daemon:
                info.append("daemon")
            return "<%s>" % " ".join(info)

    class _MainProcess(Process):
        def __init__(self):
            self._identity = 0
            self._name = "MainProcess"
            self._daemon = False
            self._pid = rt.PARENT.pid
            self._parent_pid = None
            self._runner = None
            self._exitcode = None
            self._waited = False

        def is_alive(self):
            return True

    main_process = _MainProcess()

    def current_process():
        return rt.memory().process or main_process

    def parent_process():
        memory = rt.memory()
        return None if memory.process is None else children.get(memory.ppid, main_process)

    def active_children():
        me = os.getpid()
        return [p for p in children.values() if p._parent_pid == me and p.is_alive()]

    def cpu_count():
        return rt.cores()

    # ---- objects shared between processes: the only sharing there is ----

    def shared(cls):
        """multiprocessing's variant of a runtime class: one object for every process (a copy is the object)."""
        made = type(cls.__name__, (_SharedAcrossProcesses, cls), {})
        made.__module__ = "multiprocessing"
        return made

    Lock, RLock, Semaphore, BoundedSemaphore, Event, Condition, Barrier = (
        shared(c) for c in (rt.Lock, rt.RLock, rt.Semaphore, rt.BoundedSemaphore, rt.Event, rt.Condition,
                            rt.Barrier))
    SharedQueue = shared(rt.Queue)

    class Queue(SharedQueue):
        def close(self):
            pass

        def join_thread(self):
            pass

        def cancel_join_thread(self):
            pass

    class JoinableQueue(Queue):
        pass

    class SimpleQueue(Queue):
        def __init__(self):
            Queue.__init__(self)

    def zero(typecode):
        return 0.0 if typecode in ("d", "f") else (b"\x00" if typecode == "c" else 0)

    class _Lockable:
        """A shared value's own lock (an RLock, as CPython's), made when first used."""
        _lock = None

        def get_lock(self):
            if self._lock is None:
                self._lock = rt.named(RLock, "%s.get_lock()" % rt.label(self))  # as the program reaches it
            return self._lock

        def get_obj(self):
            return self

        def acquire(self, *args, **kwargs):
            return self.get_lock().acquire(*args, **kwargs)

        def release(self):
            return self.get_lock().release()

        def __enter__(self):
            return self.get_lock().__enter__()

        def __exit__(self, *exc):
            return self.get_lock().__exit__(*exc)

    class Synchronized(_SharedAcrossProcesses, _Lockable):
        """multiprocessing.Value: one value in shared memory; each read and write of .value is a point."""

        def __init__(self, typecode_or_type, *args, lock=True):
            self._typecode = typecode_or_type if isinstance(typecode_or_type, str) else "i"
            value = args[0] if args else zero(self._typecode)
            self.value = float(value) if self._typecode in ("d", "f") else value

        def __repr__(self):
            return "<Synchronized wrapper for %s(%r)>" % (_CTYPES.get(self._typecode, "c_int"), self.value)

    class SynchronizedArray(_SharedAcrossProcesses, _Lockable, list):
        """multiprocessing.Array: a fixed list in shared memory; each read and write of an item is a point."""

        def __init__(self, typecode_or_type, size_or_initializer, lock=True):
            self._typecode = typecode_or_type if isinstance(typecode_or_type, str) else "i"
            if isinstance(size_or_initializer, int):
                size_or_initializer = [zero(self._typecode)] * size_or_initializer
            list.__init__(self, size_or_initializer)

        def __repr__(self):
            return "<SynchronizedArray wrapper for <multiprocessing.sharedctypes.%s_Array_%d>>" % (
                _CTYPES.get(self._typecode, "c_int"), len(self))

        def append(self, item):
            raise AttributeError("'SynchronizedArray' object has no attribute 'append'")

    class DictProxy(_SharedAcrossProcesses, dict):
        """A Manager's dict: one dict for every process; keys(), values() and items() are lists, as the proxy's."""

        def keys(self):
            return list(dict.keys(self))

        def values(self):
            return list(dict.values(self))

        def items(self):
            return list(dict.items(self))

    class ListProxy(_SharedAcrossProcesses, list):
        pass

    rt.containers.update((SynchronizedArray, DictProxy, ListProxy))

    class Namespace(_SharedAcrossProcesses):
        def __init__(self, **kwargs):
            self.__dict__.update(kwargs)

        def __repr__(self):
            return "Namespace(%s)" % ", ".join("%s=%r" % kv for kv in sorted(self.__dict__.items()))

    class SyncManager:
        """Manager(): its objects are shared by every process (its server process is not drawn)."""
        _started = False

        def start(self, *args):
            # CPython starts the manager's server process here, numbered as processes are ("SyncManager-3"): the
            # program's next Process gets the number after it, as there
            if not self._started:
                self._started = True
                next(counter)

        def shutdown(self):
            pass

        def __enter__(self):
            self.start()  # as CPython's: a manager not started yet starts here
            return self

        def __exit__(self, *exc):
            self.shutdown()

        def dict(self, *args, **kwargs):
            return DictProxy(*args, **kwargs)

        def list(self, sequence=()):
            return ListProxy(sequence)

        def Value(self, typecode, value, lock=True):
            return Synchronized(typecode, value)

        def Array(self, typecode, sequence, lock=True):
            return SynchronizedArray(typecode, sequence)

    def Manager():
        """multiprocessing.Manager(): a SyncManager, started."""
        manager = SyncManager()
        manager.start()
        return manager

    for k, v in dict(Namespace=Namespace, Lock=Lock, RLock=RLock, Semaphore=Semaphore,
                     BoundedSemaphore=BoundedSemaphore, Event=Event, Condition=Condition, Barrier=Barrier,
                     Queue=Queue, JoinableQueue=JoinableQueue).items():
        setattr(SyncManager, k, v)

    # ---- Pool ----

    pool_module = pool_module_of(rt, Process, SharedQueue, TimeoutError, cpu_count)

    def set_start_method(method, force=False):
        if method != "fork":
            raise not_modelled("the %r start method" % method)

    def get_context(method=None):
        set_start_method(method or "fork")
        return mp

    def fork_at_top_level(name, rest):
        """The program's "NAME = os.fork()" at its top level, and rest, the statements after it (a function):
        a child process runs rest with NAME = 0 on its copy of the memory, the parent with the child's pid."""
        child = Process(target=fork_returns, args=(name, 0, rest))
        child.start()
        fork_returns(name, child.pid, rest)

    def fork_returns(name, pid, rest):
        """One side of the fork: the process's own variable gets fork()'s value (the child's is drawn as
        "pid (Process-1)" = 0), then the rest of the program runs."""
        memory = rt.memory()
        rt.G.store(name, pid, 0, memory.module, name + memory.suffix)
        rest()

    def fork():
        raise not_modelled("os.fork here (it is modelled as a statement \"pid = os.fork()\" at the program's top "
                           "level; multiprocessing.Process works anywhere)")

    real_exit, real_kill, real_waitpid, real_system = os._exit, os.kill, os.waitpid, os.system

    def _exit(status):
        """In a child process: that process ends at once with this exit code (the program's own process: the
        real os._exit, which ends the run)."""
        if rt.memory().process is None:
            # the engine ends the run: the program's threads end with the process
            rt.call("exit", status=rt.exit_status(status))
            real_exit(status)
        raise _ProcessExit(status)

    def unwaited():
        me = os.getpid()
        return [p for p in children.values() if p._parent_pid == me and not p._waited]

    def waitpid(pid, options):
        """os.waitpid: a join of the child (pid -1: the first not waited for yet); WNOHANG does not wait. A real
        process the program started (subprocess.run, Popen) is waited for by the real os.waitpid."""
        mine = unwaited()
        if pid != -1:
            mine = [p for p in mine if p.pid == pid]
        if not mine:
            if not rt.os_mode:
                # a real child takes no virtual time: waited for until it ends, even where asked not to wait
                # (Popen.poll, a timeout's loop), so that how often a loop polls never depends on the real clock
                # and the same seed gives the same run (a child that never ends then holds its thread)
                options &= ~getattr(os, "WNOHANG", 1)
            waited = real_waitpid(pid, options)
            rt.children_wrote()
            return waited
        child = mine[0]
        if options & getattr(os, "WNOHANG", 1) and child.is_alive():
            return 0, 0
        child.join()
        child._waited = True
        return child.pid, (child.exitcode or 0) << 8

    def wait():
        return waitpid(-1, 0)

    def system(command):
        """os.system: the real one (it waits for the shell itself); what the command wrote is the program's
        output once it is done."""
        status = real_system(command)
        rt.children_wrote()
        return status

    def kill(pid, sig):
        if pid in children and children[pid].is_alive():
            children[pid].terminate(int(sig))
        elif pid == rt.PARENT.pid or pid in children:
            raise not_modelled("os.kill of the program's own process")
        else:
            real_kill(pid, sig)

    mp = types.ModuleType("multiprocessing")
    for k, v in dict(Process=Process, current_process=current_process, parent_process=parent_process,
                     active_children=active_children, cpu_count=cpu_count, Lock=Lock, RLock=RLock,
                     Semaphore=Semaphore, BoundedSemaphore=BoundedSemaphore, Event=Event, Condition=Condition,
                     Barrier=Barrier, Queue=Queue, JoinableQueue=JoinableQueue, SimpleQueue=SimpleQueue,
                     Value=Synchronized, Array=SynchronizedArray, RawValue=Synchronized, RawArray=SynchronizedArray,
                     Manager=Manager, Pool=pool_module.Pool, TimeoutError=TimeoutError,
                     ProcessError=ProcessError, AuthenticationError=AuthenticationError,
                     BufferTooShort=ProcessError, freeze_support=lambda: None, set_start_method=set_start_method,
                     get_start_method=lambda allow_none=False: "fork", get_context=get_context,
                     get_all_start_methods=lambda: ["fork"]).items():
        setattr(mp, k, v)

    def missing(attr):
        if attr.startswith("__"):
            raise AttributeError(attr)
        raise not_modelled("multiprocessing.%s" % attr)
    mp.__getattr__ = missing
    mp.pool = pool_module
    managers = types.ModuleType("multiprocessing.managers")
    managers.SyncManager = SyncManager
    managers.DictProxy = DictProxy
    managers.ListProxy = ListProxy
    managers.Namespace = Namespace
    mp.managers = managers
    dummy = types.ModuleType("multiprocessing.dummy")
    for k, v in dict(Process=rt.Thread, current_process=rt.current_thread, Pool=pool_module.ThreadPool,
                     Lock=rt.Lock, RLock=rt.RLock, Semaphore=rt.Semaphore, BoundedSemaphore=rt.BoundedSemaphore,
                     Event=rt.Event, Condition=rt.Condition, Barrier=rt.Barrier, Queue=rt.Queue,
                     JoinableQueue=rt.Queue, cpu_count=cpu_count, freeze_support=lambda: None).items():
        setattr(dummy, k, v)
    mp.dummy = dummy

    def forking_process_request(server, request, client_address):
        """socketserver.ForkingMixIn.process_request: the request handled in a child process (a copy of the
        memory, with its own copy of the connection), as CPython's fork does; the parent closes its copy."""
        child = Process(target=_serve_forked, args=(server, request, client_address))
        child.start()
        if server.active_children is None:
            server.active_children = set()
        server.active_children.add(child.pid)
        server.close_request(request)

    return {"multiprocessing": mp, "multiprocessing.pool": pool_module, "multiprocessing.dummy": dummy,
            "multiprocessing.managers": managers}, \
        dict(fork=fork, _exit=_exit, wait=wait, waitpid=waitpid, kill=kill, system=system), fork_at_top_level, \
        forking_process_request


def _serve_forked(server, request, client_address):
    """The child's part of ForkingMixIn.process_request, as CPython writes it."""
    status = 1
    try:
        server.finish_request(request, client_address)
        status = 0
    except Exception:  # noqa: as socketserver does
        server.handle_error(request, client_address)
    finally:
        try:
            server.shutdown_request(request)
        finally:
            server.socket.close()  # the child's copy of the listening socket (a real child would exit)
            os._exit(status)
