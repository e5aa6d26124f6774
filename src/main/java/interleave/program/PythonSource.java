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
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Python file's text as CPython reads it (PEP 263): UTF-8, unless a coding declaration in its first two lines
 * names another encoding ({@code # -*- coding: gbk -*-}, as Python 2 programs saved on Chinese Windows often
 * have) or a UTF-8 byte order mark starts it. The editor writes the text back the same way, so that the teacher's
 * file stays in its own encoding.
 */
public record PythonSource(String text, Charset charset, boolean byteOrderMark) {
    // CPython's own patterns (Lib/tokenize.py): a declaration, and a line before it that may come first
    private static final Pattern DECLARATION = Pattern.compile("^[ \\t\\f]*#.*?coding[:=][ \\t]*([-\\w.]+)");
    private static final Pattern BLANK = Pattern.compile("^[ \\t\\f]*(?:[#\\r\\n]|$)");
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** Python's names of encodings that Java knows by other names. */
    private static final Map<String, String> PYTHON_NAMES = Map.of("cp936", "GBK", "ms936", "GBK", "936", "GBK",
            "u8", "UTF-8", "utf8", "UTF-8", "latin1", "ISO-8859-1", "latin", "ISO-8859-1", "l1", "ISO-8859-1");

    /** Why a file is not text Python can read, or a text its encoding cannot hold. */
    public static final class NotText extends IOException {
        private final int line;
        private final String encoding;
        private final boolean declared;

        NotText(String message, int line, String encoding, boolean declared) {
            super(message);
            this.line = line;
            this.encoding = encoding;
            this.declared = declared;
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

        /** Whether the file declares an encoding that Interleave does not know. */
        public boolean unknownEncoding() {
            return line == 0;
        }
    }

    /** Reads {@code file}; NotText names the line of its first byte that is not text in its encoding. */
    public static PythonSource read(Path file) throws IOException {
        return of(Files.readAllBytes(file), String.valueOf(file.getFileName()));
    }

    /** The text of a file's bytes ({@code name} for messages). */
    static PythonSource of(byte[] bytes, String name) throws NotText {
        boolean bom = bytes.length >= 3 && bytes[0] == BOM[0] && bytes[1] == BOM[1] && bytes[2] == BOM[2];
        String declared = declaredEncoding(bytes, bom ? 3 : 0);
        Charset charset = StandardCharsets.UTF_8;
        if (declared != null) {
            charset = charset(declared);
            if (charset == null) {
                throw new NotText(name + " declares the encoding '" + declared + "', which Interleave does not know",
                        0, declared, true);
            }
        }
        int start = bom ? 3 : 0;
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil(bytes.length * (double) decoder.maxCharsPerByte()) + 1);
        var result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int line = 1;
            for (int i = start; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            String encoding = declared == null ? "UTF-8" : declared;
            throw new NotText(name + ": line " + line + " is not " + encoding + " text" + (declared == null
                    ? ": save the file as UTF-8, or declare its encoding in its first line (# -*- coding: gbk -*-)"
                    : ", the encoding its first lines declare"), line, encoding, declared != null);
        }
        out.flip();
        return new PythonSource(out.toString(), charset, bom);
    }

    /** The bytes of {@code newText} in this file's encoding; NotText names the line of a character it cannot hold. */
    public byte[] bytes(String newText, String name) throws NotText {
        CharsetEncoder encoder = charset.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            ByteBuffer encoded = encoder.encode(CharBuffer.wrap(newText));
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
            for (int i = 0; i < newText.length(); i += Character.charCount(newText.codePointAt(i))) {
                int c = newText.codePointAt(i);
                if (!scan.canEncode(new String(Character.toChars(c)))) {
                    break;
                }
                if (c == '\n') {
                    line++;
                }
            }
            throw new NotText(name + ": line " + line + " has a character that " + charset.name() + " cannot hold",
                    line, charset.name(), true);
        }
    }

    /** The encoding the first two lines declare, as CPython finds it (tokenize.detect_encoding), or null. */
    private static String declaredEncoding(byte[] bytes, int from) {
        int at = from;
        for (int n = 0; n < 2 && at < bytes.length; n++) {
            int end = at;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            // (a line that is not ASCII cannot declare anything, and is read in the default encoding)
            String line = new String(bytes, at, Math.min(end + 1, bytes.length) - at, StandardCharsets.ISO_8859_1);
            Matcher m = DECLARATION.matcher(line);
            if (m.find()) {
                return normalName(m.group(1));
            }
            if (!BLANK.matcher(line).find()) {
                return null;
            }
            at = end + 1;
        }
        return null;
    }

    /** As CPython's tokenize._get_normal_name: utf-8 and latin-1 under their many spellings. */
    private static String normalName(String name) {
        String enc = name.length() > 12 ? name.substring(0, 12) : name;
        enc = enc.toLowerCase(Locale.ROOT).replace('_', '-');
        if (enc.equals("utf-8") || enc.startsWith("utf-8-")) {
            return "utf-8";
        }
        for (String latin : new String[] {"latin-1", "iso-8859-1", "iso-latin-1"}) {
            if (enc.equals(latin) || enc.startsWith(latin + "-")) {
                return "iso-8859-1";
            }
        }
        return name;
    }

    private static Charset charset(String pythonName) {
        String name = pythonName.toLowerCase(Locale.ROOT);
        String javaName = PYTHON_NAMES.getOrDefault(name, name);
        for (String candidate : new String[] {javaName, javaName.replace('_', '-')}) {
            try {
                return Charset.forName(candidate);
            } catch (IllegalArgumentException e) {
                // not by this name
            }
        }
        return null;
    }
}
