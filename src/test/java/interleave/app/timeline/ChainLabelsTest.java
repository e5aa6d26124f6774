package interleave.app.timeline;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The selected lost update's labels: in their own lane, beside their marker, never over each other. */
class ChainLabelsTest {
    /** 7 px a character, as a stand-in for the canvas font. */
    private static double width(String s) {
        return 7 * s.length();
    }

    private static List<ChainLabels.Placed> place(double read, double write, double lost, double min, double max) {
        return ChainLabels.place(List.of(new ChainLabels.Mark("read 0", read, 1, true),
                new ChainLabels.Mark("write 8", write, 1, false),
                new ChainLabels.Mark("lost 0", lost, 0, false)), 5, min, max, ChainLabelsTest::width);
    }

    private static void assertApart(List<ChainLabels.Placed> placed, double min, double max) {
        for (ChainLabels.Placed a : placed) {
            assertTrue(a.left() >= min && a.right() <= max, a + " inside " + min + ".." + max);
            for (ChainLabels.Placed b : placed) {
                if (a != b && a.lane() == b.lane()) {
                    assertFalse(a.overlaps(b.left(), b.right()), a + " and " + b);
                }
            }
        }
    }

    @Test
    void roomEnoughEachLabelSitsBesideItsMarker() {
        List<ChainLabels.Placed> p = place(300, 500, 420, 100, 900);
        assertEquals(3, p.size());
        assertTrue(p.get(0).right() <= 300 - 5, "read on the left of its marker: " + p.get(0));
        assertTrue(p.get(1).left() >= 500 + 5, "write on the right: " + p.get(1));
        assertEquals(0, p.get(2).lane(), "lost in the victim's lane");
        assertApart(p, 100, 900);
    }

    @Test
    void aReadAndAWriteAPixelApartNeverOverlap() {
        for (double gap : new double[] {0, 1, 3, 10, 30}) {
            List<ChainLabels.Placed> p = place(400, 400 + gap, 401, 100, 900);
            assertApart(p, 100, 900);
            assertEquals(3, p.size(), "both fit, one on each side: " + p);
        }
    }

    @Test
    void atTheLeftEdgeTheReadAndWriteBecomeOneLabel() {
        List<ChainLabels.Placed> p = place(105, 108, 106, 100, 900);
        assertApart(p, 100, 900);
        assertTrue(p.stream().anyMatch(x -> x.text().equals("read 0 · write 8")), p.toString());
    }

    @Test
    void noRoomAtAllLeavesTheLabelOutNotOverAnother() {
        List<ChainLabels.Placed> p = place(130, 140, 135, 100, 160);
        assertApart(p, 100, 160);
        assertTrue(p.size() < 3, p.toString());
    }

    @Test
    void aMarkerOutOfViewHasNoLabel() {
        List<ChainLabels.Placed> p = place(50, 500, 450, 100, 900);
        assertEquals(List.of("write 8", "lost 0"), p.stream().map(ChainLabels.Placed::text).toList());
    }
}
