package interleave.program;

import interleave.engine.Kernel;
import interleave.engine.SharedInt;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A program's shared ints on the engine, each by the number the runtime gave it and the name the class reads
 * ("balance", "account.total"), in the order the program made them. Only the engine's workers touch them, one at
 * a time; so marking what changed since the last answer is enough to bring the Python side's values up to date.
 */
final class SharedCells {
    /** One shared int: its engine variable (made again if the program makes it again) and what happened to it. */
    private static final class Cell {
        final int number;
        final String name;
        volatile SharedInt value;
        volatile boolean written;
        /** Made by a thread the program started (a result it computed, self.res = ...), not by the main thread. */
        volatile boolean madeByAThread;
        /** Written since the last answer carried the values to the Python side. */
        volatile boolean changed;

        Cell(int number, String name, SharedInt value) {
            this.number = number;
            this.name = name;
            this.value = value;
        }
    }

    private final Kernel k;
    private volatile Cell[] byNumber = new Cell[0];
    private final List<Cell> made = new CopyOnWriteArrayList<>();
    /** The cells marked changed, each once: an answer carries only these, however many cells there are. */
    private final java.util.Queue<Cell> dirty = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final Map<String, Cell> byName = new java.util.concurrent.ConcurrentHashMap<>();

    SharedCells(Kernel k) {
        this.k = k;
    }

    /**
     * The program made (or made again) shared int {@code number} with this value: no scheduling point;
     * {@code byAThread}: in a thread it started, not in its main thread.
     */
    synchronized void make(int number, String name, int value, boolean byAThread) {
        if (number < 0 || number > 1_000_000) {
            throw new IllegalStateException("not a shared value's number from the Python runtime: " + number);
        }
        Cell[] cells = byNumber;
        if (number >= cells.length) {
            cells = Arrays.copyOf(cells, Math.max(number + 1, cells.length * 2));
        }
        Cell cell = cells[number];
        if (cell == null) {
            cell = new Cell(number, name, k.sharedInt(name, value));
            cell.madeByAThread = byAThread;
            cells[number] = cell;
            made.add(cell);
            byName.put(name, cell);
        } else {
            cell.value = k.sharedInt(name, value);
        }
        changed(cell);
        byNumber = cells;
    }

    int read(int number) {
        return cell(number).value.read();
    }

    void write(int number, int value) {
        Cell cell = cell(number);
        cell.written = true;
        // The write is a scheduling point: other workers may answer their threads while this one is switched out
        // inside it (with the value already written), so it counts as changed before; and again after, for the
        // answers that come later, in case the switch came before the write took effect.
        changed(cell);
        cell.value.write(value);
        changed(cell);
    }

    private void changed(Cell cell) {
        if (!cell.changed) {
            cell.changed = true;
            dirty.add(cell);
        }
    }

    private Cell cell(int number) {
        Cell[] cells = byNumber;
        if (number < 0 || number >= cells.length || cells[number] == null) {
            throw new IllegalStateException("the Python runtime used shared value " + number + " before making it");
        }
        return cells[number];
    }

    /** Whether a thread the program started made it (fib.res = 233), not its main thread. */
    boolean madeByAThread(String name) {
        Cell cell = byName.get(name);
        return cell != null && cell.madeByAThread;
    }

    /** Whether the program wrote it after making it (not a constant such as n = 12). */
    boolean written(String name) {
        Cell cell = byName.get(name);
        return cell != null && cell.written;
    }

    /** The values written since the last call, into an answer for the Python side. */
    void changesInto(Answer answer) {
        for (Cell cell = dirty.poll(); cell != null; cell = dirty.poll()) {
            cell.changed = false;
            answer.value(cell.number, cell.value.peek());
        }
    }

    /** Every shared int, those the program wrote first (a constant last), each in the order it was made. */
    Map<String, SharedInt> inOrder() {
        Map<String, SharedInt> ordered = new LinkedHashMap<>();
        made.stream().filter(c -> c.written).forEach(c -> ordered.put(c.name, c.value));
        made.forEach(c -> ordered.putIfAbsent(c.name, c.value));
        return ordered;
    }
}
