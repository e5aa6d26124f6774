package interleave.app.result;

import interleave.trace.Trace;

import java.util.function.Predicate;

/**
 * A question about a run asked once per run, not once per frame (the program's text read, a pass over the trace):
 * the answer is kept until another trace is asked about.
 */
final class PerRun {
    private final Predicate<Trace> question;
    private Trace askedFor;
    private boolean answer;

    PerRun(Predicate<Trace> question) {
        this.question = question;
    }

    boolean test(Trace t) {
        if (t != askedFor) {
            askedFor = t;
            answer = question.test(t);
        }
        return answer;
    }
}
