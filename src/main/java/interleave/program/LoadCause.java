package interleave.program;

/**
 * Why a program cannot run, as the load step finds it (interleave_prepare.py), in fields: the command line prints
 * {@link #english()}, the window words the same fields in its own language.
 */
public sealed interface LoadCause {
    /** The 1-based line it is about, or 0. */
    int line();

    /** In English, as the command line says it after the file's name. */
    String english();

    /** CPython's SyntaxError, its message as CPython words it (in every language). */
    record Syntax(int line, String cpython) implements LoadCause {
        @Override
        public String english() {
            return (line > 0 ? "SyntaxError at line " + line : "SyntaxError") + ": " + cpython;
        }
    }

    /**
     * A Python 2 line no converter could convert.
     *
     * @param construct     the construct as code ("xrange()") or in English words ("the print statement")
     * @param words         for a construct named in words, the key of its name ("print"); else null
     * @param python3       how Python 3 writes it ("range()")
     * @param lib2to3Failed lib2to3 was there and could not convert the program
     */
    record Python2(int line, String construct, String words, String python3, boolean lib2to3Failed)
            implements LoadCause {
        @Override
        public String english() {
            return "line " + line + " is Python 2 (" + construct + "); Interleave runs Python 3: write " + python3
                    + (lib2to3Failed ? " (lib2to3 could not convert this program)" : "");
        }
    }

    /** The cause in the load step's answer, or null where it gives none in fields (only a message). */
    static LoadCause of(com.fasterxml.jackson.databind.JsonNode answer) {
        int line = answer.path("line").asInt(0);
        if (answer.has("syntax")) {
            return new Syntax(line, answer.path("syntax").asText());
        }
        if (answer.has("python2")) {
            com.fasterxml.jackson.databind.JsonNode words = answer.path("words");
            return new Python2(line, answer.path("python2").asText(), words.isTextual() ? words.asText() : null,
                    answer.path("python3").asText(), answer.path("lib2to3_failed").asBoolean());
        }
        return null;
    }
}
