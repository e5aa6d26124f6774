package interleave.program;

import com.fasterxml.jackson.databind.ObjectMapper;
import interleave.engine.RunSettings;
import interleave.scenario.ScenarioRun;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Python file's text as CPython reads it (PEP 263): a coding declaration in the first two lines, a byte order
 * mark, else UTF-8. Each case is checked against CPython's own reading of the same bytes (tokenize.detect_encoding
 * and a strict decode), and a GBK program runs and prints what python3 prints for it.
 */
class PythonSourceTest {
    private static final Charset GBK = Charset.forName("GBK");

    @TempDir
    Path dir;

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] all = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    /** Files CPython reads one way or refuses, by name. */
    private static Map<String, byte[]> cases() {
        Map<String, byte[]> cases = new LinkedHashMap<>();
        cases.put("gbk_first_line", "# -*- coding: gbk -*-\nname = '张三'\n".getBytes(GBK));
        cases.put("gbk_after_shebang", "#!/usr/bin/env python\n# coding=gbk\nprint('余额')\n".getBytes(GBK));
        cases.put("vim_latin1", "# vim: set fileencoding=latin-1 :\nx = 'caf\u00e9'\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        cases.put("bom", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "x = '余额'\n".getBytes(StandardCharsets.UTF_8)));
        cases.put("utf8_plain", "x = '余额'\n".getBytes(StandardCharsets.UTF_8));
        cases.put("declared_on_line_three", "x = 1\ny = 2\n# coding: gbk\nz = '张'\n".getBytes(GBK));
        cases.put("declared_after_code", "x = 1\n# coding: gbk\nz = '张'\n".getBytes(GBK));
        cases.put("undeclared_gbk", "import threading\n\nname = '张三'\n".getBytes(GBK));
        cases.put("not_gbk", concat("# coding: gbk\nx = '".getBytes(GBK), new byte[] {(byte) 0xFF}, "'\n".getBytes(GBK)));
        cases.put("unknown", "# coding: klingon\nx = 1\n".getBytes(StandardCharsets.UTF_8));
        cases.put("bom_then_gbk", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "# coding: gbk\nx = 1\n".getBytes(StandardCharsets.UTF_8)));
        cases.put("gbk_comment_before_declaration", "# 中文注释\n# coding: gbk\nx = '张'\n".getBytes(GBK));
        cases.put("old_mac_line_ends", "#!/usr/bin/env python\r# coding: latin-1\rx = 1\r"
                .getBytes(StandardCharsets.ISO_8859_1));
        cases.put("cp949_backslash", "# -*- coding: cp949 -*-\nprint('안녕\\t하세요')\n"
                .getBytes(Charset.forName("x-windows-949")));
        cases.put("big5", "# coding: big5\nprint('餘額')\n".getBytes(Charset.forName("Big5")));
        cases.put("cp932", "# coding: cp932\nprint('残高\\n')\n".getBytes(Charset.forName("windows-31j")));
        cases.put("ascii_declared", "# coding: ascii\nx = '\u00e9'\n".getBytes(StandardCharsets.UTF_8));
        return cases;
    }

    @Test
    void filesAreReadAsTheyDeclare() throws Exception {
        assertEquals("# -*- coding: gbk -*-\nname = '张三'\n", PythonSource.of(cases().get("gbk_first_line"), "a").text());
        assertEquals("x = '余额'\n", PythonSource.of(cases().get("bom"), "a").text(), "the mark is not text");
        PythonSource.NotText undeclared = assertThrows(PythonSource.NotText.class,
                () -> PythonSource.of(cases().get("undeclared_gbk"), "bank.py"));
        assertEquals(3, undeclared.line());
        assertFalse(undeclared.declared());
        assertEquals("bank.py: line 3 is not UTF-8 text: save the file as UTF-8, or declare its encoding in its first"
                + " line (# -*- coding: gbk -*-)", undeclared.getMessage());
        PythonSource.NotText notGbk = assertThrows(PythonSource.NotText.class,
                () -> PythonSource.of(cases().get("not_gbk"), "x.py"));
        assertEquals(2, notGbk.line());
        assertTrue(notGbk.declared());
        assertEquals("x.py: line 2 is not gbk text, the encoding its first lines declare", notGbk.getMessage());
        PythonSource.NotText unknown = assertThrows(PythonSource.NotText.class,
                () -> PythonSource.of(cases().get("unknown"), "x.py"));
        assertEquals(PythonSource.NotText.Problem.UNKNOWN_ENCODING, unknown.problem());
        assertEquals("klingon", unknown.encoding());
    }

    @Test
    void aTextIsWrittenInTheEncodingItDeclaresOrNotAtAll() throws Exception {
        PythonSource gbk = PythonSource.of(cases().get("gbk_first_line"), "a");
        assertArrayEquals(cases().get("gbk_first_line"), gbk.forText(gbk.text(), "a.py").bytes("a.py"));
        PythonSource.NotText cannot = assertThrows(PythonSource.NotText.class, () -> gbk.forText(
                "# -*- coding: gbk -*-\nname = '张三'\nprint('\ud83d\ude00')\n", "a.py").bytes("a.py"));
        assertEquals(3, cannot.line());
        assertEquals(PythonSource.NotText.Problem.CANNOT_HOLD, cannot.problem());
        // the declaration changed to utf-8: written as UTF-8, as python3 will read it
        String utf8 = "# -*- coding: utf-8 -*-\nname = '张三'\nprint('\ud83d\ude00')\n";
        assertArrayEquals(utf8.getBytes(StandardCharsets.UTF_8), gbk.forText(utf8, "a.py").bytes("a.py"));
        PythonSource bom = PythonSource.of(cases().get("bom"), "b");
        assertArrayEquals(cases().get("bom"), bom.forText(bom.text(), "b.py").bytes("b.py"),
                "the byte order mark is kept");
    }

    /** Each case as CPython reads it: its text, or null where CPython refuses the file. */
    @Test
    void everyCaseIsReadAsCPythonReadsIt() throws Exception {
        String python = PythonProgram.findPython();
        Assumptions.assumeTrue(python != null, "SKIPPED: no python3 (3.8+) on the PATH to compare with");
        String reader = "import io, json, sys, tokenize\n"
                + "raw = open(sys.argv[1], 'rb').read()\n"
                + "try:\n"
                + "    encoding, _ = tokenize.detect_encoding(io.BytesIO(raw).readline)\n"
                + "    text = raw.decode(encoding)\n"
                + "    print(json.dumps(text[1:] if text.startswith('\\ufeff') else text))\n"
                + "except (SyntaxError, UnicodeDecodeError, LookupError):\n"
                + "    print('null')\n";
        Path script = Files.writeString(dir.resolve("reader.py"), reader);
        for (Map.Entry<String, byte[]> c : cases().entrySet()) {
            Path file = Files.write(dir.resolve(c.getKey() + ".py"), c.getValue());
            Process p = new ProcessBuilder(python, script.toString(), file.toString()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertEquals(0, p.waitFor(), c.getKey());
            String cpython = new ObjectMapper().readValue(out, String.class);
            String ours;
            try {
                ours = PythonSource.read(file).text();
            } catch (PythonSource.NotText e) {
                ours = null;
            }
            assertEquals(cpython, ours, c.getKey());
        }
    }

    /** A program saved in GBK runs, and prints what python3 prints for the same file. */
    @Test
    void aGbkProgramRunsAndPrintsWhatCPythonPrints() throws Exception {
        String python = PythonProgram.findPython();
        Assumptions.assumeTrue(python != null, "SKIPPED: no python3 (3.8+) on the PATH, so no Python program can run");
        Path file = Files.write(dir.resolve("bank.py"), ("# -*- coding: gbk -*-\n# 银行余额\nimport threading\n"
                + "balance = 0\ndef deposit(n):\n    global balance\n    balance = balance + n\n"
                + "t = threading.Thread(target=deposit, args=(5,))\nt.start()\nt.join()\nprint('余额', balance)\n")
                .getBytes(GBK));
        ScenarioRun r = ScenarioRun.runToEnd(PythonProgram.load(file, null), Map.of(), RunSettings.DEFAULT);
        assertTrue(r.kernel().awaitTermination(10_000), "every worker ended");
        PythonBridge bridge = r.context().kept("bridge");
        Process p = new ProcessBuilder(python, file.toString()).start();
        String cpython = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        assertEquals(List.of("余额 5"), bridge.output());
        assertEquals(cpython.lines().toList(), bridge.output());
    }
}
