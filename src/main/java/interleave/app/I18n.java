package interleave.app;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The UI language: English or Simplified Chinese, switchable while the app runs. */
public final class I18n {
    public static final String BUNDLE = "interleave.app.i18n.messages";
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>(ENGLISH);
    private ResourceBundle bundle = load(ENGLISH);

    public I18n(Locale initial) {
        setLocale(initial);
        locale.addListener((o, a, b) -> bundle = load(b));
    }

    private static ResourceBundle load(Locale l) {
        return ResourceBundle.getBundle(BUNDLE, l, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public ObjectProperty<Locale> localeProperty() {
        return locale;
    }

    public Locale locale() {
        return locale.get();
    }

    public void setLocale(Locale l) {
        Locale chosen = CHINESE.getLanguage().equals(l.getLanguage()) ? CHINESE : ENGLISH;
        bundle = load(chosen);
        locale.set(chosen);
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    /** True if the bundle has this key (texts that fall back to something else when it has not). */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** A count grouped by thousands as the language writes it (1,049,969), which the back row reads at a glance. */
    public String count(long n) {
        return String.format(locale(), "%,d", n);
    }

    /**
     * Names in a sentence (threads that crashed alike): three at the most, then how many more, so that ten crashed
     * workers fit one line ("w0, w1, w2 and 7 more").
     */
    public String names(java.util.List<String> who) {
        String shown = String.join(get("names.separator"), who.subList(0, Math.min(3, who.size())));
        return who.size() <= 3 ? shown : fmt("names.more", shown, String.valueOf(who.size() - 3));
    }

    public String fmt(String key, Object... args) {
        return new MessageFormat(get(key), locale()).format(args);
    }
}
