package interleave.app.timeline;

import interleave.trace.ThreadInfo;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A daemon thread's lane says so in the window's language, as far as the room allows; its name comes first. */
class ThreadLabelTest {
    private static final List<String> WORDS = List.of("daemon", "d");

    private static ThreadLabel label(String name, boolean daemon, double room) {
        // one unit a character, for the name and the word alike
        return ThreadLabel.of(new ThreadInfo(1, name, daemon, false), WORDS, room, String::length, String::length);
    }

    @Test
    void aDaemonsWordStandsBesideItsWholeNameWhereItFits() {
        assertEquals(new ThreadLabel("heartbeat", "daemon"), label("heartbeat", true, 9 + ThreadLabel.GAP + 6));
        assertEquals(new ThreadLabel("heartbeat", "d"), label("heartbeat", true, 9 + ThreadLabel.GAP + 1));
        assertEquals(new ThreadLabel("Thread-3", "d"), label("Thread-3 (beat)", true, 8 + ThreadLabel.GAP + 1),
                "without its target the name fits beside the word");
    }

    @Test
    void aNameThatMustBeCutKeepsTheRoomAndLosesTheWord() {
        assertEquals(new ThreadLabel("heartbeat", ""), label("heartbeat", true, 9 + ThreadLabel.GAP));
        assertEquals(new ThreadLabel("he…at", ""), label("heartbeat", true, 5));
    }

    @Test
    void aThreadThatIsNoDaemonHasNoWord() {
        assertEquals(new ThreadLabel("worker", ""), label("worker", false, 100));
        assertEquals(new ThreadLabel("Thread-3", ""), label("Thread-3 (beat)", false, 10));
    }
}
