package interleave.app.log;

import interleave.app.session.EventSentences;
import interleave.app.session.TimeFormat;
import interleave.trace.Trace;

import java.util.ArrayList;
import java.util.List;

/** The event log's lines: the newest events while following, or those around the selected event. */
public final class LogViewModel {
    public static final int WINDOW = 200;

    /** One line of the log. */
    public record Line(long seq, String time, String text, int thread) {
    }

    private final EventSentences sentences;

    public LogViewModel(EventSentences sentences) {
        this.sentences = sentences;
    }

    /** Lines for events [from, to) of the processed part of the trace. */
    public List<Line> lines(Trace t, long from, long to) {
        List<Line> out = new ArrayList<>();
        boolean virtual = t.header().virtualTime();
        for (long i = Math.max(0, from); i < to; i++) {
            out.add(new Line(i, TimeFormat.duration(t.time(i), virtual), sentences.sentence(t, i), t.thread(i)));
        }
        return out;
    }

    /**
     * The one sentence the log stands for where it is hidden (presenting): the selected event's, else the newest
     * event's; "" before the first.
     */
    public static String caption(EventSentences sentences, Trace t, long processed, long selected) {
        long seq = selected >= 0 && selected < processed ? selected : processed - 1;
        return seq < 0 ? "" : sentences.sentence(t, seq);
    }

    /** The window to show: around {@code selected} if one is, else the newest ones. */
    public static long[] window(long processed, long selected) {
        if (selected >= 0 && selected < processed) {
            long from = Math.max(0, selected - WINDOW / 2);
            return new long[] {from, Math.min(processed, from + WINDOW)};
        }
        return new long[] {Math.max(0, processed - WINDOW), processed};
    }
}
