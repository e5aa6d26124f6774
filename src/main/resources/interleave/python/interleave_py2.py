"""Python 2 to Python 3 for a Python that has no lib2to3 (3.13 and newer removed it).

Where the interpreter still has lib2to3, interleave_prepare uses it; this converter writes what lib2to3's fixers
write for the constructs that teaching programs use (the print and exec statements, `except E, e`, `raise E, v`,
`<>`, backquotes, long and octal literals, `ur''`, raw_input/input, xrange, apply, has_key, the dict methods and
map/filter/zip/range that returned lists, `it.next()`, renamed modules such as Queue and thread), so that a program
gives the same output on either. It works on CPython's own tokens and edits the text in place: no line is added or
removed, so line N of the result is line N of the file (a conversion that would change the count is refused). A
construct it does not know is left as it is; the caller then finds the result does not parse and says which line.
"""
import ast
import importlib
import io
import keyword
import re
import tokenize
from typing import NamedTuple

MODULES = {"Queue": "queue", "thread": "_thread", "SocketServer": "socketserver", "ConfigParser": "configparser",
           "cPickle": "pickle", "cStringIO": "io", "StringIO": "io", "__builtin__": "builtins", "Tkinter": "tkinter",
           "urllib2": "urllib.request", "urlparse": "urllib.parse", "httplib": "http.client", "copy_reg": "copyreg",
           "HTMLParser": "html.parser", "BaseHTTPServer": "http.server", "SimpleHTTPServer": "http.server",
           "xmlrpclib": "xmlrpc.client", "Cookie": "http.cookies", "cookielib": "http.cookiejar"}
NAMES = {"raw_input": "input", "xrange": "range", "unicode": "str", "basestring": "str", "long": "int",
         "unichr": "chr", "StandardError": "Exception"}
# attributes of functions and methods Python 3 renamed
FUNCTION_ATTRIBUTES = {"func_name": "__name__", "func_defaults": "__defaults__", "func_doc": "__doc__",
                       "func_code": "__code__", "func_globals": "__globals__", "func_closure": "__closure__",
                       "func_dict": "__dict__", "im_self": "__self__", "im_func": "__func__"}
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
# what binds looser than `in` (or as loosely): a has_key argument holding one needs parentheses before `in d`
LOOSER_THAN_IN = {"or", "and", "not", "if", "else", "lambda", "in", "is"}
DICT_LISTS = {"keys", "values", "items"}
DICT_ITERATORS = {"iterkeys": "keys", "itervalues": "values", "iteritems": "items"}
LISTS = {"range", "map", "filter", "zip"}
# calls that take an iterable whole: an argument that was a list in Python 2 needs no list() there
CONSUMERS = {"sorted", "list", "set", "any", "all", "tuple", "sum", "min", "max", "enumerate"}
OCTAL = re.compile(r"0[0-7]+$")
SKIPPED = (tokenize.NL, tokenize.COMMENT)


class Unconvertible(Exception):
    """The converter does not know how to convert this program (two changes would overlap, a line would be added or
    removed, or a definition the program needs has no line to go on): where (a line, 0 if unknown) and why."""

    def __init__(self, line=0, why="two of its changes would overlap"):
        super().__init__(why)
        self.line = line
        self.why = why


# An Edit's kind; at one offset closing comes first, then opening, then replacing (see Edit.order).
CLOSE, OPEN, REPLACE = 0, 1, 2


class Edit(NamedTuple):
    """A change at a character offset: text replaces source[at:stop] (an insertion where stop == at). For an
    insertion that opens or closes a construct, span is the construct's length: at one offset an outer construct
    opens first and closes last."""
    at: int
    kind: int
    span: int
    stop: int
    text: str

    def order(self):
        return self.at, self.kind, -self.span if self.kind == OPEN else self.span


