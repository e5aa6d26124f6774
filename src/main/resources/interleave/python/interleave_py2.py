"""Python 2 to Python 3 for a Python that has no lib2to3 (3.13 and newer removed it).

Where the interpreter still has lib2to3, interleave_prepare uses it; this converter writes what lib2to3's fixers
write for the constructs that teaching programs use (the print and exec statements, `except E, e`, `raise E, v`,
`<>`, backquotes, long and octal literals, `ur''`, raw_input/input, xrange, apply, has_key, the dict methods and
map/filter/zip/range that returned lists, `it.next()`, renamed modules such as Queue and thread), so that a program
gives the same output on either. It works on CPython's own tokens and edits the text in place: no line is added or
removed, so line N of the result is line N of the file. A construct it does not know is left as it is; the caller
then finds the result does not parse and says which line.
"""
import ast
import importlib
import io
import keyword
import re
import tokenize

MODULES = {"Queue": "queue", "thread": "_thread", "SocketServer": "socketserver", "ConfigParser": "configparser",
           "cPickle": "pickle", "cStringIO": "io", "StringIO": "io", "__builtin__": "builtins", "Tkinter": "tkinter",
           "urllib2": "urllib.request", "urlparse": "urllib.parse", "httplib": "http.client", "copy_reg": "copyreg",
           "HTMLParser": "html.parser", "BaseHTTPServer": "http.server", "SimpleHTTPServer": "http.server",
           "xmlrpclib": "xmlrpc.client", "Cookie": "http.cookies", "cookielib": "http.cookiejar"}
NAMES = {"raw_input": "input", "xrange": "range", "unicode": "str", "basestring": "str", "long": "int",
         "unichr": "chr"}
# module attributes Python 3 moved: (module, name) -> what to write for "module.name"
ATTRIBUTES = {("sys", "maxint"): "sys.maxsize", ("os", "getcwdu"): "os.getcwd",
              ("itertools", "izip"): "zip", ("itertools", "imap"): "map", ("itertools", "ifilter"): "filter",
              ("itertools", "izip_longest"): "itertools.zip_longest",
              ("itertools", "ifilterfalse"): "itertools.filterfalse"}
ATTRIBUTES.update({("types", name): value for name, value in {
    "StringType": "bytes", "UnicodeType": "str", "IntType": "int", "LongType": "int", "FloatType": "float",
    "BooleanType": "bool", "ListType": "list", "TupleType": "tuple", "DictType": "dict",
    "NoneType": "type(None)"}.items()})
ATTRIBUTES.update({("urllib", name): "urllib.parse." + name for name in (
    "quote", "quote_plus", "unquote", "unquote_plus", "urlencode", "pathname2url", "url2pathname")})
ATTRIBUTES.update({("urllib", name): "urllib.request." + name for name in (
    "urlopen", "urlretrieve", "urlcleanup", "URLopener", "FancyURLopener", "getproxies")})
# Python 2's itertools names that Python 3 has as built-ins or renamed, in "from itertools import ..."
ITERTOOLS = {"izip": "zip", "imap": "map", "ifilter": "filter", "izip_longest": "zip_longest",
             "ifilterfalse": "filterfalse"}
# built-ins that moved to a module: the import the converted program needs, and what the call becomes
MOVED = {"reduce": ("from functools import reduce", "reduce"), "intern": ("import sys", "sys.intern"),
         "reload": ("import importlib", "importlib.reload")}
# Python 2 methods of a class that Python 3 names otherwise
METHODS = {"next": "__next__", "__nonzero__": "__bool__"}
# what Python 3 keywords are, plus Python 2's print and exec: never a function called or subscripted
NOT_CALLABLE = set(keyword.kwlist) | {"print", "exec"}
DICT_LISTS = {"keys", "values", "items"}
DICT_ITERATORS = {"iterkeys": "keys", "itervalues": "values", "iteritems": "items"}
LISTS = {"range", "map", "filter", "zip"}
# calls that take an iterable whole: an argument that was a list in Python 2 needs no list() there
CONSUMERS = {"sorted", "list", "set", "any", "all", "tuple", "sum", "min", "max", "enumerate"}
OCTAL = re.compile(r"0[0-7]+$")
SKIPPED = (tokenize.NL, tokenize.COMMENT)


