package interleave.scenario;

import interleave.scenario.demos.BalanceScenario;
import interleave.scenario.demos.DeadlockScenario;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Every demo, in the order the picker and {@code list} show them. */
public final class Scenarios {
    private static final List<Scenario> ALL = List.of(
            new BalanceScenario(),
            new DeadlockScenario());

    private Scenarios() {
    }

    public static List<Scenario> all() {
        return ALL;
    }

    public static Optional<Scenario> byId(String id) {
        return ALL.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public static String ids() {
        return ALL.stream().map(Scenario::id).collect(Collectors.joining(", "));
    }
}
