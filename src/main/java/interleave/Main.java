package interleave;

import interleave.cli.Cli;

/**
 * Entry point of the jar: with arguments it is the command line; with none it opens the desktop app.
 * The app is loaded by name so that this class, like the cli package, never touches JavaFX itself.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            try {
                Class.forName("interleave.app.InterleaveApp").getMethod("main", String[].class)
                        .invoke(null, (Object) args);
                return;
            } catch (ReflectiveOperationException | LinkageError e) {
                System.err.println("interleave: the desktop app could not start (" + e + "); "
                        + "use 'java -jar interleave.jar --help' for the command line");
                System.exit(1);
            }
        }
        System.exit(Cli.execute(args));
    }
}
