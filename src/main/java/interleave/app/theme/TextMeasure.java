package interleave.app.theme;

import javafx.scene.text.Font;
import javafx.scene.text.Text;

import java.util.HashMap;
import java.util.Map;

/**
 * Widths of canvas labels, for fitting them into lanes and boxes. One reused Text node and a small cache: the
 * same few labels ("ready", "waiting for T1 to finish") are measured every frame. FX thread only.
 */
public final class TextMeasure {
    private static final int CACHE_LIMIT = 2048;
    private static final Text PROBE = new Text();
    private static final Map<Font, Map<String, Double>> WIDTHS = new HashMap<>();
    private static int cached;

    private TextMeasure() {
    }

    public static double width(String s, Font font) {
        Map<String, Double> forFont = WIDTHS.computeIfAbsent(font, f -> new HashMap<>());
        Double w = forFont.get(s);
        if (w == null) {
            if (++cached > CACHE_LIMIT) { // labels carry values, so the set keeps growing: start over
                WIDTHS.clear();
                cached = 1;
                forFont = WIDTHS.computeIfAbsent(font, f -> new HashMap<>());
            }
            PROBE.setFont(font);
            PROBE.setText(s);
            w = PROBE.getLayoutBounds().getWidth();
            forFont.put(s, w);
        }
        return w;
    }

    /**
     * The text itself if it fits in max pixels, else its start and its end around an ellipsis, as much of each as
     * fits ("ForkPo…rker-1"): names that differ only at the end (a number) stay apart.
     */
    public static String clipMiddle(String s, Font font, double max) {
        return clipMiddle(s, max, t -> width(t, font));
    }

    public static String clipMiddle(String s, double max, java.util.function.ToDoubleFunction<String> width) {
        if (width.applyAsDouble(s) <= max) {
            return s;
        }
        for (int keep = s.length() - 1; keep >= 2; keep--) {
            int left = keep / 2; // the end gets the odd one: it is where names differ
            String cut = s.substring(0, left) + "…" + s.substring(s.length() - (keep - left));
            if (width.applyAsDouble(cut) <= max) {
                return cut;
            }
        }
        return s.substring(0, 1) + "…";
    }

    /** The text itself if it fits in max pixels, else as much of it as fits followed by an ellipsis. */
    public static String clip(String s, Font font, double max) {
        if (width(s, font) <= max) {
            return s;
        }
        String cut = s;
        while (cut.length() > 2) {
            cut = cut.substring(0, cut.length() - 1);
            if (width(cut + "…", font) <= max) {
                return cut + "…";
            }
        }
        return cut;
    }
}
