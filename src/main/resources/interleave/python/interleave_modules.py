"""The program's own modules: a file beside the program (or in a folder beside it) that the program imports runs
instrumented as the program does, so that its shared ints are the engine's values, named after the module
("bank.balance"), and a race in it loses updates on the timeline as one in the program does. Other modules (the
standard library, installed packages) run as they are."""
import importlib.abc
import importlib.machinery
import os
import sys
import sysconfig


class ProgramModules(importlib.abc.MetaPathFinder):
    """Finds the modules under the program's folder; prepare(source, path, module) gives the code they run."""

    def __init__(self, folder, prepare):
        self.folder = os.path.realpath(folder)
        self.prepare = prepare
        # the interpreter's own folders (its standard library, installed packages), which a program saved in the
        # home folder may be above (pyenv, conda): their modules are never the program's
        # (not a folder the program is in: a program inside a virtual environment's folder is still the program)
        self.interpreters = {os.path.realpath(p) for p in (sys.prefix, sys.base_prefix, sys.exec_prefix,
                                                           *sysconfig.get_paths().values()) if p}
        self.interpreters = {p for p in self.interpreters if not self.folder.startswith(p)}

    def find_spec(self, fullname, path, target=None):
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is None or type(spec.loader) is not importlib.machinery.SourceFileLoader:
            return None
        origin = os.path.realpath(spec.origin)
        if not origin.startswith(self.folder + os.sep) or "site-packages" in origin.split(os.sep) \
                or any(origin.startswith(p + os.sep) for p in self.interpreters):
            return None
        spec.loader = _Instrumented(fullname, spec.origin, self.prepare)
        return spec


class _Instrumented(importlib.machinery.SourceFileLoader):
    """Loads a module of the program as CPython would (its source decoded as its first lines declare; compiled and
    kept in __pycache__ where the environment lets python3 do that), then runs the code prepare makes of it."""

    def __init__(self, fullname, path, prepare):
        super().__init__(fullname, path)
        self.prepare = prepare

    def exec_module(self, module):
        if not sys.dont_write_bytecode:  # what python3 leaves behind: the module compiled in __pycache__
            import py_compile
            try:
                py_compile.compile(self.path, doraise=True)
            except (OSError, py_compile.PyCompileError):
                pass  # not writable, or not compilable (the exec below says why, as CPython would)
        exec(self.prepare(self.get_source(module.__name__), self.path, module), module.__dict__)
