"""Starts one of Interleave's scripts (the first argument names it; the rest are its own) as python3 runs a script,
as module __main__, but from compiled code kept beside it: python3 compiles a script it is given at every start,
and the runtime's 6,000 lines took 50 to 100 ms of each run's start here. Only our own files are compiled and kept
(once, whatever PYTHONDONTWRITEBYTECODE says); everything else, the teacher's program and its modules among them,
is compiled and kept as the environment says, as under python3."""
import importlib.util
import os
import sys


def _compiled(folder):
    """Our scripts' compiled code, written where CPython looks for it, for those that have none yet."""
    for name in os.listdir(folder):
        if name.startswith("interleave_") and name.endswith(".py"):
            source = os.path.join(folder, name)
            if not os.path.exists(importlib.util.cache_from_source(source)):
                import py_compile
                try:
                    py_compile.compile(source, doraise=True)
                except (OSError, py_compile.PyCompileError):
                    pass  # not writable here (or not compilable): it runs from its source, as python3 would


def _run(name):
    folder = os.path.dirname(os.path.abspath(__file__))
    _compiled(folder)
    spec = importlib.util.spec_from_file_location("__main__", os.path.join(folder, name))
    main = importlib.util.module_from_spec(spec)
    sys.argv = sys.argv[1:]
    sys.argv[0] = spec.origin
    sys.modules["__main__"] = main
    spec.loader.exec_module(main)


_run(sys.argv[1])
