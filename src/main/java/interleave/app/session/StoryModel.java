package interleave.app.session;

import interleave.scenario.ParamSpec;
import interleave.scenario.Scenario;
import interleave.trace.RunStory;
import interleave.trace.TraceAnalyzer;

/**
 * The session's {@link RunStory}, kept level with its analyzer: a new run gets a new story, and each call
 * reads only what the analyzer has digested since (cheap to call from several views per frame).
 */
public final class StoryModel {
    private final RunSession session;
    private RunStory story;

    public StoryModel(RunSession session) {
        this.session = session;
    }

    /** The current run's story up to what the analyzer has processed, or null before the first run. */
    public RunStory current() {
        TraceAnalyzer a = session.analyzer();
        if (a == null) {
            story = null;
            return null;
        }
        if (story == null || story.trace() != a.trace()) {
            Scenario demo = session.scenario(); // a demo's run: its program as shown gives the lines' text
            story = new RunStory(a.trace(), a.trace().programSource() == null && demo != null
                    ? demo.python(session.params()) : null);
        }
        story.update(a.processed());
        story.showUpTo(session.inPast() ? session.shown().processed() : Long.MAX_VALUE);
        return story;
    }

    /** Index of the scenario's boolean parameter named {@code name} (as PARAM events carry it), or -1. */
    public static int paramIndex(Scenario s, String name) {
        ParamSpec p = s == null ? null : s.param(name);
        return p instanceof ParamSpec.BoolParam ? s.params().indexOf(p) : -1;
    }
}
