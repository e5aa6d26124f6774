package interleave.app.picker;

import interleave.app.I18n;
import interleave.program.ProgramLoadException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Why a Python program the user opened cannot run, as the picker shows it in place of a demo's description: the
 * file, the line (0 if the problem has none, as a missing file) and the cause, in the UI language where the cause
 * is ours (no such file, not UTF-8) and as CPython says it otherwise (a syntax error).
 */
public record LoadProblem(String fileName, int line, Kind kind, String cause) {
    /** What kind of problem: the ones we word ourselves, and everything else (CPython's message, no Python). */
    public enum Kind { MISSING, NOT_UTF8, OTHER }

    /**
     * The problem of {@code file}, from the exception its load threw. Reads the file again to find the first line
     * that is not UTF-8 (so call it off the FX thread, where the load ran).
     */
    public static LoadProblem of(Path file, IllegalArgumentException e) {
        String name = String.valueOf(file.getFileName());
        if (!Files.isRegularFile(file)) {
            return new LoadProblem(name, 0, Kind.MISSING, "");
        }
        int badLine = firstLineNotUtf8(file);
        if (badLine > 0) {
            return new LoadProblem(name, badLine, Kind.NOT_UTF8, "");
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
            case NOT_UTF8 -> i18n.fmt("picker.loadProblem.notUtf8", String.valueOf(line));
            case OTHER -> line <= 0 || cause.toLowerCase(Locale.ROOT).contains("line " + line) ? cause
                    : i18n.fmt("picker.loadProblem.atLine", String.valueOf(line), cause);
        };
    }

    /** Title and detail in one line, for the message banner. */
    public String oneLine(I18n i18n) {
        return title(i18n) + ": " + detail(i18n);
    }

    /** The 1-based line of the first byte that is not UTF-8, or 0 if the whole file is UTF-8 (or unreadable). */
    static int firstLineNotUtf8(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return 0;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(4096);
        while (true) {
            CoderResult r = decoder.decode(in, out, true);
            if (r.isError()) {
                int line = 1;
                for (int i = 0; i < in.position(); i++) {
                    if (bytes[i] == '\n') {
                        line++;
                    }
                }
                return line;
            }
            if (r.isOverflow()) {
                out.clear();
            } else {
                return 0;
            }
        }
    }
}
