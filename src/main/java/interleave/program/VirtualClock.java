package interleave.program;

import java.util.regex.Pattern;

/**
 * What a program sees of the run's virtual clock (sim and cooperative mode): {@code time.time()} counts from 0, the
 * epoch, so that a seed always gives the same output; a program that turns it into a date ({@code ctime()},
 * {@code strftime}, {@code datetime.now()}) prints a day in January 1970, which the class should hear is no fault.
 */
public final class VirtualClock {
    private static final Pattern DATES = Pattern.compile(
            "\\b(?:ctime|asctime|localtime|gmtime|strftime)\\s*\\("
                    + "|\\b(?:datetime|date)\\s*\\.\\s*(?:now|today|utcnow|fromtimestamp)\\b");

    private VirtualClock() {
    }

    /**
     * Whether a run's program printed dates its class should hear about: its clock was the virtual one
     * ({@code virtualTime}: sim or cooperative mode) and its text turns the clock into dates.
     */
    public static boolean datesBeginAtTheEpoch(boolean virtualTime, String source) {
        return virtualTime && formatsDates(source);
    }

    /** The same for a recorded run: its clock as its header says, its program's text. */
    public static boolean datesBeginAtTheEpoch(interleave.trace.Trace run) {
        return datesBeginAtTheEpoch(run.header().virtualTime(), run.programSource());
    }

    /** Whether a program's text turns the clock into dates or times of day. */
    public static boolean formatsDates(String source) {
        return source != null && DATES.matcher(source).find();
    }
}
