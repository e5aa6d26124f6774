package interleave.app.cpu;

import interleave.app.I18n;
import interleave.trace.ObjectInfo;
import interleave.trace.ObjectType;
import interleave.trace.RunStory;
import interleave.trace.Trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The text lines the CPU view writes inside a variable's or a thread-local's box. */
public final class CpuStoryNotes {
    private CpuStoryNotes() {
    }

    /** The held reads of a variable in one short line, for a box with room for one: "T1 read 0, T2 read 0: not yet written". */
    public static String oneLine(I18n i18n, Trace t, RunStory story, ObjectInfo o, List<String> lines) {
        if (o.type() != ObjectType.VARIABLE) {
            return String.join("  ·  ", lines);
        }
        List<String> reads = new ArrayList<>();
        for (RunStory.HeldRead r : story.held()) {
            if (r.variable() == o.id()) {
                reads.add(i18n.fmt("held.short", t.thread(r.thread()).name(), String.valueOf(r.value())));
            }
        }
        return i18n.fmt("held.shortNotes", String.join(i18n.get("held.separator"), reads));
    }

    /**
     * A variable's held reads a row each, as wide as {@code room}: "Thread-1 (run_thread) read 13, not yet written",
     * else the same with a shorter form of the name ("Thread-1", "T1"), else "T1 read 13" where even that would be
     * cut: what the thread read and that it has not written it back is the point of the row.
     */
    public static List<String> rows(I18n i18n, Trace t, RunStory story, ObjectInfo o, double room,
                                    java.util.function.ToDoubleFunction<String> width) {
        List<String> out = new ArrayList<>();
        for (RunStory.HeldRead r : story.held()) {
            if (r.variable() == o.id()) {
                List<String> names = ChipNames.forms(t.thread(r.thread()).name());
                String value = String.valueOf(r.value());
                out.add(names.stream().map(name -> i18n.fmt("held.note", name, value))
                        .filter(note -> width.applyAsDouble(note) <= room).findFirst()
                        .orElseGet(() -> names.stream().map(name -> i18n.fmt("held.short", name, value))
                                .filter(note -> width.applyAsDouble(note) <= room).findFirst()
                                .orElse(i18n.fmt("held.short", names.get(names.size() - 1), value))));
            }
        }
        return out;
    }

    public static List<String> lines(I18n i18n, Trace t, RunStory story, ObjectInfo o) {
        List<String> out = new ArrayList<>();
        if (o.type() == ObjectType.VARIABLE) {
            for (RunStory.HeldRead r : story.held()) {
                if (r.variable() == o.id()) {
                    out.add(i18n.fmt("held.note", t.thread(r.thread()).name(), String.valueOf(r.value())));
                }
            }
        } else if (o.type() == ObjectType.LOCAL) {
            for (Map.Entry<Integer, String> e : story.localValues(o.id()).entrySet()) {
                out.add(i18n.fmt("cpu.localRow", t.thread(e.getKey()).name(), e.getValue()));
            }
            if (out.isEmpty()) {
                out.add(i18n.get("cpu.localUnset"));
            }
        }
        return out;
    }
}
