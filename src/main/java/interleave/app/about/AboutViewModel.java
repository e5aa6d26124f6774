package interleave.app.about;

import interleave.app.I18n;

/** What the About box says: the app's name and version and what it runs on. Plain Java, tested without a screen. */
public final class AboutViewModel {
    private final I18n i18n;

    public AboutViewModel(I18n i18n) {
        this.i18n = i18n;
    }

    /** The version from the jar's manifest (the build's version), or "development" when run from classes. */
    public static String appVersion() {
        String v = AboutViewModel.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    public String title() {
        return i18n.get("about.title");
    }

    public String name() {
        return i18n.get("app.title");
    }

    public String version() {
        String v = appVersion();
        return i18n.fmt("about.version", v.equals("development") ? i18n.get("about.development") : v);
    }

    public String runtime() {
        return i18n.fmt("about.runtime", System.getProperty("java.version"),
                System.getProperty("java.vendor", ""), System.getProperty("javafx.runtime.version", "?"));
    }

    public String text() {
        return i18n.get("about.text");
    }
}
