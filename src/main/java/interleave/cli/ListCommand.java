package interleave.cli;

import interleave.scenario.Scenario;
import interleave.scenario.Scenarios;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code list}: scenario ids and titles. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the scenarios.")
final class ListCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--zh", description = "Titles in Simplified Chinese.")
    boolean chinese;

    @Override
    public Integer call() {
        Locale locale = chinese ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
        int width = Scenarios.all().stream().mapToInt(s -> s.id().length()).max().orElse(10);
        for (Scenario s : Scenarios.all()) {
            spec.commandLine().getOut().printf("%-" + width + "s  %s%n", s.id(), s.title(locale));
        }
        return Cli.OK;
    }
}
