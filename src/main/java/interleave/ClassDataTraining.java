package interleave;

import interleave.cli.Cli;

import java.io.OutputStream;
import java.io.PrintWriter;

/**
 * The training run of the app image's class-data archive ({@code mvn -Pdist package}): the build runs this class
 * once with {@code -XX:ArchiveClassesAtExit}, so that the classes both starts load (the command line's default
 * balance run, then the window up to its first painted frame) are archived parsed and verified, and later starts of
 * the image map them instead of loading them from the jar. Not a user command: its output is thrown away and it
 * quits by itself (the window through {@code --startup-probe}); it needs a display, Xvfb, or Monocle
 * ({@code -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw}).
 */
public final class ClassDataTraining {
    private ClassDataTraining() {
    }

    public static void main(String[] args) {
        PrintWriter none = new PrintWriter(OutputStream.nullOutputStream(), true);
        int code = Cli.execute(none, none, "run", "balance", "--json");
        if (code != Cli.OK) {
            System.err.println("interleave: the training run's 'run balance --json' ended with " + code);
            System.exit(1);
        }
        Cli.execute(none, none, "list");
        Main.main(new String[] {"app", "--startup-probe"}); // returns once the first frame is painted
    }
}
