"""The rewrite of a program's syntax tree, at load time, that makes its shared values scheduling points.

Each use of a shared module global becomes a call of __rt_read__ / __rt_write__ with the point's site (made once,
here, by the runtime's site function), each attribute and item use a call of __rt_globals__.attr / item /
set_attr / set_item (the runtime decides at run time which hold shared ints), and every loop iteration starts
with __rt_step__. The runtime (interleave_rt.py) provides those names in the program's globals.
"""
import ast
import re

# x += y is x = operator.iadd(x, y): in place where the value can be changed in place (a list, a set, an object with
# __iadd__), as CPython's INPLACE_ADD does, else the plain operator; the rewrite names the function by its op
_IN_PLACE = {ast.Add: "iadd", ast.Sub: "isub", ast.Mult: "imul", ast.MatMult: "imatmul", ast.Div: "itruediv",
             ast.FloorDiv: "ifloordiv", ast.Mod: "imod", ast.Pow: "ipow", ast.LShift: "ilshift",
             ast.RShift: "irshift", ast.BitOr: "ior", ast.BitXor: "ixor", ast.BitAnd: "iand"}


def key_of(subscript):
    """The key of d[k] (None for a slice, which is left alone)."""
    key = subscript.slice
    if hasattr(ast, "Index") and isinstance(key, getattr(ast, "Index")):  # Python 3.8
        key = key.value
    return None if isinstance(key, (ast.Slice, getattr(ast, "ExtSlice", ast.Slice))) else key


_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef, ast.ListComp, ast.SetComp,
           ast.DictComp, ast.GeneratorExp)


def _own_nodes(scope):
    """The nodes of a scope's own code, not of the scopes nested in it (their names, decorators, defaults and the
    first iterable of a comprehension belong to the enclosing scope, and are counted there too: see _bound)."""
    todo = list(ast.iter_child_nodes(scope))
    while todo:
        node = todo.pop()
        yield node
        if isinstance(node, _SCOPES):
            continue  # its own code is its own (a def's or class's name is bound here: see _bound)
        todo.extend(ast.iter_child_nodes(node))


def _bound(scope):
    """The names a function, lambda, class body or comprehension binds in its own scope, and those it declares
    global, as Python decides them: arguments, assignment and loop targets of every form, with ... as, except ...
    as, imports, nested def and class names, match captures, walrus targets, nonlocal names. Counting a name
    too many is harmless (it is then read as CPython reads it, without a point); too few would read a global in
    place of a local."""
    bound, declared = set(), set()
    args = getattr(scope, "args", None)
    if isinstance(args, ast.arguments):
        for a in args.posonlyargs + args.args + args.kwonlyargs + [args.vararg, args.kwarg]:
            if a is not None:
                bound.add(a.arg)
    if isinstance(scope, (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
        for gen in scope.generators:
            bound.update(n.id for n in ast.walk(gen.target) if isinstance(n, ast.Name))
    for node in _own_nodes(scope):
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            bound.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bound.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            bound.update((a.asname or a.name).split(".")[0] for a in node.names)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            bound.add(node.name)
        elif isinstance(node, ast.Nonlocal):
            bound.update(node.names)
        elif isinstance(node, ast.Global):
            declared.update(node.names)
        elif type(node).__name__ in ("MatchAs", "MatchStar") and getattr(node, "name", None):
            bound.add(node.name)
        elif type(node).__name__ == "MatchMapping" and getattr(node, "rest", None):
            bound.add(node.rest)
        elif isinstance(node, _SCOPES) and not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef,
                                                                     ast.ClassDef, ast.Lambda)):
            # a walrus in a comprehension binds in the enclosing function
            bound.update(n.target.id for n in ast.walk(node) if isinstance(n, ast.NamedExpr))
    return bound - declared, declared


