package interleave.app.session;

import interleave.app.I18n;
import interleave.scenario.ParamException;

/** A parameter error in the UI language ("param.error.int", ...), the English message if there is no key. */
public final class ParamMessages {
    private ParamMessages() {
    }

    public static String text(I18n i18n, ParamException e) {
        if (e.key() == null) {
            return e.getMessage();
        }
        String key = "param.error." + e.key();
        return i18n.has(key) ? i18n.fmt(key, e.args().toArray()) : e.getMessage();
    }
}
