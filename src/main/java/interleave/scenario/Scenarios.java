package interleave.scenario;

import interleave.scenario.demos.BalanceScenario;
import interleave.scenario.demos.ConditionScenario;
import interleave.scenario.demos.CoroutinesScenario;
import interleave.scenario.demos.DaemonScenario;
import interleave.scenario.demos.DeadlockScenario;
import interleave.scenario.demos.EventGateScenario;
import interleave.scenario.demos.GilScenario;
import interleave.scenario.demos.HelloThreadsScenario;
import interleave.scenario.demos.IoBoundScenario;
import interleave.scenario.demos.JoinPitfallScenario;
import interleave.scenario.demos.PoolScenario;
import interleave.scenario.demos.ProcessesScenario;
import interleave.scenario.demos.RLockCounterScenario;
import interleave.scenario.demos.SemaphoreScenario;
import interleave.scenario.demos.ThreadLocalScenario;
import interleave.scenario.demos.ThreadPerClientScenario;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Every demo, in the order the picker and {@code list} show them. */
public final class Scenarios {
    private static final List<Scenario> ALL = List.of(
            new HelloThreadsScenario(),
            new DaemonScenario(),
            new JoinPitfallScenario(),
            new ThreadLocalScenario(),
            new BalanceScenario(),
            new RLockCounterScenario(),
            new DeadlockScenario(),
            new EventGateScenario(),
            new SemaphoreScenario(),
            new ConditionScenario(),
            new PoolScenario(),
            new IoBoundScenario(),
            new GilScenario(),
            new ProcessesScenario(),
            new CoroutinesScenario(),
            new ThreadPerClientScenario());

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
