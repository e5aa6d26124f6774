package interleave.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Options of the desktop app, for a lesson prepared in advance:
 * {@code --scenario ID}, {@code --param NAME=VALUE} (repeatable), {@code --speed STEPS_PER_SECOND|full},
 * {@code --play}, {@code --steps N} (run exactly N scheduling points, then pause: a fixed moment for a slide or a
 * screenshot), {@code --lang en|zh}, {@code --present}, {@code --contrast}, {@code --open FILE} (a saved run or a
 * Python program), {@code --input TEXT} (repeatable: the opened program's input() answers, in order),
 * {@code --edit} (the opened program in the editor), {@code --mode sim|cooperative|os} (how the threads are run),
 * {@code --cores}, {@code --quantum} and {@code --seed} (the picker's scheduler settings).
 * Unknown options are reported and ignored, so a typo never keeps the app from opening.
 */
public record LaunchOptions(String scenario, Map<String, String> params, Double speed, boolean play, String lang,
                            boolean present, boolean contrast, List<String> problems, long steps, String open,
                            boolean startupProbe, List<String> inputs, boolean edit,
                            interleave.engine.Mode mode, Integer cores, Integer quantum, Long seed) {
    /** What {@code app --help} prints. */
    public static final String USAGE = String.join("\n",
            "Usage: interleave app [options]      opens the window",
            "  --open FILE          a Python program (.py) to run, or a saved run (.trace) to watch",
            "  --edit               with a .py: open it in the editor",
            "  --input TEXT         an answer for the program's input(), in order (repeatable)",
            "  --scenario ID        a built-in demo (see: interleave list)",
            "  --param NAME=VALUE   one of the demo's parameters (repeatable)",
            "  --speed N|full       steps per second when playing",
            "  --play               start playing at once",
            "  --steps N            run N scheduling points first",
            "  --mode sim|cooperative|os   how the threads are run (the picker's Mode)",
            "  --cores N            virtual cores (the picker's Cores; a program's Pool() has as many workers)",
            "  --quantum N          the time slice in scheduling points (the picker's Time slice)",
            "  --seed N             the seed of the random policy (the picker's Seed)",
            "  --lang en|zh         the window's language",
            "  --present            presentation mode (large type, for a projector)",
            "  --contrast           high contrast",
            "  --help               this text");


    /** The speeds the window's slider offers: "1, 2, 5, ..., 5000 steps per second, or full". */
    private static String speedsOffered() {
        double[] speeds = interleave.app.session.RunSession.SPEEDS;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < speeds.length - 1; i++) {
            b.append(i == 0 ? "" : ", ").append(speedName(speeds[i]));
        }
        return b.append(" steps per second, or ").append(speedName(speeds[speeds.length - 1])).toString();
    }

    private static String speedName(double speed) {
        return Double.isInfinite(speed) ? "full" : String.valueOf((long) speed);
    }

    public static LaunchOptions parse(List<String> args) {
        String scenario = null;
        Map<String, String> params = new LinkedHashMap<>();
        Double speed = null;
        boolean play = false;
        String lang = null;
        boolean present = false;
        boolean contrast = false;
        long steps = 0;
        List<String> problems = new ArrayList<>();
        String open = null;
        boolean startupProbe = false;
        List<String> inputs = new ArrayList<>();
        boolean edit = false;
        interleave.engine.Mode mode = null;
        Integer cores = null;
        Integer quantum = null;
        Long seed = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String next = i + 1 < args.size() ? args.get(i + 1) : null;
            switch (a) {
                case "--scenario" -> {
                    scenario = next;
                    i++;
                }
                case "--param", "-p" -> {
                    if (next != null && next.contains("=")) {
                        params.put(next.substring(0, next.indexOf('=')), next.substring(next.indexOf('=') + 1));
                    } else {
                        problems.add("--param needs NAME=VALUE");
                    }
                    i++;
                }
                case "--speed" -> {
                    try {
                        speed = "full".equals(next) ? Double.POSITIVE_INFINITY : Double.parseDouble(next);
                        double offered = interleave.app.session.RunSession.SPEEDS[
                                interleave.app.transport.TransportViewModel.indexOf(speed)];
                        if (offered != speed) { // the slider has stops: say which one the run gets
                            problems.add("--speed " + next + " is not one of the window's speeds (" + speedsOffered()
                                    + "): it plays at " + speedName(offered));
                            speed = offered;
                        }
                    } catch (NumberFormatException | NullPointerException e) {
                        problems.add("--speed needs a number of steps per second or 'full'");
                    }
                    i++;
                }
                case "--steps" -> {
                    try {
                        steps = Long.parseLong(next);
                        if (steps < 0) {
                            throw new NumberFormatException();
                        }
                    } catch (NumberFormatException | NullPointerException e) {
                        problems.add("--steps needs a whole number of scheduling points (0 or more)");
                        steps = 0;
                    }
                    i++;
                }
                case "--lang" -> {
                    lang = next;
                    i++;
                }
                case "--open" -> {
                    if (next == null) {
                        problems.add("--open needs a trace file");
                    }
                    open = next;
                    i++;
                }
                case "--input" -> {
                    if (next == null) {
                        problems.add("--input needs an answer for the program's input()");
                    } else {
                        inputs.add(next);
                    }
                    i++;
                }
                case "--mode" -> {
                    mode = java.util.Arrays.stream(interleave.engine.Mode.values())
                            .filter(m -> m.id().equals(next)).findFirst().orElse(null);
                    if (mode == null) {
                        problems.add("--mode needs sim, cooperative or os, got " + next);
                    }
                    i++;
                }
                case "--cores" -> {
                    cores = wholeNumber(a, next, interleave.engine.RunSettings.MAX_CORES, problems);
                    i++;
                }
                case "--quantum" -> {
                    quantum = wholeNumber(a, next, interleave.engine.RunSettings.MAX_QUANTUM, problems);
                    i++;
                }
                case "--seed" -> {
                    try {
                        seed = Long.parseLong(String.valueOf(next).trim());
                    } catch (NumberFormatException e) {
                        problems.add("--seed needs a whole number, got " + next);
                    }
                    i++;
                }
                case "--edit" -> edit = true;
                case "--play" -> play = true;
                case "--present" -> present = true;
                case "--contrast" -> contrast = true;
                case "--startup-probe" -> startupProbe = true;
                default -> problems.add("unknown option " + a + " (accepted: --scenario, --param, --speed, --play, "
                        + "--steps, --mode, --cores, --quantum, --seed, --lang, --present, --contrast, --open, --input, "
                        + "--edit, "
                        + "--startup-probe)");
            }
        }
        return new LaunchOptions(scenario, params, speed, play, lang, present, contrast, problems, steps, open,
                startupProbe, List.copyOf(inputs), edit, mode, cores, quantum, seed);
    }

    /** What the window says about the options it ignored ("Ignored on the command line: ..."), or null if none. */
    public String ignored(I18n i18n) {
        return problems().isEmpty() ? null : i18n.fmt("launch.ignored", String.join("; ", problems()));
    }

    /** A whole number from 1 to max for an option, or null with the problem said. */
    private static Integer wholeNumber(String option, String text, int max, List<String> problems) {
        try {
            int n = Integer.parseInt(String.valueOf(text).trim());
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        problems.add(option + " needs a whole number from 1 to " + max + ", got " + text);
        return null;
    }
}