class Edits:
    """Changes to the source by character offset, applied at once."""

    def __init__(self, source):
        self.source = source
        self.items = []

    def replace(self, start, end, text):
        gap = self.source[start:end]
        line_end = gap.find("\n")
        if line_end >= 0 and "\n" not in text and not gap[line_end:].strip():
            text += gap[line_end:]  # f(a,\n   b): what replaces the comma keeps the line's end and the indent after it
        self.items.append(Edit(start, REPLACE, 0, end, text))

    def open(self, at, span, text):
        self.items.append(Edit(at, OPEN, span, at, text))

    def close(self, at, span, text):
        self.items.append(Edit(at, CLOSE, span, at, text))

    def apply(self):
        return self.render(0, len(self.source), self.items)

    def take(self, start, end):
        """The text from start to end with the edits inside it applied, those edits then taken out (the caller
        puts the text elsewhere, e.g. `k in d` for `d.has_key(k)`)."""
        inside, outside = [], []
        for e in self.items:
            if start <= e.at and e.stop <= end and self.within(e, start, end):
                inside.append(e)
            elif e.at < end and e.stop > start and e.at < e.stop:
                raise Unconvertible()  # a replacement across the range's edge
            else:
                outside.append(e)
        self.items = outside
        return self.render(start, end, inside)

    @staticmethod
    def within(e, start, end):
        """Whether an edit between start and end belongs to that text: a replacement or an insertion strictly
        inside does; an insertion at either end does if its construct is no longer than the text (d.iteritems()
        wrapped in iter(...) inside d.iteritems().next() does; a print's closing parenthesis after it does not)."""
        return e.at < e.stop or start < e.at < end or e.kind != REPLACE and e.span <= end - start

    def render(self, start, end, items):
        out, position = [], start
        for e in sorted(items, key=Edit.order):
            if e.at < position:
                raise Unconvertible(self.source.count("\n", 0, e.at) + 1)
            out.append(self.source[position:e.at])
            out.append(e.text)
            position = e.stop
        out.append(self.source[position:end])
        return "".join(out)


def line_starts(text):
    """Where each line begins, lines ended by \n only, as tokenize and ast count them (not str.splitlines, which also
    ends a line at \x0c, \x85 or \u2028)."""
    return [0] + [m.end() for m in re.finditer("\n", text)]


