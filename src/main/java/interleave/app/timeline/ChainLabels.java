package interleave.app.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Where the labels of a selected lost update's chain go ("read 0", "write 8", "lost 0"): each inside its marker's
 * own lane (never over a neighbouring lane's drawing), beside its marker on the side it prefers, else on the other
 * side. Two labels that would still overlap, or cover another marker of the chain, become one ("write 8 · lost 0"
 * is never needed across lanes, but "read 0 · write 8" is, when the read and the write are a pixel apart); a label
 * with no room at all is left out. The markers are always drawn: the hover and the result list say the rest.
 */
final class ChainLabels {
    /** Space between a marker and its label, and between two labels. */
    static final double GAP = 4;

    /** A marker of the chain: where it is, in which lane, its label, and which side that label prefers. */
    record Mark(String text, double x, int lane, boolean preferLeft) {
    }

    /** A label as drawn: its text, left edge, width and lane. */
    record Placed(String text, double left, double width, int lane) {
        double right() {
            return left + width;
        }

        boolean overlaps(double l, double r) {
            return l < right() + GAP && r + GAP > left;
        }
    }

    private ChainLabels() {
    }

    /**
     * Lays the labels out in the order given (the first gets its preferred side first); {@code markerHalf} is half a
     * marker's width, {@code minX}..{@code maxX} the plot's visible part. A marker outside it gets no label.
     */
    static List<Placed> place(List<Mark> marks, double markerHalf, double minX, double maxX,
                              ToDoubleFunction<String> width) {
        List<Placed> placed = new ArrayList<>();
        for (Mark m : marks) {
            if (m.x() < minX || m.x() > maxX) {
                continue;
            }
            Placed p = fit(m.text(), m.x(), m.x(), m.lane(), m.preferLeft(), marks, placed, markerHalf, minX, maxX,
                    width);
            if (p != null) {
                placed.add(p);
                continue;
            }
            // no room beside its marker: one label with a neighbour in the same lane, beside the pair
            for (int i = 0; i < placed.size(); i++) {
                Placed q = placed.get(i);
                if (q.lane() != m.lane()) {
                    continue;
                }
                Mark other = markOf(q, marks);
                double lo = Math.min(m.x(), other == null ? m.x() : other.x());
                double hi = Math.max(m.x(), other == null ? m.x() : other.x());
                boolean otherFirst = other != null && other.x() <= m.x();
                String text = otherFirst ? q.text() + " · " + m.text() : m.text() + " · " + q.text();
                List<Placed> rest = new ArrayList<>(placed);
                rest.remove(i);
                Placed merged = fit(text, lo, hi, m.lane(), m.preferLeft(), marks, rest, markerHalf, minX, maxX,
                        width);
                if (merged != null) {
                    rest.add(i, merged);
                    placed = rest;
                    break;
                }
            }
        }
        return placed;
    }

    /** The label beside the markers lo..hi (one marker: lo == hi), or null if neither side has room. */
    private static Placed fit(String text, double lo, double hi, int lane, boolean preferLeft, List<Mark> marks,
                              List<Placed> placed, double markerHalf, double minX, double maxX,
                              ToDoubleFunction<String> width) {
        double w = width.applyAsDouble(text);
        for (boolean left : preferLeft ? new boolean[] {true, false} : new boolean[] {false, true}) {
            double l = left ? lo - markerHalf - GAP - w : hi + markerHalf + GAP;
            double r = l + w;
            if (l < minX || r > maxX || covers(l, r, lane, placed, marks, markerHalf)) {
                continue;
            }
            return new Placed(text, l, w, lane);
        }
        return null;
    }

    /** True if l..r overlaps a label already placed in the lane, or one of the chain's markers in it. */
    private static boolean covers(double l, double r, int lane, List<Placed> placed, List<Mark> marks,
                                  double markerHalf) {
        for (Placed p : placed) {
            if (p.lane() == lane && p.overlaps(l, r)) {
                return true;
            }
        }
        for (Mark m : marks) {
            if (m.lane() == lane && l < m.x() + markerHalf && r > m.x() - markerHalf) {
                return true;
            }
        }
        return false;
    }

    /** The marker a placed label belongs to (the first whose text it starts or ends with). */
    private static Mark markOf(Placed p, List<Mark> marks) {
        for (Mark m : marks) {
            if (m.lane() == p.lane() && (p.text().equals(m.text()) || p.text().startsWith(m.text() + " · ")
                    || p.text().endsWith(" · " + m.text()))) {
                return m;
            }
        }
        return null;
    }
}
