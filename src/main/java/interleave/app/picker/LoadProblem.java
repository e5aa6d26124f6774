package interleave.app.picker;

import interleave.app.I18n;
import interleave.program.ProgramLoadException;
import interleave.program.PythonSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Why a Python program the user opened cannot run, as the picker shows it in place of a demo's description: the
 * file, the line (0 if the problem has none, as a missing file) and the cause, in the UI language where the cause
 * is ours (no such file, not text in its encoding) and as CPython says it otherwise (a syntax error).
 */
public record LoadProblem(String fileName, int line, Kind kind, String cause) {
    /**
     * What kind of problem: the ones we word ourselves (no file; a line that is not text in the file's encoding, the
     * cause then naming a declared encoding or empty for UTF-8; an encoding we do not know, the cause naming it),
     * and everything else (CPython's message, no Python).
     */
    public enum Kind { MISSING, NOT_TEXT, UNKNOWN_ENCODING, BINARY, OTHER }

    /** How the load words CPython's SyntaxError: ours around CPython's message (which stays as CPython says it). */
    private static final java.util.regex.Pattern SYNTAX =
            java.util.regex.Pattern.compile("^(.*?: )?SyntaxError at line (\\d+): (.*)$", java.util.regex.Pattern.DOTALL);

    /** How the load words a Python 2 line it cannot convert (see interleave_prepare.py): line, construct, Python 3. */
    private static final java.util.regex.Pattern PYTHON2 = java.util.regex.Pattern.compile(
            "^(.*?: )?line (\\d+) is Python 2 \\((.*)\\); Interleave runs Python 3: write (.*?)"
                    + "( \\(lib2to3 could not convert this program\\))?$", java.util.regex.Pattern.DOTALL);

    /** The Python 2 constructs the load names in words (the others are code, the same in every language). */
    private static final Map<String, String> CONSTRUCTS = Map.of("the print statement", "print",
            "the exec statement", "exec", "backquotes `x`", "backquotes", "long literals such as 10L", "long");

    /**
     * A load's message in the UI language where the words around CPython's are ours: "bad.py: SyntaxError at line
     * 6: expected ':'" is "bad.py: 第 6 行有语法错误（SyntaxError）：expected ':'" in Chinese, and a Python 2 line
     * the converter could not convert is named in the UI language too; others as they are.
     */
    public static String inUiLanguage(I18n i18n, String message) {
        java.util.regex.Matcher m = SYNTAX.matcher(message);
        if (m.matches()) {
            return (m.group(1) == null ? "" : m.group(1)) + i18n.fmt("picker.loadProblem.syntax", m.group(2), m.group(3));
        }
        m = PYTHON2.matcher(message);
        if (!m.matches()) {
            return message;
        }
        String construct = CONSTRUCTS.containsKey(m.group(3))
                ? i18n.get("picker.loadProblem.python2." + CONSTRUCTS.get(m.group(3))) : m.group(3);
        return (m.group(1) == null ? "" : m.group(1)) + i18n.fmt("picker.loadProblem.python2", m.group(2), construct,
                m.group(4)) + (m.group(5) == null ? "" : i18n.get("picker.loadProblem.python2.lib2to3"));
    }

    /**
     * The problem of {@code file}, from the exception its load threw. Reads the file again to find the first line
     * that is not text in its encoding (so call it off the FX thread, where the load ran).
     */
    public static LoadProblem of(Path file, IllegalArgumentException e) {
        String name = String.valueOf(file.getFileName());
        if (!Files.isRegularFile(file)) {
            return new LoadProblem(name, 0, Kind.MISSING, "");
        }
        try {
            PythonSource.read(file);
        } catch (PythonSource.NotText notText) {
            if (notText.problem() == PythonSource.NotText.Problem.BINARY) {
                return new LoadProblem(name, 0, Kind.BINARY, "");
            }
            if (notText.problem() == PythonSource.NotText.Problem.UNKNOWN_ENCODING) {
                return new LoadProblem(name, 0, Kind.UNKNOWN_ENCODING, notText.encoding());
            }
            if (notText.problem() == PythonSource.NotText.Problem.NOT_TEXT) {
                return new LoadProblem(name, notText.line(), Kind.NOT_TEXT, notText.declared() ? notText.encoding() : "");
            }
            // else as the load said (a byte order mark with another encoding)
        } catch (IOException unreadable) {
            // as the load said
        }
        String cause = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (cause.startsWith(name + ": ")) {
            cause = cause.substring(name.length() + 2); // the title names the file already
        }
        int line = e instanceof ProgramLoadException p ? p.line() : 0;
        return new LoadProblem(name, line, Kind.OTHER, cause);
    }

    /** "Cannot run bad.py". */
    public String title(I18n i18n) {
        return i18n.fmt("picker.loadProblem.title", fileName);
    }

    /** The cause, naming its line: "SyntaxError at line 9: expected ':'", "Line 2 is not UTF-8 text: ...". */
    public String detail(I18n i18n) {
        return switch (kind) {
            case MISSING -> i18n.get("picker.loadProblem.missing");
            case NOT_TEXT -> cause.isEmpty() ? i18n.fmt("picker.loadProblem.notUtf8", String.valueOf(line))
                    : i18n.fmt("picker.loadProblem.notDeclaredText", String.valueOf(line), cause);
            case UNKNOWN_ENCODING -> i18n.fmt("picker.loadProblem.unknownEncoding", cause);
            case BINARY -> i18n.get("picker.loadProblem.binary");
            case OTHER -> line <= 0 || cause.toLowerCase(Locale.ROOT).contains("line " + line)
                    ? inUiLanguage(i18n, cause) : i18n.fmt("picker.loadProblem.atLine", String.valueOf(line), cause);
        };
    }

    /** Title and detail in one line, for the message banner. */
    public String oneLine(I18n i18n) {
        return i18n.fmt("label.value", title(i18n), detail(i18n));
    }
}
