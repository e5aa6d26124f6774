package interleave.program;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Python file's text as CPython reads it (PEP 263, Lib/tokenize.py's detect_encoding): UTF-8, unless a coding
 * declaration in its first two lines names another encoding ({@code # -*- coding: gbk -*-}, as Python 2 programs
 * saved on Chinese Windows often have) or a UTF-8 byte order mark starts it. The editor writes a text back in the
 * encoding the text itself declares, so that the teacher's file stays readable by python3.
 *
 * @param declared the encoding as the file declares it ("gbk"), null where it declares none
 */
public record PythonSource(String text, Charset charset, String declared, boolean byteOrderMark) {
    // CPython's own pattern (re.ASCII; "." is anything but a line end, which ends the line anyway)
    private static final Pattern DECLARATION = Pattern.compile("^[ \\t\\f]*#[^\\n]*?coding[:=][ \\t]*([-\\w.]+)");
    private static final Pattern BLANK = Pattern.compile("^[ \\t\\f]*(?:[#\\r\\n]|$)");
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** Python's names of the encodings Java reads the same way, normalised as Python looks them up (see below). */
    private static final Map<String, String> CODECS = codecs();

    /** Why a file is not text Python can read, or a text its encoding cannot hold. */
    public static final class NotText extends IOException {
        /**
         * A line not in the encoding; an encoding not known; a byte order mark with another; a character; no text
         * at all (NUL bytes: a picture, a binary, saved as .py).
         */
        public enum Problem { NOT_TEXT, UNKNOWN_ENCODING, BYTE_ORDER_MARK, CANNOT_HOLD, BINARY }

        private final Problem problem;
        private final int line;
        private final String encoding;
        private final boolean declared;

        NotText(Problem problem, String message, int line, String encoding, boolean declared) {
            super(message);
            this.problem = problem;
            this.line = line;
            this.encoding = encoding;
            this.declared = declared;
        }

        public Problem problem() {
            return problem;
        }

        /** The 1-based line of the first byte (or character) in question, 0 for an encoding it does not know. */
        public int line() {
            return line;
        }

        /** The encoding as the file names it ("gbk"), or "UTF-8" where it names none. */
        public String encoding() {
            return encoding;
        }

        /** Whether the file declares its encoding (else it is read as UTF-8). */
        public boolean declared() {
            return declared;
        }
    }

    /** Reads {@code file}; NotText names the line of its first byte that is not text in its encoding. */
    public static PythonSource read(Path file) throws IOException {
        return of(Files.readAllBytes(file), String.valueOf(file.getFileName()));
    }

    /** Whether these bytes hold a NUL, which no text Python reads has (a picture, a compiled program). */
    static boolean holdsNul(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    /** The text of a file's bytes ({@code name} for messages). */
    static PythonSource of(byte[] bytes, String name) throws NotText {
        if (holdsNul(bytes)) { // CPython: "source code string cannot contain null bytes"
            throw new NotText(NotText.Problem.BINARY, name + " is not a text file (it holds NUL bytes, as a "
                    + "picture or a compiled program does): a Python program is text", 0, "UTF-8", false);
        }
        boolean bom = bytes.length >= 3 && bytes[0] == BOM[0] && bytes[1] == BOM[1] && bytes[2] == BOM[2];
        int start = bom ? 3 : 0;
        String declared = declaredIn(bytes, start, name);
        Charset charset = charset(declared, bom, name);
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil(bytes.length * (double) decoder.maxCharsPerByte()) + 1);
        var result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw notText(name, lineAt(bytes, start, in.position()), declared);
        }
        out.flip();
        return new PythonSource(out.toString(), charset, declared, bom);
    }

    /**
     * The encoding {@code newText} is to be saved in: the one it declares now (a teacher may have changed the
     * declaration since the file was read), with this file's byte order mark if it had one.
     */
    public PythonSource forText(String newText, String name) throws NotText {
        byte[] head = newText.lines().limit(2).reduce("", (a, b) -> a + b + "\n").getBytes(StandardCharsets.UTF_8);
        String now = declaredIn(head, 0, name);
        return new PythonSource(newText, charset(now, byteOrderMark, name), now, byteOrderMark);
    }

    /** The bytes of this text in its encoding; NotText names the line of a character the encoding cannot hold. */
    public byte[] bytes(String name) throws NotText {
        CharsetEncoder encoder = charset.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            ByteBuffer encoded = encoder.encode(CharBuffer.wrap(text));
            byte[] body = new byte[encoded.remaining()];
            encoded.get(body);
            if (!byteOrderMark) {
                return body;
            }
            byte[] all = new byte[BOM.length + body.length];
            System.arraycopy(BOM, 0, all, 0, BOM.length);
            System.arraycopy(body, 0, all, BOM.length, body.length);
            return all;
        } catch (CharacterCodingException e) {
            CharsetEncoder scan = charset.newEncoder();
            int line = 1;
            for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
                int c = text.codePointAt(i);
                if (!scan.canEncode(new String(Character.toChars(c)))) {
                    break;
                }
                if (c == '\n') {
                    line++;
                }
            }
            String encoding = declared == null ? "UTF-8" : declared;
            throw new NotText(NotText.Problem.CANNOT_HOLD, name + ": line " + line + " has a character that "
                    + encoding + " cannot hold", line, encoding, declared != null);
        }
    }

    private static NotText notText(String name, int line, String declared) {
        return new NotText(NotText.Problem.NOT_TEXT, name + ": line " + line + " is not " + (declared == null ? "UTF-8" : declared) + " text"
                + (declared == null
                ? ": save the file as UTF-8, or declare its encoding in its first line (# -*- coding: gbk -*-)"
                : ", the encoding its first lines declare"), line, declared == null ? "UTF-8" : declared,
                declared != null);
    }

    private static int lineAt(byte[] bytes, int from, int position) {
        int line = 1;
        for (int i = from; i < position; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /**
     * The encoding the first two lines declare, as CPython finds it: each line it looks at must be UTF-8 (else no
     * encoding can be declared, and the file is not UTF-8 either); the second only after a blank or comment line.
     */
    private static String declaredIn(byte[] bytes, int from, String name) throws NotText {
        int at = from;
        for (int n = 1; n <= 2 && at < bytes.length; n++) {
            int end = at;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            String line;
            try {
                line = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes, at, Math.min(end + 1, bytes.length) - at)).toString();
            } catch (CharacterCodingException e) {
                throw notText(name, n, null);
            }
            Matcher m = DECLARATION.matcher(line);
            if (m.find()) {
                return m.group(1);
            }
            if (!BLANK.matcher(line).find()) {
                return null;
            }
            at = end + 1;
        }
        return null;
    }

    /** The charset of a declared encoding (null: UTF-8), refusing one Python would not read the same way. */
    private static Charset charset(String declared, boolean bom, String name) throws NotText {
        if (declared == null) {
            return StandardCharsets.UTF_8;
        }
        String javaName = CODECS.get(pythonKey(declared));
        if (bom && !"UTF-8".equals(javaName)) { // CPython: "encoding problem: gbk with BOM"
            throw new NotText(NotText.Problem.BYTE_ORDER_MARK, name + " starts with a UTF-8 byte order mark but"
                    + " declares the encoding " + declared, 1, declared, true);
        }
        try {
            if (javaName != null) {
                return Charset.forName(javaName);
            }
        } catch (IllegalArgumentException e) {
            // this Java has not got it
        }
        throw new NotText(NotText.Problem.UNKNOWN_ENCODING, name + " declares the encoding '" + declared + "', which Interleave does not know (utf-8, "
                + "gbk, gb2312, gb18030, big5, cp950, shift_jis, cp932, euc-kr, cp949, latin-1, cp1252, ... are known)",
                0, declared, true);
    }

    /**
     * A declared name as Python looks it up: tokenize's utf-8 and latin-1 spellings, then lower case, every run of
     * other characters than letters, digits and dots one underscore (encodings.normalize_encoding).
     */
    private static String pythonKey(String declared) {
        String enc = (declared.length() > 12 ? declared.substring(0, 12) : declared).toLowerCase(Locale.ROOT)
                .replace('_', '-');
        if (enc.equals("utf-8") || enc.startsWith("utf-8-")) {
            return "utf_8";
        }
        for (String latin : new String[] {"latin-1", "iso-8859-1", "iso-latin-1"}) {
            if (enc.equals(latin) || enc.startsWith(latin + "-")) {
                return "latin_1";
            }
        }
        return declared.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "_").replaceAll("^_|_$", "");
    }

    /** Python's codec names and aliases (Lib/encodings/aliases.py) whose Java charset decodes as Python does. */
    private static Map<String, String> codecs() {
        Map<String, String> m = new HashMap<>();
        String[][] table = {
            {"UTF-8", "utf_8 utf8 u8 utf utf8_ucs2 utf8_ucs4 cp65001"},
            {"ISO-8859-1", "latin_1 latin1 latin l1 iso8859_1 iso_8859_1 8859 cp819 iso_ir_100 csisolatin1 ibm819"},
            {"US-ASCII", "ascii us_ascii 646 us cp367 csascii ibm367 iso646_us iso_ir_6 ansi_x3.4_1968 ansi_x3.4_1986"},
            {"GBK", "gbk cp936 ms936 936"},
            {"GB2312", "gb2312 chinese csiso58gb231280 euc_cn euccn eucgb2312_cn gb2312_1980 gb2312_80 iso_ir_58"},
            {"GB18030", "gb18030 gb18030_2000"},
            {"Big5", "big5 big5_tw csbig5"},
            {"Big5-HKSCS", "big5hkscs big5_hkscs hkscs"},
            {"x-windows-950", "cp950 950 ms950"},
            {"windows-31j", "cp932 932 ms932 mskanji ms_kanji"},
            {"Shift_JIS", "shift_jis csshiftjis shiftjis sjis s_jis"},
            {"EUC-JP", "euc_jp eucjp ujis u_jis"},
            {"x-windows-949", "cp949 949 ms949 uhc"},
            {"EUC-KR", "euc_kr euckr korean ksc5601 ks_c_5601 ks_c_5601_1987 ksx1001 ks_x_1001"},
            {"KOI8-R", "koi8_r cskoi8r"},
            {"KOI8-U", "koi8_u"},
            {"x-MacRoman", "mac_roman macroman macintosh"},
            {"IBM437", "cp437 437 ibm437"},
            {"IBM850", "cp850 850 ibm850"},
            {"IBM866", "cp866 866 ibm866"},
        };
        for (String[] row : table) {
            for (String alias : row[1].split(" ")) {
                m.put(alias, row[0]);
            }
        }
        for (int n = 1250; n <= 1258; n++) {
            m.put("cp" + n, "windows-" + n);
            m.put("windows_" + n, "windows-" + n);
        }
        String[][] iso = {{"2", "latin2 l2"}, {"3", "latin3 l3"}, {"4", "latin4 l4"}, {"5", "cyrillic"},
            {"6", "arabic"}, {"7", "greek greek8"}, {"8", "hebrew"}, {"9", "latin5 l5"}, {"13", "latin7 l7"},
            {"15", "latin9 l9"}};
        for (String[] row : iso) {
            String java = "ISO-8859-" + row[0];
            m.put("iso8859_" + row[0], java);
            m.put("iso_8859_" + row[0], java);
            for (String alias : row[1].split(" ")) {
                m.put(alias, java);
            }
        }
        return Map.copyOf(m);
    }
}