class Rewrite(ast.NodeTransformer):
    """Turns each use of a module global, an attribute or an item into a runtime call (the runtime makes those
    that hold ints scheduling points), and puts a step in every loop iteration."""

    def __init__(self, names, site):
        self.names = names
        self.site = site  # site(op, name, line): the point as the runtime sends it, written into the code
        self.scopes = []  # (is a class body, names bound there, names declared global there), innermost last
        self.classes = []  # the names of the classes the code is in, innermost last (see _mangled)
        self.temps = 0

    def _mangled(self, name):
        """A name as CPython's compiler writes it in the code of the class it is in (see mangled)."""
        return mangled(name, self.classes[-1] if self.classes else None)

    def _shared_global(self, name):
        """The module global a name is where it is used (mangled in a class's code: "global __n" in a method of C
        is _C__n), if it is a shared one there; else None."""
        name_there = self._mangled(name)
        return name_there if name_there in self.names and self._is_shared(name) else None

    def _in_place(self, read, node):
        """read OP= value as CPython computes it: operator.iOP(read, value), in place where it can be."""
        return ast.copy_location(ast.Call(
            func=ast.Attribute(value=ast.Name(id="__rt_in_place__", ctx=ast.Load()), attr=_IN_PLACE[type(node.op)],
                               ctx=ast.Load()),
            args=[read, node.value], keywords=[]), node)

    def _is_shared(self, name):
        """Whether name, where it is used, is the module's global: not bound by the scope it is used in or by an
        enclosing function (class bodies are seen only from their own code), unless declared global there."""
        for depth, (is_class, bound, declared) in enumerate(reversed(self.scopes)):
            if name in declared:
                return True
            if is_class and depth > 0:
                continue
            if name in bound:
                return False
        return True

    def class_body(self, node, outside, inside):
        """A class: its decorators, bases and keywords by outside, as code of where it is; its body by inside, as
        the class's own code, whose private names (__x) are mangled with its name."""
        node.decorator_list = [outside(d) for d in node.decorator_list]
        node.bases = [outside(b) for b in node.bases]
        node.keywords = [outside(k) for k in node.keywords]
        self.classes.append(node.name)
        try:
            node.body = [n for statement in node.body for n in statements_of(inside(statement))]
        finally:
            self.classes.pop()
        return node

    def visit_ClassDef(self, node):
        bound, declared = _bound(node)

        def in_its_scope(statement):
            self.scopes.append((True, bound, declared))
            try:
                return self.visit(statement)
            finally:
                self.scopes.pop()

        return self.class_body(node, self.visit, in_its_scope)

    def _scope(self, node):
        bound, declared = _bound(node)
        self.scopes.append((isinstance(node, ast.ClassDef), bound, declared))
        # a function's return annotation stays as written (see visit_arg)
        returns = node.returns if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) else None
        if returns is not None:
            node.returns = None
        self.generic_visit(node)
        if returns is not None:
            node.returns = returns
        self.scopes.pop()
        return node

    def visit_arg(self, node):
        # Annotations stay as the program wrote them: under "from __future__ import annotations" CPython keeps
        # their text, which typing and dataclasses read back (a rewritten one reads "__rt_globals__.item(...)")
        return node

    def visit_AnnAssign(self, node):
        if node.value is not None:
            node.value = self.visit(node.value)
        node.target = self.visit(node.target)
        return node

    visit_FunctionDef = visit_AsyncFunctionDef = visit_Lambda = _scope
    visit_ListComp = visit_SetComp = visit_DictComp = visit_GeneratorExp = _scope

    def visit_Name(self, node):
        shared = self._shared_global(node.id) if isinstance(node.ctx, ast.Load) else None
        if shared is not None:
            site = self.site("read", shared, node.lineno)
            return ast.copy_location(ast.Call(func=ast.Name(id="__rt_read__", ctx=ast.Load()),
                                              args=[ast.Constant(site), ast.Constant(shared),
                                                    ast.Constant(node.lineno)], keywords=[]), node)
        return node

    def _store(self, name, value, node):
        site = self.site("write", name, node.lineno)
        return ast.copy_location(ast.Expr(ast.Call(
            func=ast.Name(id="__rt_write__", ctx=ast.Load()),
            args=[ast.Constant(site), ast.Constant(name), value, ast.Constant(node.lineno)], keywords=[])), node)

    def _retarget(self, target, writes, node):
        """A target with the shared globals in it (x, y = ...; for i in ...) bound to temporaries instead, each
        then written by a point, in CPython's order (writes gets them): else the engine would not see the store."""
        shared = self._shared_global(target.id) if isinstance(target, ast.Name) else None
        if shared is not None:
            self.temps += 1
            temp = "__rt_v%d" % self.temps
            writes.append(self._store(shared, ast.Name(id=temp, ctx=ast.Load()), node))
            return ast.copy_location(ast.Name(id=temp, ctx=ast.Store()), target)
        if isinstance(target, (ast.Tuple, ast.List)):
            target.elts = [self._retarget(e, writes, node) for e in target.elts]
            return target
        if isinstance(target, ast.Starred):
            target.value = self._retarget(target.value, writes, node)
            return target
        return self.visit(target)

    def visit_Assign(self, node):
        node.value = self.visit(node.value)
        if len(node.targets) > 1 or isinstance(node.targets[0], (ast.Tuple, ast.List)):
            writes = []
            node.targets = [self._retarget(t, writes, node) for t in node.targets]
            return [node] + writes if writes else node
        if len(node.targets) == 1:
            t = node.targets[0]
            shared = self._shared_global(t.id) if isinstance(t, ast.Name) else None
            if shared is not None and (self.scopes or not isinstance(node.value, (ast.Lambda,))):
                return self._store(shared, node.value, node)
            # the value first, then the object: CPython's order; the store is placed where its target is (3.11's
            # marks under a failing store point at it)
            if isinstance(t, ast.Attribute):
                return self._expr("set_attr", [node.value, self.visit(t.value), ast.Constant(self._mangled(t.attr))],
                                  node, t)
            if isinstance(t, ast.Subscript) and key_of(t) is not None:
                return self._expr("set_item", [node.value, self.visit(t.value), self.visit(key_of(t))], node, t)
        node.targets = [self.visit(t) for t in node.targets]
        return node

    def visit_AugAssign(self, node):
        t = node.target
        shared = self._shared_global(t.id) if isinstance(t, ast.Name) else None
        if shared is not None:
            node.value = self.visit(node.value)
            read = self.visit_Name(ast.copy_location(ast.Name(id=t.id, ctx=ast.Load()), t))
            return self._store(shared, self._in_place(read, node), node)
        if isinstance(t, ast.Attribute) or (isinstance(t, ast.Subscript) and key_of(t) is not None):
            # obj.a += x: the object once, then a read, the value, and a separate write (two points, as in CPython)
            self.temps += 1
            obj = "__rt_o%d" % self.temps
            keep = ast.NamedExpr(target=ast.Name(id=obj, ctx=ast.Store()), value=self.visit(t.value))
            if isinstance(t, ast.Attribute):
                name = self._mangled(t.attr)
                read = self._call("attr", [keep, ast.Constant(name)], t)
                where = [ast.Name(id=obj, ctx=ast.Load()), ast.Constant(name)]
                writer = "set_attr"
            else:
                key = "__rt_k%d" % self.temps
                read = self._call("item", [keep, ast.NamedExpr(target=ast.Name(id=key, ctx=ast.Store()),
                                                               value=self.visit(key_of(t)))], t)
                where = [ast.Name(id=obj, ctx=ast.Load()), ast.Name(id=key, ctx=ast.Load())]
                writer = "set_item"
            node.value = self.visit(node.value)
            return self._expr(writer, [self._in_place(read, node)] + where, node, t)  # the store: at its target
        node.value = self.visit(node.value)
        return node

    def visit_Call(self, node):
        # obj.method(...): the method is looked up as it is; its object and the arguments are rewritten
        if isinstance(node.func, ast.Attribute):
            node.func.value = self.visit(node.func.value)
        else:
            node.func = self.visit(node.func)
        node.args = [self.visit(a) for a in node.args]
        node.keywords = [self.visit(k) for k in node.keywords]
        return node

    def visit_Attribute(self, node):
        if isinstance(node.ctx, ast.Load):
            return self._call("attr", [self.visit(node.value), ast.Constant(self._mangled(node.attr))], node)
        self.generic_visit(node)
        return node

    def visit_Subscript(self, node):
        if isinstance(node.ctx, ast.Load) and key_of(node) is not None:
            return self._call("item", [self.visit(node.value), self.visit(key_of(node))], node)
        self.generic_visit(node)
        return node

    def _call(self, method, args, node, at=None):
        """A call of the runtime's `method` for `node`, placed where `at` is (else `node`)."""
        return self._placed(ast.Call(
            func=ast.Attribute(value=ast.Name(id="__rt_globals__", ctx=ast.Load()), attr=method, ctx=ast.Load()),
            args=args + [ast.Constant(node.lineno)], keywords=[]), at or node)

    @staticmethod
    def _placed(call, at):
        ast.copy_location(call, at)
        if isinstance(at, ast.Subscript) and at.end_lineno != at.lineno:
            # CPython 3.10+ puts a method call on its attribute's last line: this one's is where the item starts (a
            # subscript spread over lines fails on its first, as CPython's own)
            for part in (call.func, call.func.value):
                part.lineno = part.end_lineno = at.lineno
                part.col_offset = part.end_col_offset = at.col_offset
        return call

    def _expr(self, method, args, node, at=None):
        """A statement of a runtime call for `node`, the call itself placed at `at` (else at the statement)."""
        return ast.copy_location(ast.Expr(self._call(method, args, node, at)), node)

    def _loop(self, node):
        writes = []
        if isinstance(node, ast.For):  # for i in ...: each value of a shared global i is a write
            node.target = self._retarget(node.target, writes, node)
        self.generic_visit(node)
        node.body = writes + node.body
        step = ast.copy_location(ast.Expr(ast.Call(
            func=ast.Name(id="__rt_step__", ctx=ast.Load()),
            args=[ast.Constant(self.site("step", None, node.lineno)), ast.Constant(node.lineno)], keywords=[])),
            node.body[0])
        node.body.insert(0, step)
        return node

    visit_For = _loop
    visit_While = _loop


