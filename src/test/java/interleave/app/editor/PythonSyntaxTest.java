package interleave.app.editor;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The editor's Python colouring and its indentation after Enter. */
class PythonSyntaxTest {

    /** Each token as "style:text", for readable expectations. */
    private static List<String> shown(String text) {
        return PythonSyntax.tokens(text).stream()
                .map(t -> t.style().substring(3) + ":" + text.substring(t.start(), t.end())).toList();
    }

    @Test
    void keywordsStringsCommentsAndNumbersAreColoured() {
        assertEquals(List.of("keyword:def", "keyword:global", "keyword:if", "keyword:True", "keyword:return",
                        "number:5"),
                shown("def f(n):\n    global balance\n    if True: return 5\n"));
        assertEquals(List.of("builtin:print", "string:\"a # not a comment\"", "comment:# but this is"),
                shown("print(\"a # not a comment\")  # but this is"));
        assertEquals(List.of("number:0x1F", "number:1_000", "number:3.14", "number:1e-3", "number:2j", "number:.5"),
                shown("0x1F 1_000 3.14 1e-3 2j .5"));
    }

    @Test
    void identifiersThatContainKeywordsOrDigitsArePlain() {
        assertEquals(List.of(), shown("format_it iffy t2 x1 balance"));
        assertEquals(List.of("keyword:in"), shown("for_ in_ x in y_"));
    }

    @Test
    void stringsWithPrefixesEscapesAndTripleQuotesSpanWhatPythonReads() {
        assertEquals(List.of("string:'it\\'s'", "string:f\"{x}\"", "string:rb'\\d'"),
                shown("'it\\'s' + f\"{x}\" + rb'\\d'"));
        String doc = "\"\"\"two\nlines with ' and # inside\"\"\"\nx = 1";
        assertEquals(List.of("string:\"\"\"two\nlines with ' and # inside\"\"\"", "number:1"), shown(doc));
    }

    @Test
    void halfTypedCodeNeverFails() {
        // an unclosed string ends with its line; an unclosed triple-quoted one with the text
        assertEquals(List.of("string:'open", "number:2"), shown("'open\n2"));
        assertEquals(List.of("string:\"\"\"never closed\n2"), shown("\"\"\"never closed\n2"));
        assertEquals(List.of("string:'\\"), shown("'\\"));
        for (String s : List.of("", "#", "'", "\"\"\"", "0x", "1e", "r", "f'", "\\")) {
            int end = 0;
            for (PythonSyntax.Token t : PythonSyntax.tokens(s)) {
                assertTrue(t.start() >= end && t.end() <= s.length() && t.end() > t.start(), s);
                end = t.end();
            }
        }
    }

    @Test
    void enterKeepsTheIndentationAndOpensABlockAfterAColon() {
        assertEquals("", PythonSyntax.indentAfter("x = 1"));
        assertEquals("    ", PythonSyntax.indentAfter("def f(n):"));
        assertEquals("        ", PythonSyntax.indentAfter("    for i in range(3):  # loop"));
        assertEquals("    ", PythonSyntax.indentAfter("    x = '# a:'"));
        assertEquals("\t", PythonSyntax.indentAfter("\tx = 1"));
    }
}
