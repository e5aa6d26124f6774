package interleave.program;

import com.fasterxml.jackson.databind.node.ObjectNode;
import interleave.engine.Kernel;
import interleave.engine.SharedInt;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A program's shared ints on the engine, by the name the class reads ("balance", "account.total"), in the order
 * the program made them. Only the engine's workers touch them, one at a time; so one list of what changed since
 * the last answer is enough to bring the Python side's values up to date, however many cells a program has.
 */
final class SharedCells {
    private final Kernel k;
    private final Map<String, SharedInt> byName = new ConcurrentHashMap<>();
    private final List<String> made = new CopyOnWriteArrayList<>();
    private final Set<String> written = ConcurrentHashMap.newKeySet();
    /** Written since the last answer carried the values to the Python side. */
    private final Set<String> changed = ConcurrentHashMap.newKeySet();

    SharedCells(Kernel k) {
        this.k = k;
    }

    /** The program made (or made again) a shared int with this value: no scheduling point. */
    void make(String name, int value) {
        if (byName.put(name, k.sharedInt(name, value)) == null) {
            made.add(name);
        }
        changed.add(name);
    }

    int read(String name) {
        return byName.get(name).read();
    }

    void write(String name, int value) {
        written.add(name);
        // The write is a scheduling point: other workers may answer their threads while this one is switched out
        // inside it (with the value already written), so it counts as changed before; and again after, for the
        // answers that come later, in case the switch came before the write took effect.
        changed.add(name);
        byName.get(name).write(value);
        changed.add(name);
    }

    /** Whether the program wrote it after making it (not a constant such as n = 12). */
    boolean written(String name) {
        return written.contains(name);
    }

    /** The values written since the last call, into an answer for the Python side. */
    void changesInto(ObjectNode answer) {
        if (changed.isEmpty()) {
            return;
        }
        ObjectNode v = answer.putObject("v");
        for (String name : List.copyOf(changed)) {
            changed.remove(name);
            v.put(name, byName.get(name).peek());
        }
    }

    /** Every shared int, those the program wrote first (a constant last), each in the order it was made. */
    Map<String, SharedInt> inOrder() {
        Map<String, SharedInt> ordered = new LinkedHashMap<>();
        made.stream().filter(written::contains).forEach(name -> ordered.put(name, byName.get(name)));
        made.forEach(name -> ordered.putIfAbsent(name, byName.get(name)));
        return ordered;
    }
}
