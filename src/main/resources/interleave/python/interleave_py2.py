"""Python 2 to Python 3 for a Python that has no lib2to3 (3.13 and newer removed it).

Where the interpreter still has lib2to3, interleave_prepare uses it; this converter writes what lib2to3's fixers
write for the constructs that teaching programs use (the print and exec statements, `except E, e`, `raise E, v`,
`<>`, backquotes, long and octal literals, `ur''`, raw_input/input, xrange, apply, has_key, the dict methods and
map/filter/zip/range that returned lists, `it.next()`, renamed modules such as Queue and thread), so that a program
gives the same output on either. It works on CPython's own tokens and edits the text in place: no line is added or
removed, so line N of the result is line N of the file. A construct it does not know is left as it is; the caller
then finds the result does not parse and says which line.
"""
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
ATTRIBUTES = {("sys", "maxint"): "maxsize", ("os", "getcwdu"): "getcwd"}
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
        out, position = [], 0
        for start, _kind, _order, end, text in sorted(self.items, key=lambda item: item[:3]):
            if start < position:
                raise Unconvertible()
            out.append(self.source[position:start])
            out.append(text)
            position = end
        out.append(self.source[position:])
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
                i = self.match[i]
                if self.is_name(i - 1) or self.string(i - 1) in (")", "]"):
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

    def convert(self):
        renamed_modules = set()
        for i, t in enumerate(self.tokens):
            if t.type == tokenize.NAME and self.statement_start(i):
                if t.string == "print" and not self.print_function:
                    self.print_statement(i)
                elif t.string == "exec":
                    self.exec_statement(i)
                elif t.string == "except":
                    self.except_clause(i)
                elif t.string == "raise":
                    self.raise_statement(i)
                elif t.string in ("import", "from"):
                    renamed_modules |= self.imports(i)
        backquotes = 0
        for i, t in enumerate(self.tokens):
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
        return self.edits.apply()

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
        if self.string(i) == "from":
            if self.string(i + 1) in MODULES and self.is_name(i + 2, "import"):
                self.edits.replace(self.start(i + 1), self.end(i + 1), MODULES[self.string(i + 1)])
            return renamed
        last = self.statement_end(i + 1) - 1
        k = i + 1
        while k <= last:
            name = self.string(k)
            plain = self.is_op(k + 1, ",") or k + 1 > last
            if name in MODULES and not self.is_op(k + 1, "."):
                self.edits.replace(self.start(k), self.end(k), MODULES[name])
                if plain:
                    renamed.add(name)
            commas = self.commas(k, last)
            if not commas:
                break
            k = commas[0] + 1
        return renamed

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
        if name in renamed_modules and self.is_op(i + 1, "."):
            self.edits.replace(self.start(i), self.end(i), MODULES[name])
        elif name in NAMES and not self.is_op(i + 1, "=") and not self.is_name(i - 1, "def"):
            self.edits.replace(self.start(i), self.end(i), NAMES[name])
        elif name == "input" and self.call_end(i) is not None:
            self.wrap(i, self.call_end(i), "eval")
        elif name == "apply" and self.call_end(i) is not None:
            self.apply(i, self.call_end(i))
        elif name in LISTS and self.call_end(i) is not None and not self.iterated_whole(i, self.call_end(i)):
            self.wrap(i, self.call_end(i), "list")
        elif name == "next" and self.is_name(i - 1, "def") and self.tokens[i - 1].start[1] > 0:
            self.edits.replace(self.start(i), self.end(i), "__next__")  # an iterator class's method

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
        if (owner, name) in ATTRIBUTES and not self.is_op(i - 3, "."):
            self.edits.replace(self.start(i), self.end(i), ATTRIBUTES[(owner, name)])
            return
        close = self.call_end(i)
        if close is None or close != i + 2:
            if name == "has_key" and close is not None:
                self.has_key(i, close)
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
            self.edits.replace(self.start(receiver), self.end(close), "next(%s)" % self.text(receiver, i - 2))

    def has_key(self, i, close):
        receiver = self.primary_start(i - 2)
        key = self.text(i + 2, close - 1)
        loose_before = (self.statement_start(receiver) or self.string(receiver - 1) in
                        ("if", "elif", "while", "return", "=", "(", ",", "and", "or", "not", "assert"))
        loose_after = self.tokens[close + 1].type in (tokenize.NEWLINE, tokenize.ENDMARKER) or self.string(
            close + 1) in (":", ")", ",", "and", "or", "]", ";")
        test = "%s in %s" % (key, self.text(receiver, i - 2))
        self.edits.replace(self.start(receiver), self.end(close),
                           test if loose_before and loose_after else "(%s)" % test)


def convert(source):
    """The program in Python 3, or None where its tokens cannot be read or two changes would overlap."""
    try:
        return Converter(source).convert()
    except (tokenize.TokenError, SyntaxError, Unconvertible):
        return None
