package interleave.app.code;

import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/**
 * One line of the Python program. When the panel is wide enough it is the line as written; when not, the code
 * wraps and its comment moves under it, at the code's indentation: the teaching comments stay readable on a
 * 1024-pixel projector instead of running out of view.
 */
final class CodeLine extends Region {
    private final Label whole;
    private final Label code;
    private final Label comment;
    private final int indent;
    /** The share of its width as written that the indentation takes (the same for every line, see CodeViewModel). */
    private final double indentScale;

    /** The code without its indentation and comment, cut into rows by {@link #rows} when it does not fit. */
    private final String codeText;
    private javafx.scene.text.Font measuredFont;
    private double charWidth;

    CodeLine(String line, double indentScale) {
        String[] parts = CodeViewModel.split(line);
        indent = parts[0].length();
        this.indentScale = indentScale;
        whole = label(line.substring(indent), false);
        codeText = parts[1];
        // cut into rows here, not by the label: a label breaks a name wherever the width ends (WORK_MI / LLIS)
        code = label(parts[1], false);
        comment = label(parts[2], true);
        comment.getStyleClass().add("code-comment");
        getChildren().addAll(whole, code, comment);
    }

    private static Label label(String text, boolean wrap) {
        Label l = new Label(text);
        l.getStyleClass().add("code-text");
        l.setWrapText(wrap);
        l.setMinWidth(0);
        return l;
    }

    /** One character of the code's (monospaced) font. */
    private double charWidth() {
        javafx.scene.text.Font f = whole.getFont();
        if (f != measuredFont) {
            measuredFont = f;
            charWidth = interleave.app.theme.TextMeasure.width("0123456789", f) / 10;
        }
        return charWidth;
    }

    /** The code's rows for a column this wide (see CodeViewModel.wrapCode). */
    private java.util.List<String> rows(double columnWidth) {
        return CodeViewModel.wrapCode(codeText, (int) Math.floor(columnWidth / Math.max(1, charWidth()) + 0.01));
    }

    /** True when the whole line fits this width as written. */
    boolean fits(double width) {
        return indentWidth() + whole.prefWidth(-1) <= width;
    }

    private double indentWidth() {
        return whole.getFont().getSize() * 0.6 * indent * indentScale; // a monospaced character is about 0.6 em
    }

    /**
     * The indentation a wrapped line keeps: the code's own, but never so much that fewer than 18 characters are
     * left for the code and its comment (deep code on a narrow panel became a column of single words); up to
     * four characters of it always stay.
     */
    private double indentFor(double width) {
        double ch = whole.getFont().getSize() * 0.6;
        // A wrapped line keeps its whole indentation, as the lines that fit do: in Python the depth is the meaning
        // (a block drawn at two depths teaches the wrong program). Only a pane too narrow for eight characters of
        // code after it takes some back.
        return Math.max(0, Math.min(indentWidth(), width - 8 * ch));
    }

    /**
     * Where a comment moved under its code starts: at the code's indentation while that leaves room for 24
     * characters, else further left, down to four characters in. A comment's indentation means nothing to Python,
     * and deep code on a projector's narrow panel turned its comment into a column of single words, the longest cut.
     */
    private double commentIndentFor(double width) {
        double ch = whole.getFont().getSize() * 0.6;
        double code = indentFor(width);
        return Math.max(Math.min(code, 4 * ch), Math.min(code, width - 24 * ch));
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefWidth(double height) {
        return Math.min(indentWidth() + whole.prefWidth(-1), whole.getFont().getSize() * 12);
    }

    @Override
    protected double computeMinWidth(double height) {
        return whole.getFont().getSize() * 0.6 * 12; // a dozen characters: never a column of single letters
    }

    @Override
    protected double computePrefHeight(double width) {
        double w = width > 0 ? width : getWidth() > 0 ? getWidth() : whole.prefWidth(-1);
        if (fits(w)) {
            return whole.prefHeight(-1);
        }
        double codeW = Math.max(1, w - indentFor(w));
        double h = codeText.isEmpty() ? 0 : rows(codeW).size() * whole.prefHeight(-1); // a comment alone: no code row
        if (!comment.getText().isEmpty()) {
            h += comment.prefHeight(Math.max(1, w - commentIndentFor(w)));
        }
        return h;
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        boolean asWritten = fits(w);
        whole.setVisible(asWritten);
        code.setVisible(!asWritten);
        comment.setVisible(!asWritten && !comment.getText().isEmpty());
        if (asWritten) {
            whole.resizeRelocate(indentWidth(), 0, whole.prefWidth(-1), whole.prefHeight(-1));
            return;
        }
        double x = indentFor(w);
        double codeW = Math.max(1, w - x);
        String rows = String.join("\n", rows(codeW));
        if (!rows.equals(code.getText())) {
            code.setText(rows);
        }
        double codeH = codeText.isEmpty() ? 0 : code.prefHeight(-1); // a comment alone starts on the first row
        code.setVisible(!codeText.isEmpty());
        code.resizeRelocate(x, 0, codeW, codeH);
        double cx = commentIndentFor(w);
        double commentW = Math.max(1, w - cx);
        comment.resizeRelocate(cx, codeH, commentW, comment.prefHeight(commentW));
    }
}