def statements_of(visited):
    """What a visit gave for a statement, as a list (a statement may become none, one or several)."""
    if visited is None:
        return []
    return visited if isinstance(visited, list) else [visited]


def mangled(name, owner):
    """A name as CPython's compiler writes it in the code of class owner (its methods and the functions in them):
    __x is _owner__x there (an attribute, or a global it declares); a dunder, or a class named only of
    underscores, keeps it. Written as a string into a runtime call, the compiler would not mangle it."""
    if owner is None or not name.startswith("__") or name.endswith("__"):
        return name
    owner = owner.lstrip("_")
    return "_%s%s" % (owner, name) if owner else name


def module_int_globals(tree):
    """Names assigned an int literal at module level: the program's shared counters and balances; and the names
    functions declare global (mangled in a class's code, as CPython declares them)."""
    names = set()
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) \
                and isinstance(node.value.value, int) and not isinstance(node.value.value, bool):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))

    def declared(node, owner):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Global):
                names.update(mangled(name, owner) for name in child.names)
            declared(child, child.name if isinstance(child, ast.ClassDef) else owner)

    declared(tree, None)
    return names


def _is_fork(node):
    """pid = os.fork(): a statement the runtime can model at the program's top level."""
    return isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) \
        and isinstance(node.value, ast.Call) and not node.value.args and not node.value.keywords \
        and isinstance(node.value.func, ast.Attribute) and node.value.func.attr == "fork" \
        and isinstance(node.value.func.value, ast.Name) and node.value.func.value.id == "os"


