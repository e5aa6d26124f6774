package interleave.app.session;

import interleave.engine.RunControl;
import interleave.scenario.ParamException;
import interleave.scenario.ParamSpec;
import interleave.scenario.Scenario;
import interleave.scenario.ScenarioRun;
import interleave.trace.EventKind;
import interleave.trace.Happening;
import interleave.trace.SwitchReason;
import interleave.trace.Trace;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * A change made in the past starts a branch: a new run of the same deterministic schedule replays the old one up
 * to the moment shown, re-applying the user's earlier changes (live parameters, actions, picks, lines typed) at
 * the points where they were made, and then applies the new change there. The replay runs at full speed, driven one pulse at a time
 * so the app never waits for it.
 */
final class Branch {
    /** Something the user did, to be done again when the run has recorded {@code atPoints} points. */
    record Intervention(long atPoints, Consumer<ScenarioRun> apply) {
    }

    private final ScenarioRun run;
    private final Deque<Intervention> todo;

    Branch(ScenarioRun run, List<Intervention> todo) {
        this.run = run;
        this.todo = new ArrayDeque<>(todo);
    }

    /**
     * The user's changes among the first {@code events} events of a trace, in order, but the lines typed after
     * exactly {@code retypedAt} points (-1: none): a line typed there again replaces them.
     */
    static List<Intervention> recorded(Trace trace, long events, Scenario scenario, long retypedAt) {
        List<Intervention> out = new ArrayList<>();
        long points = 0;
        for (long i = 0; i < events; i++) {
            EventKind kind = trace.kind(i);
            if (kind == EventKind.PARAM) {
                ParamSpec spec = scenario.params().get(trace.object(i));
                Object value = spec.decode(trace.value(i));
                out.add(new Intervention(points, r -> setParam(r, spec.name(), value)));
            } else if (kind == EventKind.ACTION) {
                String action = scenario.actions().get(trace.object(i)).name();
                out.add(new Intervention(points, r -> r.fire(action)));
            } else if (kind == EventKind.INPUT_TYPED && points != retypedAt) {
                Happening.Typed typed = (Happening.Typed) Happening.decode(trace, i);
                String line = typed.endOfInput() ? null : trace.string(typed.line());
                out.add(new Intervention(points, r -> r.type(line)));
            } else if (kind == EventKind.SWITCH && trace.value(i) == SwitchReason.MANUAL.ordinal()) {
                int thread = trace.thread(i);
                out.add(new Intervention(points, r -> r.control().pick(thread)));
            }
            points += kind.point ? 1 : 0;
        }
        return out;
    }

    static void setParam(ScenarioRun run, String name, Object value) {
        try {
            run.setParam(name, value);
        } catch (ParamException e) {
            throw new IllegalStateException("a recorded parameter no longer applies: " + e.getMessage(), e);
        }
    }

    /**
     * One pulse of the replay: waits while the run is on its way to the next change or has not taken in the last
     * one, otherwise applies the next change. True once every change is applied and taken in.
     */
    boolean advance() {
        RunControl control = run.control();
        if (run.done()) {
            return true;
        }
        if (control.inputPending()) {
            return false;
        }
        Intervention next = todo.peek();
        if (next == null) {
            // every change is in: pause where the last one landed (a change that freed no thread of a run that
            // waited for the user brings no gate that would reach the target and pause)
            if (control.runningToTarget()) {
                control.pause();
            }
            return true;
        }
        // at the target the run pauses at its next gate, where the change lands; where every thread waits for
        // the user (a line typed, a button) no gate comes, and the waiting run takes the change in instead
        if (run.trace().pointCount() < next.atPoints()) {
            if (!control.runningToTarget()) {
                control.runUntilPoints(next.atPoints());
            }
            return false;
        }
        todo.poll();
        next.apply().accept(run);
        return false;
    }
}
