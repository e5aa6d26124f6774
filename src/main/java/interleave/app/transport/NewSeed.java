package interleave.app.transport;

import interleave.app.AppModel;
import interleave.app.picker.PickerViewModel;
import interleave.engine.Policy;

import java.util.function.LongSupplier;

/**
 * "New seed": the same demo again under another schedule, so a class sees the unlocked result change from run
 * to run while the locked one never does. Round-robin ignores the seed, so it switches to the random policy.
 */
public final class NewSeed {
    /** One source of new seeds for the button and the N key. */
    private static final java.util.SplittableRandom SEEDS = new java.util.SplittableRandom();

    private NewSeed() {
    }

    /** A seed that differs from the current one (shown in the seed field, so a run can be repeated). */
    public static long next(String current, LongSupplier random) {
        long now;
        try {
            now = Long.parseLong(current.trim());
        } catch (NumberFormatException | NullPointerException e) {
            now = Long.MIN_VALUE;
        }
        long seed;
        do {
            seed = Math.floorMod(random.getAsLong(), 1_000_000L); // short enough to read out to a class
        } while (seed == now);
        return seed;
    }

    /** Puts a new seed into the form, then resets and plays. */
    public static void apply(AppModel model) {
        PickerViewModel form = model.picker();
        form.seedProperty().set(String.valueOf(next(form.seedProperty().get(), SEEDS::nextLong)));
        if (form.policyProperty().get() == Policy.RR) {
            form.policyProperty().set(Policy.RANDOM);
        }
        model.reset();
        model.play();
    }
}