class Unconvertible(Exception):
    """Two edits of the text overlap: the converter does not know how to combine them."""


class Edits:
    """Changes to the source by character offset, applied at once: replacements, and insertions that open or close
    a construct (at one place an outer construct opens first and closes last)."""

    def __init__(self, source):
        self.source = source
        self.items = []

    def replace(self, start, end, text):
        self.items.append((start, 2, 0, end, text))

    def open(self, at, span, text):
        self.items.append((at, 1, -span, at, text))

    def close(self, at, span, text):
        self.items.append((at, 0, span, at, text))

    def apply(self):
        return self.render(0, len(self.source), self.items)

    def take(self, start, end):
        """The text from start to end with the edits inside it applied, those edits then taken out (the caller
        puts the text elsewhere); insertions at either end belong to the text around it."""
        inside, outside = [], []
        for item in self.items:
            at, kind, order, stop, _text = item
            # (an insertion at an end is inside if it opens or closes a construct no longer than the range)
            if start <= at and stop <= end and (at < stop or start < at < end or kind < 2 and abs(order) <= end - start):
                inside.append(item)
            elif at < end and stop > start and at < stop:
                raise Unconvertible()  # an edit across the range's edge
            else:
                outside.append(item)
        self.items = outside
        return self.render(start, end, inside)

    def render(self, start, end, items):
        out, position = [], start
        for at, _kind, _order, stop, text in sorted(items, key=lambda item: item[:3]):
            if at < position:
                raise Unconvertible()
            out.append(self.source[position:at])
            out.append(text)
            position = stop
        out.append(self.source[position:end])
        return "".join(out)


