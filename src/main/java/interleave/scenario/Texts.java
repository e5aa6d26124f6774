package interleave.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/** Scenario texts (titles, descriptions, parameter help) in English and Simplified Chinese. */
public final class Texts {
    private static final String BUNDLE = "interleave.scenario.scenarios";
    private static final Map<String, String> PYTHON = new ConcurrentHashMap<>();

    private Texts() {
    }

    public static String get(Locale locale, String key) {
        try {
            return ResourceBundle.getBundle(BUNDLE, locale).getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    /** The scenario's Python equivalent, shown beside the run. */
    public static String python(String name) {
        return PYTHON.computeIfAbsent(name, Texts::load);
    }

    /**
     * A demo's program with its comments in this locale's language where the demos' comments are translated into
     * it (python/comments_zh_CN.tsv), else as written: only the text after a {@code #} changes, so the code and its
     * lines are the ones that run.
     */
    public static String withComments(String program, Locale locale) {
        Map<String, String> translated = comments(locale);
        if (translated.isEmpty()) {
            return program;
        }
        String[] lines = program.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int hash = interleave.trace.PythonLines.commentStart(lines[i]);
            String comment = hash < 0 ? null : translated.get(lines[i].substring(hash + 1).strip());
            if (comment != null) {
                lines[i] = lines[i].substring(0, hash + 1) + " " + comment;
            }
        }
        return String.join("\n", lines);
    }

    /** The demos' comments in this locale's language: as written, its translation (empty: none, as in English). */
    public static Map<String, String> comments(Locale locale) {
        return COMMENTS.computeIfAbsent(locale.getLanguage(), Texts::loadComments);
    }

    private static final Map<String, Map<String, String>> COMMENTS = new ConcurrentHashMap<>();

    private static Map<String, String> loadComments(String language) {
        String file = Locale.SIMPLIFIED_CHINESE.getLanguage().equals(language) ? "python/comments_zh_CN.tsv" : null;
        if (file == null) {
            return Map.of();
        }
        try (InputStream in = Texts.class.getResourceAsStream(file)) {
            if (in == null) {
                return Map.of();
            }
            Map<String, String> out = new java.util.HashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                int tab = line.indexOf('\t');
                if (!line.startsWith("#") && tab > 0) {
                    out.put(line.substring(0, tab).strip(), line.substring(tab + 1).strip());
                }
            }
            return Map.copyOf(out);
        } catch (IOException e) {
            return Map.of();
        }
    }

    private static String load(String name) {
        try (InputStream in = Texts.class.getResourceAsStream("python/" + name + ".py")) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