class Converter:
    def __init__(self, source):
        self.source = source
        self.line_starts = line_starts(source)
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
        self.defines_is_alive = re.search(r"\bdef\s+isAlive\b", source) is not None  # (a class's own isAlive)
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

    def line_start(self, i):
        """Whether token i begins a logical line (the first statement on it)."""
        return i == 0 or self.tokens[i - 1].type in (tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT)

    def statement_start(self, i):
        """Whether token i begins a statement: a logical line's, one after a `;`, or a compound statement's body on
        the same line (`if x: print x`), not a lambda's body (`lambda: x`)."""
        if self.line_start(i):
            return True
        if not (self.is_op(i - 1, ";") or self.is_op(i - 1, ":")) or self.depth[i - 1] != 0:
            return False
        if self.is_op(i - 1, ";"):
            return True
        k = i - 2
        while k > 0 and not self.line_start(k) and not (self.is_op(k - 1, ";") and self.depth[k - 1] == 0):
            if self.is_name(k, "lambda") and self.depth[k] == 0:
                return False
            k -= 1
        return not (self.is_name(k, "lambda"))

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
        """The first token of the primary expression (an atom with its attributes, calls and subscripts) that ends at
        token i."""
        while True:
            if self.string(i) in (")", "]", "}") and i in self.match:
                closing, i = self.string(i), self.match[i]
                if closing != "}" and i > 0 and self.subscribable(i - 1):
                    i -= 1  # a call or subscript: its owner ends at the token before the bracket
                    continue
            if i >= 2 and self.is_op(i - 1, "."):
                i -= 2
                continue
            return max(i, 0)

    def subscribable(self, k):
        """Whether token k can be called or subscripted by the bracket after it: a name (not a keyword, nor print),
        a string or a closing bracket."""
        t = self.tokens[k]
        return (t.type == tokenize.NAME and t.string not in NOT_CALLABLE or t.type == tokenize.STRING
                or self.string(k) in (")", "]", "}"))

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
                elif t.string == "from":
                    self.from_time_import_clock(i)
                    if not extras_only:
                        renamed_modules |= self.imports(i)
                    continue
                elif extras_only:
                    continue
                elif t.string == "print" and not self.print_function:
                    self.print_statement(i)
                elif t.string == "exec":
                    self.exec_statement(i)
                elif t.string == "raise":
                    self.raise_statement(i)
                elif t.string == "def":
                    self.tuple_parameters(i)
                elif t.string == "import":
                    renamed_modules |= self.imports(i)
        backquoted = self.backquote_pairs()
        for i, t in enumerate(self.tokens):
            if i in self.whole:
                continue
            if t.type == tokenize.NAME and self.statement_start(i) and (
                    self.python2_idiom(i) or not extras_only and t.string == "__metaclass__" and self.metaclass(i)):
                continue
            if t.type == tokenize.NAME and self.is_op(i - 1, "."):
                self.extra_attribute(i)
            if extras_only:
                continue
            if t.type == tokenize.OP and t.string == "<>":
                self.edits.replace(self.start(i), self.end(i), "!=")
            elif self.is_op(i, "<") and self.is_op(i + 1, ">") and self.end(i) == self.start(i + 1):
                self.edits.replace(self.start(i), self.end(i + 1), "!=")
            elif i in backquoted:  # `a, b` is the tuple's repr: repr((a, b))
                self.edits.replace(self.start(i), self.end(i), backquoted[i])
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
        text = self.edits.apply()
        needed = [statement for statement in sorted(self.imports_needed)
                  if not re.search(r"^%s\s*$" % re.escape(statement), self.source, re.M)]  # (there already)
        if needed:
            try:
                converted = Source(text)
            except SyntaxError:
                return text  # something else is left unconverted: the caller names its line
            edits = Edits(text)
            place_definitions(converted, needed, edits)
            text = edits.apply()
        if text.count("\n") != self.source.count("\n"):  # a replaced span held a line's end
            raise Unconvertible(next((n for n, (a, b) in enumerate(zip(self.source.split("\n"), text.split("\n")), 1)
                                      if a != b), 0), "a construct that goes on over two lines")
        return text

    def from_time_import_clock(self, i):
        """from time import clock (gone in 3.8): clock becomes perf_counter's name, on the same line."""
        if not (self.is_name(i, "from") and self.is_name(i + 1, "time") and self.is_name(i + 2, "import")):
            return
        last = self.statement_end(i) - 1
        for k in range(i + 3, last + 1):
            if self.is_name(k, "clock") and not self.is_name(k + 1, "as") and not self.is_name(k - 1, "as"):
                self.edits.replace(self.start(k), self.end(k), "perf_counter as clock")

    def python2_idiom(self, i):
        """reload(sys) and sys.setdefaultencoding(...), as whole statements: Python 2's way to make str UTF-8,
        which Python 3's str is (importlib.reload(sys) would undo the runtime's own streams). They become pass,
        and no other edit is made within them. Whether the statement at token i was one."""
        last = self.statement_end(i) - 1
        text = "".join(self.string(k) for k in range(i, min(last, i + 6) + 1))
        if text in ("reload(sys)", "importlib.reload(sys)") or (
                text.startswith("sys.setdefaultencoding(") and self.match.get(i + 3) == last):
            self.edits.replace(self.start(i), self.end(last), "pass")
            self.whole.update(range(i, last + 1))
            return True
        return False

    def backquote_pairs(self):
        """What each backquote becomes: repr( and ), or repr(( and )) around a tuple."""
        quotes = [i for i, t in enumerate(self.tokens) if t.type in (tokenize.OP, tokenize.ERRORTOKEN)
                  and t.string == "`"]
        pairs = {}
        for first, last in zip(quotes[::2], quotes[1::2]):
            depth = self.depth[first]
            tuple_inside = any(self.is_op(k, ",") and self.depth[k] == depth for k in range(first + 1, last))
            pairs[first], pairs[last] = ("repr((", "))") if tuple_inside else ("repr(", ")")
        return pairs

    def extra_attribute(self, i):
        """Python 2 names lib2to3 leaves: an exception's message, Thread.isAlive() (gone in 3.9), time.clock()
        (gone in 3.8)."""
        name, owner = self.string(i), self.string(i - 2)
        if name == "message" and not self.is_op(i - 3, ".") and not self.is_op(i + 1, "=") and (
                self.exception_message(i)):
            self.edits.replace(self.start(i - 2), self.end(i), "getattr(%s, 'message', %s.args[0] if len(%s.args) "
                               "== 1 else '')" % (owner, owner, owner))
        elif name == "isAlive" and self.is_op(i + 1, "(") and not self.defines_is_alive:
            self.edits.replace(self.start(i), self.end(i), "is_alive")
        elif name == "clock" and self.is_name(i - 2, "time") and not self.is_op(i - 3, ".") and self.is_op(i + 1, "("):
            self.edits.replace(self.start(i), self.end(i), "perf_counter")

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
            if self.tokens[k].type == tokenize.NEWLINE:
                return  # no colon: not a clause this converter can read (the caller reports the syntax error)
            k += 1
        if k >= len(self.tokens) - 1:
            return
        commas = self.commas(i + 1, k - 1) if k > i + 1 else []
        if len(commas) == 1 and self.is_op(commas[0] + 1, "(") and self.match.get(commas[0] + 1) == k - 1:
            self.unpacked_exception(commas[0], k)  # except socket.error, (code, text):
            return
        if len(commas) == 1:
            self.edits.replace(self.end(commas[0] - 1), self.start(commas[0] + 1), " as ")
        bound = commas[0] + 1 if len(commas) == 1 else (k - 1 if self.is_name(k - 2, "as") else -1)
        if bound > i and self.is_name(bound):
            self.exception_scopes.append((self.string(bound), k + 1, self.block_end(i, k)))

    def names_in(self, opening):
        """The names of a flat tuple written from the bracket at token opening to its match, or None."""
        inside = range(opening + 1, self.match[opening])
        names = [self.string(k) for k in inside if self.is_name(k)]
        if not names or any(not (self.is_name(k) or self.is_op(k, ",")) for k in inside):
            return None
        return names

    def first_statement(self, colon):
        """The first token of the body that the colon at token colon opens, if a plain statement may be put before
        it on its line (it is not an if, for, def, ... of its own), else -1."""
        k = colon + 1
        while k < len(self.tokens) and self.tokens[k].type in (tokenize.NEWLINE, tokenize.INDENT):
            k += 1
        compound = ("if", "for", "while", "try", "with", "def", "class", "async")
        return -1 if k >= len(self.tokens) or self.string(k) in compound or self.is_op(k, "@") else k

    def unpacked_exception(self, comma, colon):
        """except E, (code, text): Python 2 unpacked the exception's arguments. It becomes except E as code_text:
        with (code, text) = code_text.args put before the body's first statement, on its line."""
        names, first = self.names_in(comma + 1), self.first_statement(colon)
        if names is None or first < 0:
            return  # left as it is: the caller names the line
        joined = "_".join(names)
        self.edits.replace(self.end(comma - 1), self.end(colon - 1), " as " + joined)
        self.edits.open(self.start(first), len(self.source) + 1, "(%s) = %s.args; " % (", ".join(names), joined))

    def tuple_parameters(self, i):
        """def f((x1, y1), (x2, y2)): Python 2 unpacked a tuple argument. Each becomes one parameter, x1_y1, with
        (x1, y1) = x1_y1 put before the body's first statement, on its line (as lib2to3 does, without its line)."""
        if not self.is_op(i + 2, "("):
            return
        close = self.match[i + 2]
        first = self.first_statement(close + 1) if self.is_op(close + 1, ":") else -1
        if first < 0:
            return
        unpacking = []
        for a, b in self.items_between(i + 3, close - 1):
            if self.is_op(a, "(") and self.match.get(a) == b:
                names = self.names_in(a)
                if names is None:
                    return
                joined = "_".join(names)
                self.edits.replace(self.start(a), self.end(b), joined)
                self.whole.update(range(a, b + 1))
                unpacking.append("(%s) = %s; " % (", ".join(names), joined))
        if unpacking:
            self.edits.open(self.start(first), len(self.source) + 1, "".join(unpacking))

    def block_end(self, i, colon):
        """The last token of the block that the clause at token i opens with the colon at token colon."""
        column = self.tokens[i].start[1]
        on_its_line = self.tokens[colon + 1].type != tokenize.NEWLINE  # except E, e: print e.message; x = 1
        for k in range(colon + 1, len(self.tokens)):
            t = self.tokens[k]
            if on_its_line and t.type == tokenize.NEWLINE:
                return k
            if not on_its_line and t.type not in (tokenize.INDENT, tokenize.DEDENT, tokenize.NEWLINE) and (
                    self.line_start(k) and t.start[1] <= column):
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
                self.urllib_names(i, last)
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

    def urllib_names(self, i, last):
        """from urllib import urlopen, urlencode: each name from the module Python 3 moved it to, one statement a
        module, on the same line."""
        by_module = {}
        for a, b in self.items_between(i + 3, last):
            name = self.string(a)
            moved = ATTRIBUTES.get(("urllib", name))
            if moved is None or not self.is_name(a) or self.is_op(a, "("):
                return  # a name Python 3's urllib does not have where this converter looks: left for the message
            by_module.setdefault(moved.rsplit(".", 1)[0], []).append(self.text(a, b))
        self.edits.replace(self.start(i), self.end(last), "; ".join(
            "from %s import %s" % (module, ", ".join(names)) for module, names in by_module.items()))
        self.whole.update(range(i, last + 1))

    def itertools_names(self, first, last):
        """from itertools import izip, count: the names Python 3 has as built-ins leave the list (where none is
        left, the statement becomes pass), the renamed ones are renamed (and so are their uses, see name)."""
        entries = [[self.string(k) for k in range(a, b + 1) if self.is_name(k)]
                   for a, b in self.items_between(first, last)]  # [name] or [name, "as", alias]
        if any(len(e) not in (1, 3) for e in entries) or not any(e[0] in ITERTOOLS for e in entries):
            return
        imported, assigned = [], []
        for e in entries:
            new = ITERTOOLS.get(e[0], e[0])
            if new in ("zip", "map", "filter"):  # built-ins now: an alias becomes an assignment
                if len(e) == 3:
                    assigned.append("%s = %s" % (e[2], new))
            else:
                imported.append(new if len(e) == 1 else "%s as %s" % (new, e[2]))
        statements = (["from itertools import " + ", ".join(imported)] if imported else []) + assigned
        self.edits.replace(self.start(first - 3), self.end(last), "; ".join(statements) or "pass")
        self.whole.update(range(first - 3, last + 1))

    def items_between(self, first, last):
        """The (first, last) tokens of each comma-separated item from token first to token last."""
        commas = [k for k in self.commas(first, last)]
        bounds = [first - 1] + commas + [last + 1]
        return [(a + 1, b - 1) for a, b in zip(bounds, bounds[1:]) if a + 1 <= b - 1]

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
        """Whether the statement at token i is directly in a class's body."""
        return self.enclosing_class(i) >= 0

    def enclosing_class(self, i):
        """The `class` token whose body the statement at token i is directly in (the nearest line above it indented
        less opens it), or -1."""
        column = self.tokens[i].start[1]
        for k in range(i - 1, -1, -1):
            t = self.tokens[k]
            if t.type == tokenize.NAME and self.line_start(k) and t.start[1] < column:
                return k if t.string == "class" else -1
        return -1

    def metaclass(self, i):
        """__metaclass__ = M in a class's body: Python 3 names it in the class line, class C(Base, metaclass=M):
        (as lib2to3 does); the statement becomes pass, so that no line goes. Whether it was one."""
        owner = self.enclosing_class(i) if self.line_start(i) and self.is_op(i + 1, "=") else -1
        last = self.statement_end(i) - 1
        if owner < 0 or last < i + 2 or not self.is_name(owner + 1):
            return False
        bases = owner + 2 if self.is_op(owner + 2, "(") else -1

        def move():
            value = self.edits.take(self.start(i + 2), self.end(last))
            self.edits.replace(self.start(i), self.end(last), "pass")
            if bases < 0:
                self.edits.close(self.end(owner + 1), 1, "(metaclass=%s)" % value)
            else:
                close = self.match[bases]
                self.edits.close(self.start(close), 1, ("metaclass=%s" if close == bases + 1
                                                        else ", metaclass=%s") % value)
        self.moves.append((self.end(last) - self.start(i), move))
        self.whole.update(range(i, i + 2))
        return True

    def lambda_tuple(self, i):
        """lambda (k, v): v + 1 (Python 2 unpacked a tuple argument) -> lambda k_v: k_v[1] + 1, as lib2to3 does."""
        close = self.match.get(i + 1)
        if close is None or not self.is_op(close + 1, ":"):
            return
        inner = list(range(i + 2, close))
        names = [self.string(k) for k in inner if self.is_name(k)]
        if any(not (self.is_name(k) or self.is_op(k, ",")) for k in inner) or not names:
            return  # nested tuples are not converted
        if len(names) == 1:  # lambda (x): x unpacks nothing: lambda x: x
            self.edits.replace(self.start(i + 1), self.end(close), (" " if self.end(i) == self.start(i + 1)
                                                                    else "") + names[0])
            return
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
        if name in FUNCTION_ATTRIBUTES:
            self.edits.replace(self.start(i), self.end(i), FUNCTION_ATTRIBUTES[name])
            return
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
        if any(self.depth[k] == self.depth[i + 2] and (self.string(k) in LOOSER_THAN_IN or self.string(k) in (
                "<", ">", "==", "!=", "<=", ">=", "<>")) for k in range(i + 2, close)):
            key = "(%s)" % key  # d.has_key(a or b): (a or b) in d
        test = "%s in %s" % (key, self.edits.take(self.start(receiver), self.end(i - 2)))
        self.edits.replace(self.start(receiver), self.end(close),
                           test if loose_before and loose_after else "(%s)" % test)


