package interleave.app.result;

/**
 * Which notes the result pane adds under a program's figures: why CPython at home loses fewer updates (or none,
 * in os mode), that processes lose them too. Pure rules, tested without a window. (Where a program's dates
 * come from and why its pool has one worker are the program layer's: VirtualClock, VirtualCores.)
 */
public final class ResultNotes {
    private ResultNotes() {
    }

    /**
     * A teacher's program in os mode ran on CPython's own threads: when it ends with shared values written and
     * none lost, the class should hear why (CPython rarely switches inside one line) and that the race is real.
     */
    public static boolean saysCPythonRarelySwitches(String mode, boolean program, boolean over, int lost,
                                                    boolean racing) {
        return "os".equals(mode) && program && over && lost == 0 && racing;
    }

    /**
     * Whether the panel says, under a program's lost updates in sim or cooperative mode, that CPython itself
     * rarely loses them: a student who runs the same file at home usually sees the right answer, and must not
     * think the teacher's screen lied (Interleave may switch at every read and write, CPython 3.10+ seldom does).
     */
    public static boolean saysSchedulerSwitchesMoreThanCPython(String mode, boolean program, int lost) {
        return !"os".equals(mode) && program && lost > 0;
    }

    private static final java.util.regex.Pattern PROCESSES = java.util.regex.Pattern.compile(
            "\\bmultiprocessing\\b|\\bos\\.fork\\b|ForkingTCPServer|ProcessPoolExecutor");

    /** Whether a program's text starts processes (multiprocessing, os.fork, ForkingTCPServer, ProcessPoolExecutor). */
    public static boolean startsProcesses(String source) {
        return source != null && PROCESSES.matcher(source).find();
    }
}