class _TopLevelNames(ast.NodeVisitor):
    """The names statements bind at the level they are at (not inside the functions and classes they define)."""

    def __init__(self):
        self.names = set()

    def visit_Name(self, node):
        if isinstance(node.ctx, ast.Store):
            self.names.add(node.id)

    def _define(self, node):
        self.names.add(node.name)
        for d in node.decorator_list:
            self.visit(d)

    visit_FunctionDef = visit_AsyncFunctionDef = visit_ClassDef = _define

    def visit_Lambda(self, node):
        pass

    def visit_Import(self, node):
        self.names.update((a.asname or a.name).split(".")[0] for a in node.names)

    visit_ImportFrom = visit_Import


def split_at_fork(tree):
    """A top-level "pid = os.fork()" and the statements after it become __rt_fork__("pid", __rt_after_fork__)
    where __rt_after_fork__ runs those statements (on the module's globals): the runtime runs it twice, in a
    child process with pid 0 and in the parent with the child's pid, as fork returns twice."""
    for i, node in enumerate(tree.body):
        if _is_fork(node):
            rest = tree.body[i + 1:] or [ast.Pass()]
            if any(isinstance(n, ast.Global) or (isinstance(n, ast.ImportFrom) and n.names[0].name == "*")
                   for n in rest):
                return tree  # cannot be a function's body: os.fork() says it is not modelled here
            finder = _TopLevelNames()
            for statement in rest:
                finder.visit(statement)
            body = ([ast.Global(names=sorted(finder.names))] if finder.names else []) + rest
            after = ast.FunctionDef(name="__rt_after_fork__", args=ast.arguments(
                posonlyargs=[], args=[], vararg=None, kwonlyargs=[], kw_defaults=[], kwarg=None, defaults=[]),
                body=body, decorator_list=[], returns=None, lineno=node.lineno, col_offset=0)
            if "type_params" in ast.FunctionDef._fields:  # Python 3.12+
                after.type_params = []
            call = ast.Expr(ast.Call(func=ast.Name(id="__rt_fork__", ctx=ast.Load()), args=[
                ast.Constant(node.targets[0].id), ast.Name(id="__rt_after_fork__", ctx=ast.Load())], keywords=[]))
            tree.body[i:] = [ast.copy_location(after, node), ast.copy_location(call, node)]
            return tree
    return tree


