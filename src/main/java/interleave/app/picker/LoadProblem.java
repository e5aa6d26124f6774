package interleave.app.picker;

import interleave.app.I18n;
import interleave.program.LoadCause;
import interleave.program.ProgramLoadException;
import interleave.program.PythonSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Why a Python program the user opened cannot run, as the picker shows it in place of a demo's description: the
 * file, the line (0 if the problem has none, as a missing file) and the cause, in the UI language where the cause
 * is ours (no such file, not text in its encoding; the words around a syntax error or a Python 2 line, from the
 * load's cause in fields, {@code found}) and as CPython or the load said it otherwise.
 */
public record LoadProblem(String fileName, int line, Kind kind, String cause, LoadCause found) {
    /**
     * What kind of problem: the ones we word ourselves (no file; a line that is not text in the file's encoding, the
     * cause then naming a declared encoding or empty for UTF-8; an encoding we do not know, the cause naming it),
     * and everything else (CPython's message, no Python).
     */
    public enum Kind { MISSING, NOT_TEXT, UNKNOWN_ENCODING, BINARY, OTHER }

    /** A problem the load gave no cause in fields for ({@code found} is that cause, else null). */
    public LoadProblem(String fileName, int line, Kind kind, String cause) {
        this(fileName, line, kind, cause, null);
    }

    /**
     * A cause the load found in fields, in the UI language where the words are ours: "SyntaxError at line 6:
     * expected ':'" is "第 6 行有语法错误（SyntaxError）：expected ':'" in Chinese (CPython's message stays as CPython
     * says it), and a Python 2 line no converter could convert is named in the UI language too (its code as it is).
     */
    public static String inUiLanguage(I18n i18n, LoadCause cause) {
        String line = String.valueOf(cause.line());
        if (cause instanceof LoadCause.Syntax syntax) {
            return syntax.line() > 0 ? i18n.fmt("picker.loadProblem.syntax", line, syntax.cpython())
                    : i18n.fmt("picker.loadProblem.syntaxNoLine", syntax.cpython());
        }
        LoadCause.Python2 python2 = (LoadCause.Python2) cause;
        String construct = python2.words() == null ? python2.construct()
                : i18n.get("picker.loadProblem.python2." + python2.words());
        return i18n.fmt("picker.loadProblem.python2", line, construct, python2.python3())
                + (python2.lib2to3Failed() ? i18n.get("picker.loadProblem.python2.lib2to3") : "");
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
        LoadCause found = e instanceof ProgramLoadException p ? p.problem().orElse(null) : null;
        return new LoadProblem(name, line, Kind.OTHER, cause, found);
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
            case OTHER -> found != null ? inUiLanguage(i18n, found)
                    : line <= 0 || cause.toLowerCase(Locale.ROOT).contains("line " + line) ? cause
                    : i18n.fmt("picker.loadProblem.atLine", String.valueOf(line), cause);
        };
    }

    /** Title and detail in one line, for the message banner. */
    public String oneLine(I18n i18n) {
        return i18n.fmt("label.value", title(i18n), detail(i18n));
    }
}