OLD_DIV = "old_div = lambda a, b: a // b if isinstance(a, int) and isinstance(b, int) else a / b"
COMPOUND = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.If, ast.For, ast.AsyncFor, ast.While, ast.Try,
            ast.With, ast.AsyncWith)
COOKIE = re.compile(r"^[ \t\f]*#.*?coding[:=]|^#!")


class Source:
    """A converted program's text with its syntax tree: where ast's positions (columns in UTF-8 bytes) are."""

    def __init__(self, text):
        self.text = text
        self.tree = ast.parse(text)
        self.starts = line_starts(text)
        self.lines = text.split("\n")

    def offset(self, lineno, col):
        return self.starts[lineno - 1] + len(self.lines[lineno - 1].encode("utf-8")[:col].decode("utf-8", "replace"))

    def span(self, node):
        return self.offset(node.lineno, node.col_offset), self.offset(node.end_lineno, node.end_col_offset)

    def line_is_free(self, lineno):
        """Whether a line holds nothing but spaces or a comment (and is not a shebang or coding line)."""
        line = self.lines[lineno - 1]
        return (not line.strip() or line.lstrip().startswith("#")) and not (lineno <= 2 and COOKIE.match(line))


def place_definitions(source, definitions, edits):
    """Puts statements the converted program needs (an import, old_div) where they run before the program's own
    code that may use them, without adding a line: at the earliest of these places, at the top level: before a
    plain statement that begins its line, on a free line (blank, or a comment), or after the docstring and the
    __future__ imports (nothing may come before those). Unconvertible where there is none."""
    text = "; ".join(definitions)
    body = source.tree.body
    head = 0
    while head < len(body) and (isinstance(body[head], ast.ImportFrom) and body[head].module == "__future__"
                                or head == 0 and isinstance(body[head], ast.Expr)
                                and isinstance(body[head].value, ast.Constant) and isinstance(body[head].value.value, str)):
        head += 1
    if head > 0 and (head == len(body) or body[head].lineno == body[head - 1].end_lineno):
        edits.close(source.span(body[head - 1])[1], len(source.text) + 1, "; " + text)  # on that line, after it
        return
    ends = [body[head - 1].end_lineno if head > 0 else 0] + [node.end_lineno for node in body[head:]]
    for node, previous_end in zip(body[head:], ends):
        for lineno in range(previous_end + 1, node.lineno):  # a free line before the statement
            if source.line_is_free(lineno):
                edits.open(source.starts[lineno - 1], len(source.text) + 1,
                           text + ("  " if source.lines[lineno - 1].strip() else ""))
                return
        if not isinstance(node, COMPOUND) and node.col_offset == 0 and node.lineno > previous_end:
            edits.open(source.offset(node.lineno, 0), len(source.text) + 1, text + "; ")
            return
    raise Unconvertible(0, "no top-level line to define %s on" % text)