class Converter:
    def __init__(self, source):
        self.source = source
        starts, offset = [0], 0
        for line in source.splitlines(True):
            offset += len(line)
            starts.append(offset)
        self.line_starts = starts
        # (before 3.12 the tokenizer reads a backquote as an error token and `<>` and 0777 as two tokens each)
        self.tokens = [t for t in tokenize.generate_tokens(io.StringIO(source).readline)
                       if t.type not in SKIPPED and not (t.type == tokenize.ERRORTOKEN and t.string.isspace())]
        self.match, self.depth = {}, []
        stack = []
        for i, t in enumerate(self.tokens):
            if t.type == tokenize.OP and t.string in ")]}" and stack:
                self.match[stack[-1]] = i
                self.match[i] = stack.pop()
            self.depth.append(len(stack))
            if t.type == tokenize.OP and t.string in "([{":
                stack.append(i)
        self.edits = Edits(source)
        self.moves = []  # (span, edit): edits that move text, made once every other edit is known
        self.whole = set()  # tokens of statements converted as a whole: no other edit within them
        self.exception_scopes = []  # (name, first token, last token): where `except E, name:` binds name
        self.imports_needed = set()
        self.print_function = re.search(r"from\s+__future__\s+import[^\n]*\bprint_function\b", source) is not None

    # --- where things are -------------------------------------------------------------------------------------

    def start(self, i):
        row, col = self.tokens[i].start
        return self.line_starts[row - 1] + col

    def end(self, i):
        row, col = self.tokens[i].end
        return self.line_starts[row - 1] + col

    def text(self, first, last):
        return self.source[self.start(first):self.end(last)]

    def string(self, i):
        return self.tokens[i].string if 0 <= i < len(self.tokens) else ""

    def is_op(self, i, op):
        return 0 <= i < len(self.tokens) and self.tokens[i].type == tokenize.OP and self.tokens[i].string == op

    def is_name(self, i, name=None):
        return (0 <= i < len(self.tokens) and self.tokens[i].type == tokenize.NAME
                and (name is None or self.tokens[i].string == name))

    def statement_start(self, i):
        if i == 0:
            return True
        before = self.tokens[i - 1]
        if before.type in (tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT):
            return True
        return before.type == tokenize.OP and before.string in (";", ":") and self.depth[i - 1] == 0

    def statement_end(self, i):
        """The index of the token that ends the statement holding token i (a NEWLINE, a `;` or the end)."""
        while i < len(self.tokens):
            t = self.tokens[i]
            if t.type in (tokenize.NEWLINE, tokenize.ENDMARKER) or (self.is_op(i, ";") and self.depth[i] == 0):
                return i
            i += 1
        return i

    def commas(self, first, last):
        """The commas between tokens first and last (inclusive) at the depth of token first."""
        return [k for k in range(first, last + 1) if self.is_op(k, ",") and self.depth[k] == self.depth[first]]

    def primary_start(self, i):
        """The first token of the primary expression (a name with its attributes, calls and subscripts) that ends at
        token i."""
        while True:
            if self.string(i) in (")", "]", "}") and i in self.match:
                closing = self.string(i)
                i = self.match[i]
                if closing != "}" and (self.is_name(i - 1) and self.string(i - 1) not in NOT_CALLABLE
                                       or self.string(i - 1) in (")", "]")):
                    i -= 1
                    continue
                if i == 0 or not self.is_op(i - 1, "."):
                    return i
            if self.is_op(i - 1, ".") and i >= 2:
                i -= 2
                continue
            return i

    def call_end(self, i):
        """For token i followed by `(`: the index of the call's `)`, or None."""
        return self.match.get(i + 1) if self.is_op(i + 1, "(") else None

    def iterated_whole(self, first, last):
        """Whether tokens first..last are the whole iterable of a for statement, or the only argument of a call
        that consumes an iterable (there a Python 2 list and a Python 3 view or iterator behave alike)."""
        if self.is_name(first - 1, "in") and self.is_op(last + 1, ":"):
            k = first - 1
            while k > 0 and not self.statement_start(k):
                k -= 1
            if self.is_name(k, "for"):
                return True
        if (self.is_op(first - 1, "(") and self.match.get(first - 1) == last + 1
                and self.string(first - 2) in CONSUMERS and not self.is_op(first - 3, ".")):
            return True
        return False

    def wrap(self, first, last, name):
        span = self.end(last) - self.start(first)
        self.edits.open(self.start(first), span, name + "(")
        self.edits.close(self.end(last), span, ")")

    # --- the fixers -------------------------------------------------------------------------------------------

    def convert(self, extras_only=False):
        """The converted text. extras_only: only what lib2to3 leaves that Python 3 refuses at run time (the text is
        lib2to3's output already)."""
        renamed_modules = set()
        for i, t in enumerate(self.tokens):
            if t.type == tokenize.NAME and self.statement_start(i):
                if t.string == "except":
                    self.except_clause(i)
                elif extras_only:
                    continue
                elif t.string == "print" and not self.print_function:
                    self.print_statement(i)
                elif t.string == "exec":
                    self.exec_statement(i)
                elif t.string == "raise":
                    self.raise_statement(i)
                elif t.string in ("import", "from"):
                    renamed_modules |= self.imports(i)
        backquotes = 0
        skip_to = -1
        for i, t in enumerate(self.tokens):
            if i <= skip_to or i in self.whole:
                continue
            if t.type == tokenize.NAME and self.statement_start(i):
                skip_to = self.python2_idiom(i)
                if skip_to >= i:
                    continue
            if t.type == tokenize.NAME and self.is_op(i - 1, "."):
                self.extra_attribute(i)
            if extras_only:
                continue
            if t.type == tokenize.OP and t.string == "<>":
                self.edits.replace(self.start(i), self.end(i), "!=")
            elif self.is_op(i, "<") and self.is_op(i + 1, ">") and self.end(i) == self.start(i + 1):
                self.edits.replace(self.start(i), self.end(i + 1), "!=")
            elif t.type in (tokenize.OP, tokenize.ERRORTOKEN) and t.string == "`":
                backquotes += 1
                self.edits.replace(self.start(i), self.end(i), "repr(" if backquotes % 2 else ")")
            elif t.type == tokenize.NUMBER:
                self.number(i)
            elif t.type == tokenize.STRING:
                self.string_prefix(i)
            elif t.type == tokenize.NAME and not self.is_op(i - 1, "."):
                self.name(i, renamed_modules)
            elif t.type == tokenize.NAME:
                self.attribute(i)
        # edits that move text (k in d for d.has_key(k)): last, each taking the edits inside what it moves
        for _span, move in sorted(self.moves, key=lambda m: m[0]):
            move()
        if self.imports_needed:
            self.add_imports()
        return self.edits.apply()

    def python2_idiom(self, i):
        """reload(sys) and sys.setdefaultencoding(...), as whole statements: Python 2's way to make str UTF-8,
        which Python 3's str is (importlib.reload(sys) would undo the runtime's own streams). They become pass;
        the statement's last token is returned (-1 for any other statement)."""
        last = self.statement_end(i) - 1
        text = "".join(self.string(k) for k in range(i, min(last, i + 6) + 1))
        if text in ("reload(sys)", "importlib.reload(sys)") or (
                text.startswith("sys.setdefaultencoding(") and self.match.get(i + 3) == last):
            self.edits.replace(self.start(i), self.end(last), "pass")
            return last
        return -1

    def extra_attribute(self, i):
        """Python 2 names lib2to3 leaves: an exception's message, Thread.isAlive() (gone in 3.9), time.clock()
        (gone in 3.8)."""
        name, owner = self.string(i), self.string(i - 2)
        if name == "message" and not self.is_op(i - 3, ".") and not self.is_op(i + 1, "=") and (
                self.exception_message(i)):
            self.edits.replace(self.start(i - 2), self.end(i), "(%s.args[0] if len(%s.args) == 1 else '')"
                               % (owner, owner))
        elif name == "isAlive" and self.is_op(i + 1, "("):
            self.edits.replace(self.start(i), self.end(i), "is_alive")
        elif name == "clock" and self.is_name(i - 2, "time") and not self.is_op(i - 3, ".") and self.is_op(i + 1, "("):
            self.edits.replace(self.start(i), self.end(i), "perf_counter")

    def add_imports(self):
        """What the moved built-ins need, put before the program's first import (or first plain statement) on the
        same line, so that no line is added."""
        needed = [statement for statement in sorted(self.imports_needed)
                  if not re.search(r"^%s\s*$" % re.escape(statement), self.source, re.M)]  # (there already)
        if not needed:
            return
        text = "; ".join(needed) + "; "
        fallback = None
        for i, t in enumerate(self.tokens):
            if not (t.type == tokenize.NAME and t.start[1] == 0 and self.statement_start(i)):
                continue
            if t.string in ("import", "from") and not self.is_name(i + 1, "__future__"):
                self.edits.open(self.start(i), len(self.source) + 1, text)
                return
            if fallback is None and t.string not in keyword.kwlist:
                fallback = i
        if fallback is None:
            raise Unconvertible()
        self.edits.open(self.start(fallback), len(self.source) + 1, text)

    def print_statement(self, i):
        stop = self.statement_end(i + 1)
        last = stop - 1
        if last == i:
            self.edits.replace(self.start(i), self.end(i), "print()")
            return
        if self.is_op(i + 1, "(") and self.match.get(i + 1) == last and last - i == 3:
            return  # print ("x"): lib2to3 leaves a parenthesised atom as it is
        first, target = i + 1, None
        if self.is_op(i + 1, ">>"):
            commas = self.commas(i + 2, last)
            target = self.text(i + 2, commas[0] - 1 if commas else last)
            if not commas or commas[0] == last:
                self.edits.replace(self.end(i), self.end(last), "(file=%s)" % target)
                return
            first = commas[0] + 1
        self.edits.replace(self.end(i), self.start(first), "(")
        tail = (", file=%s)" % target) if target else ")"
        if self.is_op(last, ",") and self.depth[last] == self.depth[i]:
            self.edits.replace(self.start(last), self.end(last), ", end=' '" + tail)
        else:
            self.edits.close(self.end(last), self.end(last) - self.start(i), tail)

    def exec_statement(self, i):
        stop = self.statement_end(i + 1)
        last = stop - 1
        if last == i or (self.is_op(i + 1, "(") and self.match.get(i + 1) == last):
            return
        self.edits.replace(self.end(i), self.start(i + 1), "(")
        for k in range(i + 1, last):
            if self.is_name(k, "in") and self.depth[k] == self.depth[i]:
                self.edits.replace(self.end(k - 1), self.start(k + 1), ", ")
                break
        self.edits.close(self.end(last), self.end(last) - self.start(i), ")")

    def except_clause(self, i):
        k = i + 1
        while k < len(self.tokens) and not (self.is_op(k, ":") and self.depth[k] == self.depth[i]):
            k += 1
        commas = self.commas(i + 1, k - 1) if k > i + 1 else []
        if len(commas) == 1:
            self.edits.replace(self.end(commas[0] - 1), self.start(commas[0] + 1), " as ")
        bound = commas[0] + 1 if len(commas) == 1 else (k - 1 if self.is_name(k - 2, "as") else -1)
        if bound > i and self.is_name(bound):
            self.exception_scopes.append((self.string(bound), k + 1, self.block_end(i, k)))

    def block_end(self, i, colon):
        """The last token of the block that the clause at token i opens with the colon at token colon."""
        if self.tokens[colon + 1].type != tokenize.NEWLINE:
            return self.statement_end(colon + 1)  # except E, e: print e.message
        column = self.tokens[i].start[1]
        for k in range(colon + 2, len(self.tokens)):
            t = self.tokens[k]
            if t.type not in (tokenize.INDENT, tokenize.DEDENT, tokenize.NEWLINE) and self.statement_start(k) and (
                    self.tokens[k - 1].type in (tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT)
                    and t.start[1] <= column):
                return k - 1
        return len(self.tokens) - 1

    def exception_message(self, i):
        """e.message in the block of `except E, e:`: Python 2's BaseException had it (its one argument, else '')."""
        name = self.string(i - 2)
        return any(name == bound and first <= i <= last for bound, first, last in self.exception_scopes)

    def raise_statement(self, i):
        last = self.statement_end(i + 1) - 1
        commas = self.commas(i + 1, last) if last > i else []
        if not commas or len(commas) > 2:
            return
        value_first = commas[0] + 1
        value_last = commas[1] - 1 if len(commas) == 2 else last
        if self.is_op(value_first, "(") and self.match.get(value_first) == value_last:
            # raise E, (a, b): the tuple's items are the exception's arguments
            self.edits.replace(self.end(commas[0] - 1), self.end(value_first), "(")
        else:
            self.edits.replace(self.end(commas[0] - 1), self.start(value_first), "(")
            self.edits.close(self.end(value_last), self.end(value_last) - self.start(i), ")")
        if len(commas) == 2:
            self.edits.replace(self.end(value_last), self.start(commas[1] + 1), ".with_traceback(")
            self.edits.close(self.end(last), self.end(last) - self.start(i), ")")

    def imports(self, i):
        """Renames the modules Python 3 renamed; returns those imported under their own name, whose uses must be
        renamed too."""
        renamed = set()
        last = self.statement_end(i + 1) - 1
        if self.string(i) == "from":
            module = self.string(i + 1)
            if module in MODULES and self.is_name(i + 2, "import"):
                self.edits.replace(self.start(i + 1), self.end(i + 1), MODULES[module])
            elif module == "itertools" and self.is_name(i + 2, "import"):
                self.itertools_names(i + 3, last)
            elif module == "urllib" and self.is_name(i + 2, "import"):
                targets = {ATTRIBUTES.get(("urllib", self.string(k)), "").rsplit(".", 1)[0]
                           for k in range(i + 3, last + 1) if self.is_name(k)}
                if len(targets) == 1 and "" not in targets:
                    self.edits.replace(self.start(i + 1), self.end(i + 1), targets.pop())
            return renamed
        k = i + 1
        while k <= last:
            name = self.string(k)
            plain = self.is_op(k + 1, ",") or k + 1 > last
            if name in MODULES and not self.is_op(k + 1, "."):
                self.edits.replace(self.start(k), self.end(k), MODULES[name])
                if plain:
                    renamed.add(name)
            elif name == "urllib" and plain:
                self.edits.replace(self.start(k), self.end(k), "urllib.request, urllib.parse, urllib.error")
            commas = self.commas(k, last)
            if not commas:
                break
            k = commas[0] + 1
        return renamed

    def itertools_names(self, first, last):
        """from itertools import izip, count: the names Python 3 has as built-ins leave the list (where none is
        left, the statement becomes pass), the renamed ones are renamed (and so are their uses, see name)."""
        names = [self.string(k) for k in range(first, last + 1) if self.is_name(k)]
        if "as" in names or not any(name in ITERTOOLS for name in names):
            return
        kept = [ITERTOOLS.get(name, name) for name in names if ITERTOOLS.get(name) not in ("zip", "map", "filter")]
        self.edits.replace(self.start(first - 3), self.end(last),
                           "from itertools import " + ", ".join(kept) if kept else "pass")
        self.whole.update(range(first - 3, last + 1))

    def number(self, i):
        text = self.string(i)
        if OCTAL.match(text):
            self.edits.replace(self.start(i), self.end(i), "0o" + text[1:])
        elif (text == "0" and self.tokens[i + 1].type == tokenize.NUMBER and self.end(i) == self.start(i + 1)
              and OCTAL.match("0" + self.string(i + 1))):
            self.edits.replace(self.start(i), self.end(i + 1), "0o" + self.string(i + 1))
            return
        if self.string(i + 1) in ("L", "l") and self.start(i + 1) == self.end(i):
            self.edits.replace(self.start(i + 1), self.end(i + 1), "")

    def string_prefix(self, i):
        text = self.string(i)
        if text[:1] in "uU":
            self.edits.replace(self.start(i), self.start(i) + 1, "")
        if self.string(i - 1).lower() == "ur" and self.end(i - 1) == self.start(i):
            self.edits.replace(self.start(i - 1), self.end(i - 1), "r")

    def name(self, i, renamed_modules):
        name = self.string(i)
        defined = self.is_name(i - 1, "def") or self.is_name(i - 1, "class")
        if name in renamed_modules and self.is_op(i + 1, ".") and module_has(MODULES[name], self.string(i + 2)):
            self.edits.replace(self.start(i), self.end(i), MODULES[name])
        elif name in NAMES:
            self.edits.replace(self.start(i), self.end(i), NAMES[name])
        elif name in METHODS and self.is_name(i - 1, "def"):
            if self.in_class(i - 1):
                self.edits.replace(self.start(i), self.end(i), METHODS[name])
        elif name == "lambda" and self.is_op(i + 1, "("):
            self.lambda_tuple(i)
        elif name in ITERTOOLS:
            self.edits.replace(self.start(i), self.end(i), ITERTOOLS[name])  # imported from itertools by name
        elif defined or self.call_end(i) is None:
            return
        elif name == "input":
            self.wrap(i, self.call_end(i), "eval")
        elif name == "apply":
            self.apply(i, self.call_end(i))
        elif name in LISTS and not self.iterated_whole(i, self.call_end(i)):
            self.wrap(i, self.call_end(i), "list")
        elif name in MOVED:
            needed, call = MOVED[name]
            self.imports_needed.add(needed)
            if call != name:
                self.edits.replace(self.start(i), self.end(i), call)

    def in_class(self, i):
        """Whether the def at token i is directly in a class's body: the nearest line above it indented less
        opens a class."""
        column = self.tokens[i].start[1]
        for k in range(i - 1, -1, -1):
            t = self.tokens[k]
            if self.statement_start(k) and t.start[1] < column and t.type == tokenize.NAME and (
                    k == 0 or self.tokens[k - 1].type in (tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT)):
                return t.string == "class"
        return False

    def lambda_tuple(self, i):
        """lambda (k, v): v + 1 (Python 2 unpacked a tuple argument) -> lambda k_v: k_v[1] + 1, as lib2to3 does."""
        close = self.match.get(i + 1)
        if close is None or not self.is_op(close + 1, ":"):
            return
        inner = list(range(i + 2, close))
        names = [self.string(k) for k in inner if self.is_name(k)]
        if not names or any(not (self.is_name(k) or self.is_op(k, ",")) for k in inner):
            return  # nested tuples: not converted
        joined = "_".join(names)
        self.edits.replace(self.start(i + 1), self.end(close), " " + joined if self.end(i) == self.start(i + 1)
                           else joined)
        k = close + 2
        while k < len(self.tokens):
            t = self.tokens[k]
            if t.type in (tokenize.NEWLINE, tokenize.ENDMARKER) or self.depth[k] < self.depth[i] or (
                    self.depth[k] == self.depth[i] and t.string in (",", ")", "]", "}", ";")):
                break
            if t.type == tokenize.NAME and t.string in names and not self.is_op(k - 1, ".") and not (
                    self.is_op(k + 1, "=") and self.depth[k] > self.depth[i]):
                self.edits.replace(self.start(k), self.end(k), "%s[%d]" % (joined, names.index(t.string)))
            k += 1

    def apply(self, i, close):
        commas = self.commas(i + 2, close - 1)
        if len(commas) not in (1, 2):
            return
        function = range(i + 2, commas[0])
        simple = all(self.tokens[k].type == tokenize.NAME and not keyword.iskeyword(self.string(k))
                     or self.string(k) in ".()[]" or self.depth[k] > self.depth[i + 2] for k in function)
        self.edits.replace(self.start(i), self.start(i + 2), "" if simple else "(")
        self.edits.replace(self.end(commas[0] - 1), self.start(commas[0] + 1), "(*" if simple else ")(*")
        if len(commas) == 2:
            self.edits.replace(self.end(commas[1] - 1), self.start(commas[1] + 1), ", **")

    def attribute(self, i):
        name, owner = self.string(i), self.string(i - 2)
        if (owner, name) in ATTRIBUTES and not self.is_op(i - 3, ".") and self.tokens[i - 2].type == tokenize.NAME:
            self.edits.replace(self.start(i - 2), self.end(i), ATTRIBUTES[(owner, name)])
            return
        close = self.call_end(i)
        if close is None or close != i + 2:
            if name == "has_key" and close is not None:
                receiver = self.primary_start(i - 2)
                self.moves.append((self.end(close) - self.start(receiver), lambda: self.has_key(i, close)))
            return
        receiver = self.primary_start(i - 2)
        if name in DICT_LISTS:
            if not self.iterated_whole(receiver, close):
                self.wrap(receiver, close, "list")
        elif name in DICT_ITERATORS:
            self.edits.replace(self.start(i), self.end(i), DICT_ITERATORS[name])
            if not self.iterated_whole(receiver, close):
                self.wrap(receiver, close, "iter")
        elif name == "next":
            self.moves.append((self.end(close) - self.start(receiver), lambda: self.edits.replace(
                self.start(receiver), self.end(close), "next(%s)" % self.edits.take(self.start(receiver),
                                                                                    self.end(i - 2)))))

    def has_key(self, i, close):
        receiver = self.primary_start(i - 2)
        loose_before = (self.statement_start(receiver) or self.string(receiver - 1) in
                        ("if", "elif", "while", "return", "=", "(", ",", "and", "or", "not", "assert", "print"))
        loose_after = self.tokens[close + 1].type in (tokenize.NEWLINE, tokenize.ENDMARKER) or self.string(
            close + 1) in (":", ")", ",", "and", "or", "]", ";")
        key = self.edits.take(self.start(i + 2), self.end(close - 1))
        test = "%s in %s" % (key, self.edits.take(self.start(receiver), self.end(i - 2)))
        self.edits.replace(self.start(receiver), self.end(close),
                           test if loose_before and loose_after else "(%s)" % test)


