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

    private static String load(String name) {
        try (InputStream in = Texts.class.getResourceAsStream("python/" + name + ".py")) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
