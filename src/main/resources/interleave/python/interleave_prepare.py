"""Readies a teacher's program to run, without touching the file: checks that CPython can parse it, and where it
cannot, tries what a teacher would have to do by hand.

- Non-breaking spaces (U+00A0, which a program copied from a web page often has in its indentation) become spaces.
- A program indented as a whole, as a web page's code block is (or all of it but an unindented first line, as a
  copy that started at the block's first character), loses that indentation.
- A Python 2 program is converted with CPython's own lib2to3 where this Python still has it (3.12 and older), and
  with interleave_py2 (which writes what lib2to3 writes for the constructs teaching programs use) where it does not.
  Its indentation may mix tabs and spaces as Python 2 allowed (a tab to the next multiple of eight columns).
- Where no conversion is possible, the answer names the line, the Python 2 construct and its Python 3 form.

Prints one JSON object: {"source", "notes", "changed", "originals"} when the program can run (a converted program's
changed lines, and the Python 2 text each stands for); when not, {"line", "syntax"} (CPython's
SyntaxError message), {"line", "python2", "words", "python3", "lib2to3_failed"} (a Python 2 line nothing converts: the
construct, the key of its name in words or None, its Python 3 form), or {"line", "message"} (any other cause).
"""
import ast
import difflib
import json
import re
import sys
import warnings

import interleave_py2

NBSP = "\u00a0"

# Python 2 constructs, what they look like, how Python 3 writes them, and for those named in words rather than code,
# the key the window words them by (picker.loadProblem.python2.KEY): for the answer when no converter can convert.
PYTHON2 = [
    (re.compile(r"(^|[:;])\s*print\s+[^(=\s]|^\s*print\s*$"), "the print statement", "print(...)", "print"),
    (re.compile(r"\braw_input\s*\("), "raw_input()", "input()", None),
    (re.compile(r"\bapply\s*\("), "apply(f, args)", "f(*args)", None),
    (re.compile(r"^\s*exec\s+[^(\s]"), "the exec statement", "exec(...)", "exec"),
    (re.compile(r"except\s+[\w.]+\s*,\s*\w+\s*:"), "except E, e:", "except E as e:", None),
    (re.compile(r"<>"), "<>", "!=", None),
    (re.compile(r"`[^`]*`"), "backquotes `x`", "repr(x)", "backquotes"),
    (re.compile(r"\b\d+[lL]\b"), "long literals such as 10L", "10", "long"),
    (re.compile(r"\.has_key\s*\("), "d.has_key(k)", "k in d", None),
    (re.compile(r"\bxrange\s*\("), "xrange()", "range()", None),
    (re.compile(r"^\s*raise\s+\w+\s*,"), "raise E, message", "raise E(message)", None),
]


def parses(source, path):
    try:
        ast.parse(source, filename=path)
        return None
    except SyntaxError as e:
        return e
    except ValueError as e:  # a NUL byte (3.11 and older raise ValueError for it)
        return SyntaxError(str(e), (path, 1, 0, ""))


def unindent_paste(source):
    """The program without the indentation a web page gave its code block, or None if it has none: every line
    indented alike, or every line but a first one at the margin that opens no block."""
    lines = source.splitlines(True)
    code = [i for i, line in enumerate(lines) if line.strip() and not line.lstrip().startswith("#")]
    if len(code) < 2:
        return None
    def indent(i):
        return len(lines[i]) - len(lines[i].lstrip(" \t"))
    first = code[0]
    rest = set(code if indent(first) > 0 else code[1:])
    if indent(first) == 0 and lines[first].rstrip().endswith(":"):
        return None  # an unindented block opener: its indented body is the program's own
    common = min(indent(i) for i in rest)
    if common == 0:
        return None
    out = list(lines)
    for i, line in enumerate(lines):
        if i in rest or (i > first and not line.strip()):
            out[i] = line[min(common, len(line) - len(line.lstrip(" \t"))):]
        elif i > first and line.lstrip().startswith("#"):
            out[i] = line.lstrip(" \t")
    return "".join(out)


def converted_answer(source, converted, notes):
    """The answer for a program that runs converted: its lines changed, each with the Python 2 it stands for."""
    originals = changes(source, converted)
    return {"source": converted, "notes": notes, "changed": sorted(int(line) for line in originals),
            "originals": originals}


def _lines(text):
    """A text's lines as CPython and the engine number them: at "\n" only (str.splitlines also breaks at \f, \v,
    \x1c-\x1e, \x85 and \u2028, which would shift every line after one)."""
    lines = text.replace("\r\n", "\n").split("\n")
    return lines[:-1] if lines and lines[-1] == "" else lines


def changes(before, after):
    """The lines of after (1-based, as strings: JSON's keys) that differ from before, each with the lines of before
    it stands for: the same line where a block of lines was changed line for line, the whole old block on the first
    line of a block that changed size, nothing for a line only added (the code view shows the Python 2 line under
    its Python 3 one)."""
    old, new = _lines(before), _lines(after)
    out = {}
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        for j in range(j1, j2):
            if i2 - i1 == j2 - j1:
                was = [old[i1 + j - j1]]
            else:
                was = [line.strip() for line in old[i1:i2]] if j == j1 else []
            out[str(j + 1)] = " / ".join(w for w in was if w.strip())
    return out


