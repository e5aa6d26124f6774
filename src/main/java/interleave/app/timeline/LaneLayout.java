package interleave.app.timeline;

/**
 * Where the timeline's lanes go: as tall as there is room for (up to half again their themed height), never
 * shorter than their label text needs. When they do not all fit under the time axis, the lanes scroll
 * vertically and the axis stays put.
 *
 * @param tops        each lane's top, already moved by the scroll
 * @param laneHeight  one lane's height
 * @param scroll      the scroll offset, clamped to [0, maxScroll]
 * @param maxScroll   how far the lanes can scroll; 0 when they all fit
 * @param viewTop     the first y the lanes may use (below the axis)
 * @param viewBottom  the last y the lanes may use
 */
public record LaneLayout(double[] tops, double laneHeight, double scroll, double maxScroll, double viewTop,
                         double viewBottom) {
    /** Space between two lanes. */
    static final double GAP = 3;

    /**
     * @param lanes       how many lanes
     * @param sections    indexes where a new section (threads, objects) starts and a gap is left; may be empty
     * @param themed      the themed lane height
     * @param minHeight   the least a lane may be: its label text and a little room
     * @param sectionGap  the room for a section's caption
     * @param scroll      the wanted scroll offset (clamped)
     */
    public static LaneLayout of(int lanes, int[] sections, double viewTop, double viewBottom, double themed,
                                double minHeight, double sectionGap, double scroll) {
        double available = viewBottom - viewTop - 3 * sectionGap - 4;
        double h = Math.max(minHeight, Math.min(themed * 1.5, available / Math.max(1, lanes) - GAP));
        double content = sectionGap;
        for (int i = 0; i < lanes; i++) {
            if (i > 0 && isSectionStart(i, sections)) {
                content += sectionGap;
            }
            content += h + GAP;
        }
        double maxScroll = Math.max(0, content + 4 - (viewBottom - viewTop));
        double s = Math.max(0, Math.min(scroll, maxScroll));
        double[] tops = new double[lanes];
        double y = viewTop + sectionGap - s;
        for (int i = 0; i < lanes; i++) {
            if (i > 0 && isSectionStart(i, sections)) {
                y += sectionGap;
            }
            tops[i] = y;
            y += h + GAP;
        }
        return new LaneLayout(tops, h, s, maxScroll, viewTop, viewBottom);
    }

    private static boolean isSectionStart(int i, int[] sections) {
        for (int s : sections) {
            if (s == i) {
                return true;
            }
        }
        return false;
    }

    /** The scroll offset nearest to this one that shows lane i whole (this one if it does, or if i is no lane). */
    public double scrollToShow(int i) {
        if (i < 0 || i >= tops.length || maxScroll <= 0) {
            return scroll;
        }
        double wanted = scroll;
        if (tops[i] < viewTop) {
            wanted = scroll - (viewTop - tops[i]) - GAP;
        } else if (tops[i] + laneHeight > viewBottom) {
            wanted = scroll + (tops[i] + laneHeight - viewBottom) + GAP;
        }
        return Math.max(0, Math.min(maxScroll, wanted));
    }

    /** True if lane i is at least partly in view. */
    public boolean visible(int i) {
        return tops[i] + laneHeight > viewTop && tops[i] < viewBottom;
    }

    /** Lanes wholly below the view (to say "N more lanes below"). */
    public int hiddenBelow() {
        int n = 0;
        for (double top : tops) {
            if (top + laneHeight > viewBottom) {
                n++;
            }
        }
        return n;
    }

    /** Lanes wholly or partly above the view. */
    public int hiddenAbove() {
        int n = 0;
        for (double top : tops) {
            if (top < viewTop) {
                n++;
            }
        }
        return n;
    }
}
