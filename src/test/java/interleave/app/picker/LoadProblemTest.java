package interleave.app.picker;

import interleave.app.I18n;
import interleave.program.LoadCause;
import interleave.program.ProgramLoadException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the picker says about a program that cannot load: the file, the line and the cause. */
class LoadProblemTest {
    private final I18n en = new I18n(Locale.ENGLISH);
    private final I18n zh = new I18n(I18n.CHINESE);
    @TempDir
    Path dir;

    @Test
    void aFileThatIsNotUtf8NamesItsFirstBadLine() throws Exception {
        Path file = Files.write(dir.resolve("latin1.py"), "x = 1\ny = 2\nname = 'caf\u00e9'\n".getBytes("ISO-8859-1"));
        LoadProblem p = LoadProblem.of(file, new ProgramLoadException(file + " is not UTF-8 text"));
        assertEquals(3, p.line());
        assertEquals("Cannot run latin1.py", p.title(en));
        assertEquals("line 3 is not UTF-8 text: save the file as UTF-8 (in most editors: Save as, encoding UTF-8), or"
                + " declare its encoding in its first line (# -*- coding: gbk -*-)", p.detail(en));
        assertEquals("无法运行 latin1.py", p.title(zh));
    }

    @Test
    void aFileNotInTheEncodingItDeclaresOrInOneWeDoNotKnowSaysWhich() throws Exception {
        Path gbk = Files.write(dir.resolve("gbk.py"), new byte[] {'#', ' ', 'c', 'o', 'd', 'i', 'n', 'g', ':', ' ', 'g',
            'b', 'k', '\n', 'x', ' ', '=', ' ', '\'', (byte) 0xFF, '\'', '\n'});
        LoadProblem p = LoadProblem.of(gbk, new ProgramLoadException("gbk.py: line 2 is not gbk text", 2));
        assertEquals(2, p.line());
        assertEquals("line 2 is not gbk text, the encoding its first lines declare", p.detail(en));
        assertEquals("第 2 行不是 gbk 文本（文件开头声明的编码）", p.detail(zh));
        Path odd = Files.writeString(dir.resolve("odd.py"), "# -*- coding: klingon -*-\n");
        assertEquals("it declares the encoding klingon, which Interleave does not know (utf-8, gbk, gb18030, big5,"
                + " latin-1, ... are known)", LoadProblem.of(odd, new ProgramLoadException("odd")).detail(en));
    }

    /** A picture saved as .py is not asked to declare an encoding: it is not text at all. */
    @Test
    void aBinaryFileIsNotText() throws Exception {
        Path file = Files.write(dir.resolve("picture.py"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0});
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> interleave.program.PythonProgram.load(file, null));
        LoadProblem p = LoadProblem.of(file, e);
        assertEquals(LoadProblem.Kind.BINARY, p.kind());
        assertEquals(0, p.line(), "no line to open an editor at");
        assertEquals("it is not a text file (it holds NUL bytes, as a picture or a compiled program does): a Python "
                + "program is text", p.detail(en));
        assertTrue(e.getMessage().contains("picture.py is not a text file"), e.getMessage());
    }

    /** A Python 2 line lib2to3 could not convert is named in the UI's language, its code as it is. */
    @Test
    void aPython2LineIsNamedInTheUiLanguage() {
        LoadCause print = new LoadCause.Python2(6, "the print statement", "print", "print(...)", true);
        assertEquals("x.py: line 6 is Python 2 (the print statement); Interleave runs Python 3: write print(...)"
                + " (lib2to3 could not convert this program)", ProgramLoadException.of("x.py", print).getMessage(),
                "the command line's words");
        assertEquals("line 6 is Python 2 (the print statement); Interleave runs Python 3: write print(...)"
                + " (lib2to3 could not convert this program)", LoadProblem.inUiLanguage(en, print));
        assertEquals("第 6 行是 Python 2 的写法（print 语句）；Interleave 运行的是 Python 3：请写成 print(...)"
                + "（lib2to3 无法转换这个程序）", LoadProblem.inUiLanguage(zh, print));
        assertEquals("第 2 行是 Python 2 的写法（xrange()）；Interleave 运行的是 Python 3：请写成 range()",
                LoadProblem.inUiLanguage(zh, new LoadCause.Python2(2, "xrange()", null, "range()", false)),
                "a construct that is code stays code");
    }

    @Test
    void aSyntaxErrorIsCPythonsMessageWithoutTheFileNameTwice() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.py"), "def f()\n    pass\n");
        ProgramLoadException e = ProgramLoadException.of("bad.py", new LoadCause.Syntax(1, "expected ':'"));
        assertEquals("bad.py: SyntaxError at line 1: expected ':'", e.getMessage(), "the command line's words");
        LoadProblem p = LoadProblem.of(file, e);
        assertEquals("Cannot run bad.py: SyntaxError at line 1: expected ':'", p.oneLine(en));
        assertEquals("无法运行 bad.py：第 1 行有语法错误（SyntaxError）：expected ':'", p.oneLine(zh),
                "our words around CPython's message in Chinese; CPython's own stays as it says it");
        assertEquals("SyntaxError: unexpected EOF", new LoadCause.Syntax(0, "unexpected EOF").english());
        LoadProblem unnamedLine = LoadProblem.of(file, new ProgramLoadException("bad.py: unexpected indent", 2));
        assertEquals("line 2: unexpected indent", unnamedLine.detail(en));
        assertEquals("第 2 行：unexpected indent", unnamedLine.detail(zh));
    }

    @Test
    void aMissingFileSaysSo() {
        Path gone = dir.resolve("gone.py");
        LoadProblem p = LoadProblem.of(gone, new ProgramLoadException("no such Python file: " + gone));
        assertEquals("Cannot run gone.py: there is no such file (check its name and folder)", p.oneLine(en));
    }
}
