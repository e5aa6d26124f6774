package interleave.program;

import java.util.regex.Pattern;

/**
 * What a program sees of the run's virtual cores (sim and cooperative mode): {@code os.cpu_count()} is their
 * number, so that a seed gives the same run on every machine. A {@code Pool()} or {@code ProcessPoolExecutor()}
 * without a size then starts one worker on the default single core, and runs the tutorial's tasks one after
 * another, which the class should hear is the run's setting, not what a pool does.
 */
public final class VirtualCores {
    private static final Pattern SIZED_BY_CORES = Pattern.compile(
            "\\b(?:Pool|ProcessPoolExecutor)\\s*\\(\\s*\\)|\\bcpu_count\\s*\\(\\s*\\)");

    private VirtualCores() {
    }

    /**
     * Whether a run's pool had one worker for the run's single virtual core: not os mode ({@code systemScheduled}),
     * one core, and a text that sizes a pool by the cores.
     */
    public static boolean poolHasOneWorker(boolean systemScheduled, int cores, String source) {
        return !systemScheduled && cores == 1 && sizesByCores(source);
    }

    /** The same for a recorded run: its mode and cores as its header says, its program's text. */
    public static boolean poolHasOneWorker(interleave.trace.Trace run) {
        return poolHasOneWorker(run.header().systemScheduled(), run.header().cores(), run.programSource());
    }

    /** Whether a program's text sizes something by the number of cores (Pool(), cpu_count()). */
    public static boolean sizesByCores(String source) {
        return source != null && SIZED_BY_CORES.matcher(source).find();
    }
}
