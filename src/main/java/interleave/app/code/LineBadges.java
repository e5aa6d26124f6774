package interleave.app.code;

import interleave.app.theme.TextMeasure;
import interleave.trace.ThreadInfo;
import interleave.trace.Trace;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

import java.util.List;

/**
 * How the name badges of the threads on a line of code are laid out in a code panel this wide: how many, beside
 * the code or under it, and with which names. The badges are measured; the code is reckoned at 0.6 em a character
 * (its monospaced font; wider characters, Chinese in a comment, count short). A badge that does not fit beside
 * the line would squeeze the code into a column that cuts its names ("bala / nce").
 */
final class LineBadges {
    /** A badge's padding and the gap after it, beside its name. */
    private static final double BADGE_EXTRA = 16 + 3;

    private final double em;
    private final double listWidth;
    private final double viewport;
    private final double allowance;
    private final double indentScale;
    private final Font bold;

    /**
     * @param em          the code panel's text size
     * @param listWidth   the list's width
     * @param viewport    a row's width (the list's less its border and scroll bar)
     * @param allowance   the list's width a cell cannot use
     * @param indentScale how wide indentations are drawn (see CodeViewModel.indentScale)
     */
    LineBadges(double em, double listWidth, double viewport, double allowance, double indentScale) {
        this.em = em;
        this.listWidth = listWidth;
        this.viewport = viewport;
        this.allowance = allowance;
        this.indentScale = indentScale;
        this.bold = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, em);
    }

    /** The badges of a line: their names, and how many of them are shown (the rest become "+N"). */
    record Placed(List<String> names, int shown) {
    }

    /**
     * The badges beside the code or under it: at most two (three where three are all there are), as many as fit
     * in a third of the panel beside the code or in the row under it, at least one.
     */
    Placed place(Trace t, List<Integer> ids, boolean under) {
        List<String> names = names(t, ids, under);
        double room = under ? listWidth - allowance : listWidth / 3;
        double used = 0;
        int fit = 0;
        for (String name : names) {
            used += width(name);
            if (fit > 0 && used + 2.5 * em > room) {
                break;
            }
            fit++;
        }
        return new Placed(names, Math.min(ids.size() <= 3 ? ids.size() : 2, Math.max(1, fit)));
    }

    /**
     * The badges' names: as they are beside the code; under it, as they are where all of them fit on the row, else
     * without CPython's "(target)" ("Thread-1", "Thread-2": two threads on the line that races are both named, not
     * one and "+1").
     */
    private List<String> names(Trace t, List<Integer> ids, boolean under) {
        if (!under) {
            return ids.stream().map(id -> t.thread(id).name()).toList();
        }
        List<String> whole = ids.stream().map(id -> nameThatFits(t.thread(id).name())).toList();
        double wide = whole.stream().mapToDouble(this::width).sum();
        return wide + 2.5 * em <= listWidth - allowance ? whole
                : ids.stream().map(id -> ThreadInfo.withoutTarget(t.thread(id).name())).toList();
    }

    /** Whether the line's badges fit beside its code as written, on one row; if not, they go under it. */
    boolean fitBeside(String line, Trace t, List<Integer> ids) {
        Placed beside = place(t, ids, false);
        double badges = beside.shown() < ids.size() ? width("+" + (ids.size() - beside.shown())) : 0;
        for (String name : beside.names().subList(0, beside.shown())) {
            badges += width(name);
        }
        String[] parts = CodeViewModel.split(line);
        double code = (parts[0].length() * indentScale + parts[1].length()) * em * 0.6;
        // the line number's column (2.2 em), the gap after it and the cell's padding
        return code + badges + 2.2 * em + 8 + 12 <= viewport;
    }

    /** A thread's name for a badge under the code: without CPython's "(target)" when the whole does not fit. */
    private String nameThatFits(String name) {
        double room = viewport - 2.2 * em - 8 - 16 - 12; // the line number's column, padding of badge and cell
        return TextMeasure.width(name, bold) <= room ? name : ThreadInfo.withoutTarget(name);
    }

    /** A badge's width for this name, with its padding and the gap after it. */
    private double width(String name) {
        return TextMeasure.width(name, bold) + BADGE_EXTRA;
    }
}
