package interleave;

import interleave.cli.Cli;

/**
 * Entry point of the jar: with arguments it is the command line; with none (or {@code app [options]}) it
 * opens the desktop app.
 * The app is loaded by name so that this class, like the cli package, never touches JavaFX itself.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || args[0].equals("app")) {
            String[] appArgs = args.length == 0 ? args : java.util.Arrays.copyOfRange(args, 1, args.length);
            try {
                Class.forName("interleave.app.InterleaveApp").getMethod("main", String[].class)
                        .invoke(null, (Object) appArgs);
                return;
            } catch (java.lang.reflect.InvocationTargetException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                System.err.println("interleave: the desktop app could not start (" + cause + "); "
                        + "use 'java -jar interleave.jar --help' for the command line");
                System.exit(2);
            } catch (ReflectiveOperationException | LinkageError e) {
                System.err.println("interleave: the desktop app could not start (" + e + "); "
                        + "use 'java -jar interleave.jar --help' for the command line");
                System.exit(1);
            }
        }
        System.exit(Cli.execute(args));
    }
}