def old_division(converted):
    """Python 2's / between two ints, which floored (7 / 2 == 3), in a converted program: a / b becomes
    old_div(a, b), as futurize writes it, with old_div defined where place_definitions puts it; 7 / 2 becomes
    7 // 2; a division with a float literal stays, and so does x /= y where x is not a name, an attribute of a
    name or an item of one (x.n /= 2 becomes x.n = old_div(x.n, 2)). Not where the program imports division from
    __future__. The converted text, or itself where nothing divides or the division cannot be converted."""
    try:
        source = Source(converted)
    except Exception:  # noqa: a text that does not parse is the caller's to report
        return converted
    tree = source.tree
    if any(isinstance(n, ast.ImportFrom) and n.module == "__future__" and any(a.name == "division" for a in n.names)
           for n in tree.body):
        return converted

    def literal(node, kind):
        return isinstance(node, ast.Constant) and type(node.value) is kind

    def simple_target(node):
        if isinstance(node, ast.Subscript):
            index = node.slice.value if type(node.slice).__name__ == "Index" else node.slice  # (3.8 wraps it)
            return isinstance(node.value, ast.Name) and isinstance(index, (ast.Name, ast.Constant))
        return isinstance(node, ast.Name) or isinstance(node, ast.Attribute) and simple_target(node.value)

    def slash(start, end, operator):
        """The operator's offset between start and end (outside comments), widened over the spaces before it."""
        at, text = start, converted
        while at < end:
            if text[at] == "#":
                at = text.index("\n", at)
            elif text.startswith(operator, at):
                first = at
                while first > start and text[first - 1] in " \t":
                    first -= 1
                return (at if text[first - 1] == "\n" else first), at + len(operator)  # (a line's indent stays)
            at += 1
        raise Unconvertible()

    edits = Edits(converted)
    uses = False
    try:
        for node in ast.walk(tree):
            if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
                left, right = node.left, node.right
                if literal(left, float) or literal(right, float) or literal(right, complex):
                    continue
                operator = slash(source.span(left)[1], source.span(right)[0], "/")
                if literal(left, int) and literal(right, int):
                    edits.replace(operator[1] - 1, operator[1], "//")
                    continue
                start, end = source.span(node)
                edits.open(start, end - start, "old_div(")
                edits.replace(operator[0], operator[1], ",")
                edits.close(end, end - start, ")")
                uses = True
            elif isinstance(node, ast.AugAssign) and isinstance(node.op, ast.Div) and simple_target(node.target):
                if literal(node.value, float) or any(isinstance(n, ast.Div) for n in ast.walk(node.target)):
                    continue
                target_start, target_end = source.span(node.target)
                value_start, end = source.span(node.value)
                if "\n" in converted[target_end:value_start]:
                    continue
                edits.replace(target_end, value_start, " = old_div(%s, " % converted[target_start:target_end])
                edits.close(end, end - target_start, ")")
                uses = True
        if uses:
            place_definitions(source, [OLD_DIV], edits)
        result = edits.apply()
    except Unconvertible:
        return converted
    return result if result.count("\n") == converted.count("\n") else converted


