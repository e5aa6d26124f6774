package interleave.app.result;

import interleave.trace.LostUpdate;

import java.util.ArrayList;
import java.util.List;

/**
 * The lost updates as the list shows them: the ones that lost something first (in run order), the harmless
 * ones after them (see {@link #visible}); at most {@code cap} entries, a visible one displacing
 * an invisible one when full.
 */
public final class LostUpdateList {
    private final int cap;
    private final List<LostUpdate> items = new ArrayList<>();
    private int visible;
    private int taken;

    public LostUpdateList(int cap) {
        this.cap = cap;
    }

    /**
     * True when the overwrite lost something: the overwriting write changed the value (an overwrite of 0 by 0
     * teaches nothing), and the overwritten one had not put back the value the stale read saw (a +n then -n: the
     * total is right, "nothing was lost this time").
     */
    public static boolean visible(LostUpdate u) {
        return u.writtenValue() != u.lostValue() && !u.lostNothing();
    }

    /** Takes the entries of {@code all} not taken yet; true if the list changed. */
    public boolean takeNew(List<LostUpdate> all) {
        boolean changed = false;
        for (; taken < all.size(); taken++) {
            changed |= add(all.get(taken));
        }
        return changed;
    }

    private boolean add(LostUpdate u) {
        if (visible(u)) {
            if (items.size() >= cap) {
                if (visible == items.size()) {
                    return false;
                }
                items.remove(items.size() - 1);
            }
            items.add(visible++, u);
            return true;
        }
        if (items.size() < cap) {
            items.add(u);
            return true;
        }
        return false;
    }

    public List<LostUpdate> items() {
        return items;
    }
}
