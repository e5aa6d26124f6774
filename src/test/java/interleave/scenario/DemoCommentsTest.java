package interleave.scenario;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demos' code comments in the Chinese window: every one translated, and nothing else of a program changed. */
class DemoCommentsTest {
    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    @Test
    void everyCommentOfEveryDemoIsInChineseAndOnlyTheCommentsChange() throws Exception {
        Map<String, String> translated = Texts.comments(CHINESE);
        Set<String> used = new HashSet<>();
        for (Path file : demoPrograms()) {
            String shown = Anchors.of(Files.readString(file)).shown();
            assertEquals(shown, Texts.withComments(shown, Locale.ENGLISH), "English: as written");
            String[] english = shown.split("\n", -1);
            String[] chinese = Texts.withComments(shown, CHINESE).split("\n", -1);
            assertEquals(english.length, chinese.length, file + ": the same lines");
            for (int i = 0; i < english.length; i++) {
                int hash = interleave.trace.PythonLines.commentStart(english[i]);
                if (hash < 0) {
                    assertEquals(english[i], chinese[i]);
                    continue;
                }
                String comment = english[i].substring(hash + 1).strip();
                assertTrue(translated.containsKey(comment),
                        file.getFileName() + " line " + (i + 1) + ": no Chinese for \"" + comment + "\"");
                used.add(comment);
                assertEquals(english[i].substring(0, hash + 1), chinese[i].substring(0, hash + 1),
                        file.getFileName() + " line " + (i + 1) + ": the code is the one that runs");
                assertEquals("# " + translated.get(comment), chinese[i].substring(hash));
            }
        }
        Set<String> unused = new HashSet<>(translated.keySet());
        unused.removeAll(used);
        assertEquals(Set.of(), unused, "translations of comments no demo has any more");
    }

    @Test
    void theShownProgramOfADemoSpeaksTheWindowsLanguage() throws Exception {
        Scenario balance = Scenarios.byId("balance").orElseThrow();
        Map<String, Object> params = Params.resolve(balance, Map.of());
        assertTrue(balance.python(params, CHINESE).contains("balance = balance - n        # 再读一次……再写一次"),
                balance.python(params, CHINESE));
        assertEquals(balance.python(params), balance.python(params, Locale.ENGLISH));
    }

    private static List<Path> demoPrograms() throws Exception {
        try (Stream<Path> files = Files.list(Path.of(Texts.class.getResource("python").toURI()))) {
            List<Path> programs = files.filter(f -> f.toString().endsWith(".py")).sorted().toList();
            assertTrue(programs.size() >= 16, programs.toString());
            return programs;
        }
    }
}
