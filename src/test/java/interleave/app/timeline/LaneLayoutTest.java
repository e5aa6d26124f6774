package interleave.app.timeline;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The timeline's lanes never shrink below their text; what does not fit scrolls under a fixed axis. */
class LaneLayoutTest {
    // presentation mode at 1024x768: about 330 px of timeline, 21 px text, 46 px themed lanes
    private static final double MIN = 21 * 1.25;

    private static LaneLayout presenting(int lanes, double scroll) {
        return LaneLayout.of(lanes, new int[] {1, 11}, 42, 330, 46, MIN, 33.6, scroll);
    }

    @Test
    void withFourteenLanesAtAProjectorsSizeNoLaneIsShorterThanItsText() {
        LaneLayout l = presenting(14, 0); // rlock-counter: a core, MainThread and ten workers, the lock, the counter
        assertEquals(MIN, l.laneHeight(), 1e-9);
        assertTrue(l.maxScroll() > 0, "they do not all fit: the lanes scroll");
        assertTrue(l.hiddenBelow() > 0);
        assertEquals(0, l.hiddenAbove());
    }

    @Test
    void scrollingToTheEndShowsTheLastLaneWholeAndTheFirstOnesGoUnderTheAxis() {
        LaneLayout l = presenting(14, 1e9);
        assertEquals(l.maxScroll(), l.scroll(), 1e-9, "clamped to the end");
        double lastBottom = l.tops()[13] + l.laneHeight();
        assertTrue(lastBottom <= l.viewBottom(), "the last lane is whole: " + lastBottom);
        assertTrue(l.visible(13));
        assertTrue(l.hiddenAbove() > 0);
        assertEquals(0, l.hiddenBelow());
        assertEquals(0, presenting(14, -50).scroll(), 1e-9, "never above the first lane");
    }

    @Test
    void fewLanesGetTheRoomThereIsUpToHalfAgainTheirThemedHeightAndDoNotScroll() {
        LaneLayout l = LaneLayout.of(4, new int[] {1, 3}, 42, 600, 46, MIN, 33.6, 100);
        assertEquals(46 * 1.5, l.laneHeight(), 1e-9);
        assertEquals(0, l.maxScroll(), 1e-9);
        assertEquals(0, l.scroll(), 1e-9);
        assertEquals(0, l.hiddenBelow());
    }

    @Test
    void sectionsLeaveRoomForTheirCaptions() {
        LaneLayout l = presenting(14, 0);
        double step = l.laneHeight() + LaneLayout.GAP;
        assertEquals(step + 33.6, l.tops()[1] - l.tops()[0], 1e-9, "a gap before the threads");
        assertEquals(step, l.tops()[2] - l.tops()[1], 1e-9);
        assertEquals(step + 33.6, l.tops()[11] - l.tops()[10], 1e-9, "a gap before the objects");
    }

    /** Following a run, the lane of the thread that runs is brought into view with as little scrolling as will do. */
    @Test
    void scrollToShowBringsALaneWhollyIntoViewAndLeavesAVisibleOneAlone() {
        LaneLayout top = LaneLayout.of(14, new int[] {1, 12}, 30, 300, 28, 20, 18, 0);
        assertTrue(top.maxScroll() > 0, "fourteen lanes do not fit in 270 px");
        assertEquals(0, top.scrollToShow(2), "a lane in view needs no scrolling");
        double down = top.scrollToShow(11);
        LaneLayout scrolled = LaneLayout.of(14, new int[] {1, 12}, 30, 300, 28, 20, 18, down);
        assertTrue(scrolled.tops()[11] + scrolled.laneHeight() <= scrolled.viewBottom() + 1e-9, "its bottom shows");
        assertTrue(scrolled.tops()[11] >= scrolled.viewTop(), "and its top");
        assertTrue(scrolled.tops()[10] + scrolled.laneHeight() > scrolled.viewTop(), "no further than needed");
        double back = scrolled.scrollToShow(0);
        LaneLayout up = LaneLayout.of(14, new int[] {1, 12}, 30, 300, 28, 20, 18, back);
        assertTrue(up.tops()[0] >= up.viewTop(), "scrolling back up shows the first lane whole");
        assertEquals(scrolled.scroll(), scrolled.scrollToShow(-1), "no lane to show: no change");
    }

    /**
     * The RLock counter at a projector's size: fourteen lanes do not fit, so the shared objects (the counter and the
     * lock, from lane 12 on) stay whole at the bottom and only the lanes above them scroll, down to the last thread.
     */
    @Test
    void theSharedObjectsStayInViewWhileTheThreadsScroll() {
        LaneLayout top = LaneLayout.of(14, new int[] {1, 12}, 30, 330, 28, 20, 18, 0, 12);
        assertEquals(12, top.pinnedFrom());
        assertTrue(top.scrollBottom() < top.viewBottom());
        for (double scroll : new double[] {0, 60, 1e9}) {
            LaneLayout l = LaneLayout.of(14, new int[] {1, 12}, 30, 330, 28, 20, 18, scroll, 12);
            assertEquals(top.tops()[12], l.tops()[12], 1e-9, "the pinned lanes do not move");
            assertTrue(l.visible(12) && l.visible(13));
            assertTrue(l.tops()[13] + l.laneHeight() <= l.viewBottom(), "the last one is whole");
            assertTrue(l.tops()[12] >= l.scrollBottom() + 18, "under the threads, with room for their caption");
        }
        LaneLayout end = LaneLayout.of(14, new int[] {1, 12}, 30, 330, 28, 20, 18, 1e9, 12);
        assertTrue(end.tops()[11] + end.laneHeight() <= end.scrollBottom(), "scrolled to the end: the last thread");
        assertTrue(end.hiddenAbove() > 0);
        assertEquals(0, end.hiddenBelow());
        assertTrue(top.hiddenBelow() > 0 && !top.visible(11), "at the top, the last threads are under the objects");
        assertEquals(top.scroll(), top.scrollToShow(13), 1e-9, "a pinned lane needs no scrolling");
        LaneLayout roomy = LaneLayout.of(4, new int[] {1, 3}, 42, 600, 46, MIN, 33.6, 0, 3);
        assertEquals(4, roomy.pinnedFrom(), "all fit: nothing pinned");
        LaneLayout cramped = LaneLayout.of(14, new int[] {1, 4}, 30, 200, 28, 20, 18, 0, 4);
        assertEquals(14, cramped.pinnedFrom(), "ten objects would leave no room for two threads: nothing pinned");
    }
}