def _target_name(target):
    """How the views call what an assignment stores into: 'lock' for lock, self.lock and self._lock; None where it
    is no plain name (an item, a starred target)."""
    if isinstance(target, ast.Name):
        return target.id
    if isinstance(target, ast.Attribute):
        return target.attr.strip("_") or None
    return None


_CONDITION_LOCK = " (lock)"  # the name of a lock made for a Condition, after the Condition's ("cond (lock)")


def _made_lock_of_condition(call):
    """The call making the lock of Condition(Lock()) or Condition(lock=RLock()), if the call is such; else None."""
    func = call.func
    if (func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)) != "Condition":
        return None
    lock = call.args[0] if call.args else next((k.value for k in call.keywords if k.arg == "lock"), None)
    return lock if isinstance(lock, ast.Call) else None


def condition_lock_name(line, name):
    """Before Python 3.11 (no columns), from the line's text: the lock made on a line that makes a Condition of it
    ("cond = threading.Condition(threading.Lock())") is named after the Condition, as creation_names names it."""
    return name + _CONDITION_LOCK if re.search(r"\bCondition\(\s*(lock\s*=\s*)?[\w.]*R?Lock\(", line) else name


def creation_names(tree, module=""):
    """For each call of the program, by its place (line, end line, column, end column), the name the object it makes
    gets in the views, as the program names it: (name, whether it is one of a list's items). 'a' and 'b' for
    'a = Lock(); b = Lock()' and for 'a, b = Lock(), Lock()'; 'p' for 'with Pool(4) as p:'; 'forks' (an item of it) for
    'forks = [Lock() for _ in range(5)]' and 'forks.append(Lock())'. Calls it cannot name are not in it. A module
    of the program (module: its name) names its own globals after itself: 'bank.lock'."""
    names = {}
    top_level = {id(statement) for statement in tree.body}

    def name_calls(value, name, item):
        """The calls that are value itself, or the element of a list comprehension or list display it is."""
        if isinstance(value, ast.Call):  # (a = b = Lock(): the first target names it)
            names.setdefault((value.lineno, value.end_lineno, value.col_offset, value.end_col_offset), (name, item))
            lock = _made_lock_of_condition(value)
            if lock is not None:  # cond = Condition(Lock()): the lock is "cond (lock)"
                name_calls(lock, name + _CONDITION_LOCK, item)
        elif isinstance(value, (ast.ListComp, ast.GeneratorExp, ast.SetComp)):
            name_calls(value.elt, name, True)
        elif isinstance(value, (ast.List, ast.Tuple)):
            for element in value.elts:
                name_calls(element, name, True)

    for node in ast.walk(tree):
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, (ast.Tuple, ast.List)) and isinstance(node.value, (ast.Tuple, ast.List)) \
                        and len(target.elts) == len(node.value.elts):
                    for t, v in zip(target.elts, node.value.elts):  # a, b = Lock(), Lock()
                        if _target_name(t):
                            name_calls(v, _target_name(t), False)
                elif _target_name(target):
                    prefix = module + "." if module and id(node) in top_level and isinstance(target, ast.Name) else ""
                    name_calls(node.value, prefix + _target_name(target), False)
                elif isinstance(target, ast.Subscript) and _target_name(target.value) \
                        and isinstance(target.slice, ast.Constant):  # locks["bob"] = Lock(), as the code says it
                    name_calls(node.value, "%s[%r]" % (_target_name(target.value), target.slice.value), False)
        elif isinstance(node, (ast.With, ast.AsyncWith)):  # with Pool(4) as p: the pool is p, as the code says
            for item in node.items:
                if isinstance(item.optional_vars, ast.Name):
                    name_calls(item.context_expr, item.optional_vars.id, False)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and len(node.args) == 1 \
                and node.func.attr in ("append", "add", "put") and _target_name(node.func.value):
            name_calls(node.args[0], _target_name(node.func.value), True)  # forks.append(Lock())
    return names
