package interleave.app.theme;

import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.StyleConverter;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The colours and sizes canvases draw with, set from CSS like any control's ({@code .canvas-theme} in the
 * stylesheets): a theme is a stylesheet, also for what a Canvas paints. An invisible node in the scene.
 */
public final class CanvasTheme extends Region {
    /** Paint properties; the CSS name is {@code -il-} plus the key. */
    public enum Ink {
        THREAD_0, THREAD_1, THREAD_2, THREAD_3, THREAD_4, THREAD_5, THREAD_6, THREAD_7,
        BACKGROUND, LANE, LANE_ALT, GRID, TEXT, MUTED, READY, BLOCKED, WAITING, SLEEPING, FINISHED,
        SWITCH, LOST, DEADLOCK, SELECTION, CORE, QUEUE, RESOURCE, CURSOR;

        String css() {
            return "-il-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** Size properties, in pixels. */
    public enum Size {
        LANE_HEIGHT(28), LABEL_WIDTH(150), TEXT_SIZE(14), CHIP(46),
        /** No canvas text is drawn smaller than this (18 in presentation mode: read from the back row). */
        MIN_TEXT(0);

        final double fallback;

        Size(double fallback) {
            this.fallback = fallback;
        }

        String css() {
            return "-il-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private static final Map<Ink, CssMetaData<CanvasTheme, Paint>> INK_META = new LinkedHashMap<>();
    private static final Map<Size, CssMetaData<CanvasTheme, Number>> SIZE_META = new LinkedHashMap<>();
    private static final List<CssMetaData<? extends Styleable, ?>> META;

    static {
        for (Ink ink : Ink.values()) {
            INK_META.put(ink, new CssMetaData<>(ink.css(), StyleConverter.getPaintConverter(), Color.GRAY) {
                @Override
                public boolean isSettable(CanvasTheme n) {
                    return !n.inks.get(ink).isBound();
                }

                @Override
                @SuppressWarnings("unchecked")
                public StyleableProperty<Paint> getStyleableProperty(CanvasTheme n) {
                    return n.inks.get(ink);
                }
            });
        }
        for (Size size : Size.values()) {
            SIZE_META.put(size, new CssMetaData<>(size.css(), StyleConverter.getSizeConverter(), size.fallback) {
                @Override
                public boolean isSettable(CanvasTheme n) {
                    return !n.sizes.get(size).isBound();
                }

                @Override
                public StyleableProperty<Number> getStyleableProperty(CanvasTheme n) {
                    return n.sizes.get(size);
                }
            });
        }
        List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(Region.getClassCssMetaData());
        all.addAll(INK_META.values());
        all.addAll(SIZE_META.values());
        META = Collections.unmodifiableList(all);
    }

    private final Map<Ink, StyleableObjectProperty<Paint>> inks = new LinkedHashMap<>();
    private final Map<Size, StyleableObjectProperty<Number>> sizes = new LinkedHashMap<>();
    private long version;
    private double textScale = 1;

    public CanvasTheme() {
        getStyleClass().add("canvas-theme");
        setManaged(false);
        setVisible(false);
        for (Ink ink : Ink.values()) {
            StyleableObjectProperty<Paint> p = new SimpleStyleableObjectProperty<>(INK_META.get(ink), this,
                    ink.name(), Color.GRAY);
            p.addListener((o, a, b) -> version++);
            inks.put(ink, p);
        }
        for (Size size : Size.values()) {
            StyleableObjectProperty<Number> p = new SimpleStyleableObjectProperty<>(SIZE_META.get(size), this,
                    size.name(), size.fallback);
            p.addListener((o, a, b) -> version++);
            sizes.put(size, p);
        }
    }

    public Paint ink(Ink ink) {
        return inks.get(ink).get();
    }

    public Color color(Ink ink) {
        Paint p = ink(ink);
        return p instanceof Color c ? c : Color.GRAY;
    }

    /** The Okabe-Ito colour of the n-th thread. */
    public Color thread(int n) {
        return color(Ink.values()[Ink.THREAD_0.ordinal() + Math.floorMod(n, 8)]);
    }

    /** A size from the stylesheet, times the user's text scale (Ctrl + / Ctrl -), so lanes grow with their text. */
    public double size(Size size) {
        return sizes.get(size).get().doubleValue() * (size == Size.MIN_TEXT ? 1 : textScale);
    }

    /** The canvas text font, scaled from the stylesheet's text size, never below its minimum. */
    public Font font(double scale, boolean bold) {
        return Font.font(Font.getDefault().getFamily(), bold ? FontWeight.BOLD : FontWeight.NORMAL,
                fontSize(scale));
    }

    /** The pixel size of {@link #font}. */
    public double fontSize(double scale) {
        return Math.max(size(Size.MIN_TEXT), size(Size.TEXT_SIZE) * scale);
    }

    /** The user's text scale (1 = as the stylesheet says); canvases redraw when it changes. */
    public void setTextScale(double scale) {
        if (scale != textScale) {
            textScale = scale;
            version++;
        }
    }

    public double textScale() {
        return textScale;
    }

    /** Changes whenever the stylesheet changed a value: canvases redraw then. */
    public long version() {
        return version;
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return META;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return META;
    }
}
