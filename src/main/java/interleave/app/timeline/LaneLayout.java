package interleave.app.timeline;

/**
 * Where the timeline's lanes go: as tall as there is room for (up to half again their themed height), never
 * shorter than their label text needs. When they do not all fit under the time axis, the lanes scroll
 * vertically and the axis stays put; the lanes from {@code pinnedFrom} on (the shared objects: the lock a class
 * watches, the variable that loses its updates) then stay in view at the bottom where that leaves room for two
 * lanes above them, and only the lanes above them scroll.
 *
 * @param tops         each lane's top, already moved by the scroll
 * @param laneHeight   one lane's height
 * @param scroll       the scroll offset, clamped to [0, maxScroll]
 * @param maxScroll    how far the lanes can scroll; 0 when they all fit
 * @param viewTop      the first y the lanes may use (below the axis)
 * @param viewBottom   the last y the lanes may use
 * @param scrollBottom the last y the scrolling lanes may use: above the pinned ones, else viewBottom
 * @param pinnedFrom   the first lane that does not scroll (the number of lanes where none is pinned)
 */
public record LaneLayout(double[] tops, double laneHeight, double scroll, double maxScroll, double viewTop,
                         double viewBottom, double scrollBottom, int pinnedFrom) {
    /** Space between two lanes. */
    static final double GAP = 3;

    /** The lanes with none pinned: see {@link #of(int, int[], double, double, double, double, double, double, int)}. */
    public static LaneLayout of(int lanes, int[] sections, double viewTop, double viewBottom, double themed,
                                double minHeight, double sectionGap, double scroll) {
        return of(lanes, sections, viewTop, viewBottom, themed, minHeight, sectionGap, scroll, lanes);
    }

    /**
     * @param lanes       how many lanes
     * @param sections    indexes where a new section (threads, objects) starts and a gap is left; may be empty
     * @param themed      the themed lane height
     * @param minHeight   the least a lane may be: its label text and a little room
     * @param sectionGap  the room for a section's caption
     * @param scroll      the wanted scroll offset (clamped)
     * @param pinFrom     the first lane to keep in view when they do not all fit ({@code lanes}: none), the start
     *                    of a section
     */
    public static LaneLayout of(int lanes, int[] sections, double viewTop, double viewBottom, double themed,
                                double minHeight, double sectionGap, double scroll, int pinFrom) {
        double available = viewBottom - viewTop - 3 * sectionGap - 4;
        double h = Math.max(minHeight, Math.min(themed * 1.5, available / Math.max(1, lanes) - GAP));
        double pinnedBlock = sectionGap + (lanes - pinFrom) * (h + GAP);
        boolean pin = pinFrom > 0 && pinFrom < lanes && height(lanes, sections, h, sectionGap) > viewBottom - viewTop
                && viewBottom - pinnedBlock - viewTop >= sectionGap + 2 * (h + GAP) + 4;
        int scrolled = pin ? pinFrom : lanes;
        double scrollBottom = pin ? viewBottom - pinnedBlock : viewBottom;
        double maxScroll = Math.max(0, height(scrolled, sections, h, sectionGap) - (scrollBottom - viewTop));
        double s = Math.max(0, Math.min(scroll, maxScroll));
        double[] tops = new double[lanes];
        double y = viewTop + sectionGap - s;
        for (int i = 0; i < scrolled; i++) {
            if (i > 0 && isSectionStart(i, sections)) {
                y += sectionGap;
            }
            tops[i] = y;
            y += h + GAP;
        }
        y = scrollBottom + sectionGap;
        for (int i = scrolled; i < lanes; i++) {
            tops[i] = y;
            y += h + GAP;
        }
        return new LaneLayout(tops, h, s, maxScroll, viewTop, viewBottom, scrollBottom, scrolled);
    }

    /** How tall the first {@code lanes} lanes are, their sections' captions and the margin under them included. */
    private static double height(int lanes, int[] sections, double h, double sectionGap) {
        double content = sectionGap;
        for (int i = 0; i < lanes; i++) {
            if (i > 0 && isSectionStart(i, sections)) {
                content += sectionGap;
            }
            content += h + GAP;
        }
        return content + 4;
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
        if (i < 0 || i >= pinnedFrom || maxScroll <= 0) {
            return scroll;
        }
        double wanted = scroll;
        if (tops[i] < viewTop) {
            wanted = scroll - (viewTop - tops[i]) - GAP;
        } else if (tops[i] + laneHeight > scrollBottom) {
            wanted = scroll + (tops[i] + laneHeight - scrollBottom) + GAP;
        }
        return Math.max(0, Math.min(maxScroll, wanted));
    }

    /** True if lane i is at least partly in view. */
    public boolean visible(int i) {
        return i >= pinnedFrom || tops[i] + laneHeight > viewTop && tops[i] < scrollBottom;
    }

    /** Lanes wholly below the view (to say "N more lanes below"). */
    public int hiddenBelow() {
        int n = 0;
        for (int i = 0; i < pinnedFrom; i++) {
            if (tops[i] + laneHeight > scrollBottom) {
                n++;
            }
        }
        return n;
    }

    /** Lanes wholly or partly above the view. */
    public int hiddenAbove() {
        int n = 0;
        for (int i = 0; i < pinnedFrom; i++) {
            if (tops[i] < viewTop) {
                n++;
            }
        }
        return n;
    }
}