def convert_python2(source, path, own=False):
    """(the program in Python 3 or None, the converter's note, where and why it could not convert, (line, why), or
    None): its syntax converted (convert_syntax), then Python 2's / between ints, which neither converter of the
    syntax changes."""
    converted, converter, why_not = convert_syntax(source, path, own)
    if converted is None:
        return None, converter, why_not
    error = parses(converted, path)
    if error is not None:  # what is left is something the converter does not know: that line, not the first print
        return None, converter, (error.lineno, error.msg) if error.lineno else None
    divided = interleave_py2.old_division(converted)
    return (divided if parses(divided, path) is None else converted), converter, None


def convert_syntax(source, path, own=False):
    """(converted text or None, the converter's note, where and why it could not convert or None): lib2to3's
    conversion, or interleave_py2's where this Python has no lib2to3 (or own is set)."""
    try:
        if own:
            raise ImportError("the converter of our own was asked for")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from lib2to3 import refactor
    except ImportError:
        converted, why_not = interleave_py2.converted_or_why(source)
        return converted, "python2:own", why_not
    tool = refactor.RefactoringTool(refactor.get_fixers_from_package("lib2to3.fixes"))
    try:
        text = source if source.endswith("\n") else source + "\n"
        converted = str(tool.refactor_string(text, path))
        # what lib2to3 leaves that Python 3 refuses at run time (isAlive, time.clock, ...)
        return interleave_py2.convert(converted, extras_only=True) or converted, "python2", None
    except Exception:  # noqa: lib2to3 raises its own parse errors; the caller reports the original problem
        return None, "python2", None


def mistake_beside_python2(source, path):
    """Where lib2to3 gave up on a Python 2 program: the line Python 3 refuses once our own converter has converted
    the rest, and CPython's words for it (a mistake of the program's own, such as a missing colon, which the teacher
    mends before anything can run), or None where our converter sees none."""
    converted, _, _ = convert_syntax(source, path, own=True)
    error = None if converted is None else parses(converted, path)
    return (error.lineno, error.msg) if error is not None and error.lineno else None


def expand_python2_tabs(source):
    """The program with each line's indentation in spaces, a tab reaching the next multiple of eight columns, as
    Python 2 read it (Python 3 refuses indentation whose meaning depends on a tab's width)."""
    out = []
    for line in source.splitlines(True):
        body = line.lstrip(" \t")
        out.append(line[:len(line) - len(body)].expandtabs(8) + body)
    return "".join(out)


def python2_construct(source):
    for number, line in enumerate(_lines(source), 1):
        code = line.split("#", 1)[0]
        for pattern, construct, python3, words in PYTHON2:
            if pattern.search(code):
                return number, construct, python3, words
    return None


def python2_that_parses(source, path, own, notes):
    """A program Python 3 parses that is Python 2 all the same (print >>f, x; import Queue; xrange(n); it would
    fail at once in Python 3): converted, as its author meant it to run. None for any other program."""
    if not interleave_py2.python2_signals(source):
        return None
    converted, converter, _why_not = convert_python2(source, path, own)
    if converted is None:
        return None
    return converted_answer(source, converted, notes + [converter])


def prepare(path, own=False):
    with open(path, encoding="utf-8-sig") as f:  # (a byte order mark, as Notepad writes one, is not text)
        original = f.read()
    source, notes = original, []
    error = parses(source, path)
    if error is None:
        return python2_that_parses(source, path, own, notes) or {"source": source, "notes": notes, "changed": []}
    if NBSP in source:
        count = source.count(NBSP)
        source = source.replace(NBSP, " ")
        notes.append("nbsp:%d" % count)
        error = parses(source, path)
        if error is None:  # only spacing changed: no line to point at
            return python2_that_parses(source, path, own, notes) or {"source": source, "notes": notes, "changed": []}
    dedented = False  # an error is reported against the text as pasted, not as unindented
    if isinstance(error, IndentationError):
        unindented = unindent_paste(source)
        if unindented is not None:
            if parses(unindented, path) is None:
                return {"source": unindented, "notes": notes + ["dedent"], "changed": []}
            if python2_construct(unindented) is not None:  # kept only if conversion then succeeds (below)
                source, dedented = unindented, True
    tabs = False
    if isinstance(error, TabError) and python2_construct(expand_python2_tabs(source)) is not None:
        source, tabs = expand_python2_tabs(source), True
    construct = python2_construct(source)
    if construct is not None:
        converted, converter, why_not = convert_python2(source, path, own)
        if converted is not None:
            notes.extend(["dedent"] if dedented else [])
            notes.extend(["tabs"] if tabs else [])
            notes.append(converter)
            return converted_answer(source, converted, notes)
        line, what, python3, words = construct
        mistake = mistake_beside_python2(source, path) if converter == "python2" else None
        if mistake is not None:
            return {"line": mistake[0], "syntax": mistake[1]}
        if converter == "python2:own" and why_not:
            line, why = why_not
            where = "line %d is Python 2 that Interleave cannot convert" % line if line else (
                "Interleave cannot convert this Python 2 program")
            return {"line": line, "message": "%s (%s); this Python has no lib2to3 (CPython 3.12 or older has it: "
                    "choose it with --python), or write %s in Python 3" % (where, why, "that line" if line else "it")}
        # the fields, which the engine words (LoadCause.Python2)
        return {"line": line, "python2": what, "words": words, "python3": python3,
                "lib2to3_failed": converter == "python2"}
    return {"line": error.lineno or 0, "syntax": error.msg}  # CPython's message, worded by LoadCause.Syntax


if __name__ == "__main__":
    # --own-converter: interleave_py2 even where lib2to3 is present (the tests compare the two)
    sys.stdout.write(json.dumps(prepare(sys.argv[-1], own="--own-converter" in sys.argv[1:-1])))
