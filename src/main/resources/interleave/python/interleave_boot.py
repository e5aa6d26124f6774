"""Starts one of Interleave's scripts (the first argument names it; the rest are its own) as python3 runs a script,
as module __main__, but from compiled code kept beside it: python3 compiles a script it is given at every start,
and the runtime's 6,000 lines took 50 to 100 ms of each run's start here. The script's own imports are kept
compiled too, whatever PYTHONDONTWRITEBYTECODE says; the teacher's program follows the environment again (the
runtime sets sys.dont_write_bytecode back to _PROGRAM_DONT_WRITE_BYTECODE before the program runs)."""
import importlib.util
import os
import sys


def _run(name):
    spec = importlib.util.spec_from_file_location("__main__", os.path.join(os.path.dirname(__file__), name))
    main = importlib.util.module_from_spec(spec)
    main._PROGRAM_DONT_WRITE_BYTECODE = sys.dont_write_bytecode
    sys.dont_write_bytecode = False
    sys.argv = sys.argv[1:]
    sys.argv[0] = spec.origin
    sys.modules["__main__"] = main
    spec.loader.exec_module(main)


_run(sys.argv[1])