def module_has(module, name):
    """Whether Python 3's module has the name, so that X.name is the renamed module's (`import thread` and a
    variable named thread: thread.start() is the variable's). True where the module cannot be imported here."""
    try:
        return hasattr(importlib.import_module(module), name)
    except Exception:  # noqa: any failure to import: assume it is the module, as lib2to3 does
        return True


# calls that only Python 2 has, so that a program making them fails at once in Python 3
PYTHON2_CALLS = {"xrange", "raw_input", "unichr", "execfile"}
PYTHON2_METHODS = {"has_key", "iteritems", "iterkeys", "itervalues"}


# every signal python2_signals looks for matches this (tokens may be apart by spaces, a line's continuation or, within
# brackets, a comment and a line end): print >>, an import of a Python 2 module, a call of what only Python 2 has
_GAP = r"(?:[ \t\f\r\n\\]|#[^\n]*)*"
_SIGNAL_WORDS = re.compile(r"\bprint{gap}>>|^{gap}(?:import|from){gap}(?:{modules})\b|\b(?:{calls}){gap}\(".format(
    gap=_GAP, modules="|".join(sorted(MODULES)), calls="|".join(sorted(PYTHON2_CALLS | PYTHON2_METHODS))), re.M)


def python2_signals(source):
    """Whether a program that Python 3 parses is Python 2 all the same: it writes print >>f, imports at its top
    level a module only Python 2 has (not inside a try: import Queue / except ImportError), or calls what only
    Python 2 has (xrange, raw_input, d.has_key, d.iteritems, ...) without defining it itself."""
    if not _SIGNAL_WORDS.search(source):  # most programs: no such word at all, and no tokens needed (the
        return False                       # tokenizer's first use compiles its patterns, 13 ms of each load)
    try:
        tokens = [t for t in tokenize.generate_tokens(io.StringIO(source).readline) if t.type not in SKIPPED]
    except Exception:  # noqa: not readable here: Python 3 will say what is wrong
        return False
    defined = {tokens[k + 1].string for k, t in enumerate(tokens[:-1]) if t.string in ("def", "class")}
    defined |= {t.string for k, t in enumerate(tokens[:-1]) if t.type == tokenize.NAME and tokens[k + 1].string == "="}
    for k, t in enumerate(tokens[:-2]):
        after, before = tokens[k + 1], tokens[k - 1] if k else None
        if t.type != tokenize.NAME:
            continue
        if t.string == "print" and after.string == ">>":
            return True
        at_top = t.start[1] == 0 and (before is None or before.type in (tokenize.NEWLINE, tokenize.DEDENT))
        if at_top and t.string in ("import", "from") and after.string in MODULES:
            return True
        if after.string == "(" and t.string not in defined and (
                t.string in PYTHON2_CALLS and (before is None or before.string != ".")
                or t.string in PYTHON2_METHODS and before is not None and before.string == "."):
            return True
    return False


def convert(source, extras_only=False):
    """The program in Python 3, or None where its tokens cannot be read or two changes would overlap.
    extras_only: source is lib2to3's conversion; only what lib2to3 leaves and Python 3 refuses is changed."""
    return converted_or_why(source, extras_only)[0]


def converted_or_why(source, extras_only=False):
    """(the program in Python 3, None), or (None, (line or 0, why)) where it cannot be converted and can say why,
    or (None, None) where it cannot read the program."""
    try:
        return Converter(source).convert(extras_only), None
    except Unconvertible as e:
        return None, (e.line, e.why)
    except Exception:  # noqa: whatever else it cannot read (a token error: the program is broken beyond Python 2,
        return None, None  # or a slip of the converter): the caller names the program's first Python 2 construct
