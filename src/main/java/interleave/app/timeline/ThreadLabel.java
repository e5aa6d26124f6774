package interleave.app.timeline;

import interleave.app.theme.TextMeasure;
import interleave.trace.ThreadInfo;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A thread lane's label: its name, and for a daemon thread the word for it (drawn smaller and muted beside it).
 * The name is whole if it fits, else without CPython's "(target)" suffix ("Thread-3 (process_request_thread)" is
 * "Thread-3"), else cut in the middle ("ForkPo…orker-2"). The word comes in its long form where it fits beside the
 * name, else its short one; never beside a cut name, which needs the room more.
 *
 * @param name the name as drawn
 * @param mark the daemon's word as drawn, or ""
 */
record ThreadLabel(String name, String mark) {
    static final double GAP = 6;

    /**
     * @param words the daemon's word, long form first ("daemon", "d"); ignored for a thread that is not a daemon
     * @param nameWidth the width of a name in the name's font
     * @param markWidth the width of a word in the word's font
     */
    static ThreadLabel of(ThreadInfo thread, List<String> words, double room, ToDoubleFunction<String> nameWidth,
                          ToDoubleFunction<String> markWidth) {
        if (thread.daemon()) {
            for (String word : words) {
                String named = name(thread.name(), room - GAP - markWidth.applyAsDouble(word), nameWidth);
                if (named.equals(thread.name()) || named.equals(ThreadInfo.withoutTarget(thread.name()))) {
                    return new ThreadLabel(named, word);
                }
            }
        }
        return new ThreadLabel(name(thread.name(), room, nameWidth), "");
    }

    private static String name(String name, double room, ToDoubleFunction<String> width) {
        if (width.applyAsDouble(name) <= room) {
            return name;
        }
        String bare = ThreadInfo.withoutTarget(name);
        return width.applyAsDouble(bare) <= room ? bare : TextMeasure.clipMiddle(bare, room, width);
    }
}
