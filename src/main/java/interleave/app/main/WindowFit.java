package interleave.app.main;

/**
 * How big the window opens and how wide the side panels are, from the screen's usable area: the whole app
 * must fit a 1024x768 projector, and on a large screen it keeps a comfortable size instead of filling it.
 */
public final class WindowFit {
    public static final double PREFERRED_WIDTH = 1600;
    public static final double PREFERRED_HEIGHT = 1000;

    private WindowFit() {
    }

    /** Window size {width, height} for a screen whose usable (visual) area is w x h. */
    public static double[] windowSize(double w, double h) {
        return new double[] {Math.min(PREFERRED_WIDTH, w), Math.min(PREFERRED_HEIGHT, h)};
    }

    /** The window's minimum size: never larger than the screen, else part of it is out of reach. */
    public static double[] minimumSize(double w, double h) {
        return new double[] {Math.min(800, w), Math.min(560, h)};
    }

    /** Width of the demo picker for a window this wide: a quarter at most, between 220 and 350 pixels. */
    public static double pickerWidth(double windowWidth, boolean presenting) {
        return clamp(windowWidth * (presenting ? 0.2 : 0.23), presenting ? 190 : 220, 350);
    }

    /** Width of the result panel for a window this wide. */
    public static double resultWidth(double windowWidth, boolean presenting) {
        return clamp(windowWidth * (presenting ? 0.24 : 0.22), 220, 380);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
