package interleave.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** The headless command line: {@code list}, {@code run} and {@code inspect}. */
@Command(name = "interleave", mixinStandardHelpOptions = true, version = "Interleave 0.1.0",
        description = "Runs threading demos under an observable scheduler and prints or saves their traces.%n"
                + "With no arguments, or with 'app', the jar opens the desktop app (its options: app --help).",
        subcommands = {ListCommand.class, RunCommand.class, InspectCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the run finished", "1:internal error", "2:bad usage or bad input",
                "3:a deadlock was detected", "4:the run did not end within --timeout and was stopped",
                "5:a Python program ended as python3 would end it with an error (an uncaught exception in its main"
                        + " thread, sys.exit(n)): the report's exit status says which"})
public final class Cli implements Runnable {
    public static final int OK = 0;
    public static final int INTERNAL = 1;
    public static final int BAD_INPUT = 2;
    public static final int DEADLOCK = 3;
    /** The run went on past --timeout (a program that never ends): stopped, and what was recorded reported. */
    public static final int TIMED_OUT = 4;
    /** A Python program that python3 would end with a non-zero exit status (its main thread raised, sys.exit(n)). */
    public static final int PROGRAM_FAILED = 5;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Cli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExitCodeExceptionMapper(e -> BAD_INPUT);
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("interleave: " + ex.getMessage());
            c.getErr().println("Try 'interleave " + (c.getCommandName().equals("interleave") ? "" : c.getCommandName() + " ")
                    + "--help'.");
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            c.getErr().println("interleave: internal error: " + ex);
            return INTERNAL;
        });
        return cl.execute(args);
    }
}
