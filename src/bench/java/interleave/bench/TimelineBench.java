package interleave.bench;

/** Placeholder until the timeline exists: the app's draw benchmark plugs in here. */
final class TimelineBench {
    private TimelineBench() {
    }

    static void runIfAvailable(boolean quick) {
    }
}