OLD_DIV = "old_div = lambda a, b: a // b if isinstance(a, int) and isinstance(b, int) else a / b; "


def old_division(converted, original):
    """Python 2's / between two ints, which floored (7 / 2 == 3), in the converted program: a / b becomes
    old_div(a, b), as futurize writes it, defined on the first plain statement's line (so no line is added);
    7 / 2 becomes 7 // 2 and a division with a float literal stays. Not where the program imports division from
    __future__. The converted text, or itself where nothing divides."""
    if re.search(r"from\s+__future__\s+import[^\n]*\bdivision\b", original):
        return converted
    try:
        tree = ast.parse(converted)
    except SyntaxError:
        return converted
    lines = converted.splitlines(True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))

    def offset(lineno, col):  # ast's columns count UTF-8 bytes
        return starts[lineno - 1] + len(lines[lineno - 1].encode("utf-8")[:col].decode("utf-8", "replace"))

    def span(node):
        return offset(node.lineno, node.col_offset), offset(node.end_lineno, node.end_col_offset)

    def literal(node, kind):
        return isinstance(node, ast.Constant) and type(node.value) is kind

    edits = Edits(converted)
    uses = False
    divisions = [n for n in ast.walk(tree) if isinstance(n, ast.BinOp) and isinstance(n.op, ast.Div)
                 or isinstance(n, ast.AugAssign) and isinstance(n.op, ast.Div) and isinstance(n.target, ast.Name)]
    for node in sorted(divisions, key=lambda n: span(n)[1] - span(n)[0]):  # inner ones first
        left = node.target if isinstance(node, ast.AugAssign) else node.left
        right = node.value if isinstance(node, ast.AugAssign) else node.right
        if literal(left, float) or literal(right, float) or literal(right, complex):
            continue
        start, end = span(node)
        if literal(left, int) and literal(right, int) and isinstance(node, ast.BinOp):
            edits.replace(span(left)[1], span(right)[0], converted[span(left)[1]:span(right)[0]].replace("/", "//"))
            continue
        uses = True
        right_text = edits.take(*span(right))
        if isinstance(node, ast.AugAssign):
            edits.replace(start, end, "%s = old_div(%s, %s)" % (left.id, left.id, right_text))
        else:
            edits.replace(start, end, "old_div(%s, %s)" % (edits.take(*span(left)), right_text))
    if uses:
        first = next((n for n in tree.body if not (isinstance(n, ast.ImportFrom) and n.module == "__future__")
                      and not (isinstance(n, ast.Expr) and literal(n.value, str))), None)
        if first is None or isinstance(first, (ast.FunctionDef, ast.ClassDef, ast.If, ast.For, ast.While, ast.Try,
                                               ast.With, ast.AsyncFunctionDef)) or first.col_offset != 0:
            return converted  # no plain statement to put the definition on: left as Python 3 reads it
        edits.open(offset(first.lineno, 0), len(converted) + 1, OLD_DIV)
    try:
        return edits.apply()
    except Unconvertible:
        return converted


def module_has(module, name):
    """Whether Python 3's module has the name, so that X.name is the renamed module's (`import thread` and a
    variable named thread: thread.start() is the variable's). True where the module cannot be imported here."""
    try:
        return hasattr(importlib.import_module(module), name)
    except Exception:  # noqa: any failure to import: assume it is the module, as lib2to3 does
        return True


def convert(source, extras_only=False):
    """The program in Python 3, or None where its tokens cannot be read or two changes would overlap.
    extras_only: source is lib2to3's conversion; only what lib2to3 leaves and Python 3 refuses is changed."""
    try:
        return Converter(source).convert(extras_only)
    except (tokenize.TokenError, SyntaxError, Unconvertible):
        return None
