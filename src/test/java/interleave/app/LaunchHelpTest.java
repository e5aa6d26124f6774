package interleave.app;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code app --help} lists every option the window accepts, without opening a window (no display needed). */
class LaunchHelpTest {
    @Test
    void helpNamesEveryAcceptedOptionAndOpensNothing() {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            InterleaveApp.main(new String[] {"--help"});
        } finally {
            System.setOut(saved);
        }
        String help = out.toString(StandardCharsets.UTF_8);
        for (String option : List.of("--open", "--edit", "--input", "--scenario", "--param", "--speed", "--play",
                "--steps", "--mode", "--cores", "--quantum", "--seed", "--lang", "--present", "--contrast")) {
            assertTrue(help.contains(option), option + " missing from: " + help);
            assertTrue(LaunchOptions.parse(List.of(option, "x=1")).problems().stream()
                    .noneMatch(p -> p.startsWith("unknown option " + option)), option + " is accepted");
        }
        // a speed between the slider's stops plays at the next one, and says so
        LaunchOptions three = LaunchOptions.parse(List.of("--speed", "3"));
        assertEquals(5.0, three.speed());
        assertTrue(three.problems().get(0).contains("--speed 3 is not one of the window's speeds"), three.problems().toString());
        assertTrue(LaunchOptions.parse(List.of("--speed", "10")).problems().isEmpty(), "a stop as it is");
        assertTrue(LaunchOptions.parse(List.of("--speed", "full")).problems().isEmpty());
        assertEquals(Double.POSITIVE_INFINITY, LaunchOptions.parse(List.of("--speed", "9000")).speed(), "past the last stop: full");
        assertTrue(LaunchOptions.parse(List.of("--mode", "os")).mode() == interleave.engine.Mode.OS);
        assertTrue(LaunchOptions.parse(List.of("--mode", "fast")).problems().get(0).contains("sim, cooperative or os"));
        assertTrue(LaunchOptions.parse(List.of("--cores", "4")).cores() == 4);
        assertTrue(LaunchOptions.parse(List.of("--cores", "99")).problems().get(0).contains("from 1 to 16"));
        assertEquals(Integer.valueOf(5), LaunchOptions.parse(List.of("--quantum", "5")).quantum());
        assertTrue(LaunchOptions.parse(List.of("--quantum", "0")).problems().get(0).contains("from 1 to"));
        assertEquals(Long.valueOf(3), LaunchOptions.parse(List.of("--seed", "3")).seed());
        assertTrue(LaunchOptions.parse(List.of("--seed", "x")).problems().get(0).contains("whole number"));
    }

    /** An unknown option does not keep the window from opening, and the window says it was ignored (not only stderr). */
    @org.junit.jupiter.api.Test
    void theWindowSaysWhichOptionsItIgnored() {
        I18n en = new I18n(java.util.Locale.ENGLISH);
        assertTrue(LaunchOptions.parse(List.of("--present")).ignored(en) == null);
        String said = LaunchOptions.parse(List.of("--bogus", "--present")).ignored(en);
        assertTrue(said.startsWith("Ignored on the command line: unknown option --bogus"), said);
        String zh = LaunchOptions.parse(List.of("--bogus")).ignored(new I18n(java.util.Locale.SIMPLIFIED_CHINESE));
        assertTrue(zh.startsWith("命令行中被忽略的部分："), zh);
    }
}
