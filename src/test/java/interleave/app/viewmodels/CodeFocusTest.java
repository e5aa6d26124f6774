package interleave.app.viewmodels;

import interleave.app.code.CodeViewModel;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The code view scrolls only when the running thread's line is out of sight. */
class CodeFocusTest {
    @Test
    void aLineInViewStaysPut() {
        assertEquals(-1, CodeViewModel.scrollFor(10, 5, 20));
    }

    @Test
    void aLineBelowOrAboveTheViewIsBroughtInWithContext() {
        assertEquals(17, CodeViewModel.scrollFor(20, 0, 8));
        assertEquals(0, CodeViewModel.scrollFor(2, 5, 12));
        assertEquals(3, CodeViewModel.scrollFor(6, 5, 12), "a half-cut first row counts as out of view");
        assertEquals(9, CodeViewModel.scrollFor(10, 0, 3), "a few tall rows in view: no context rows above");
    }

    @Test
    void noLineNoScroll() {
        assertEquals(-1, CodeViewModel.scrollFor(-1, 0, 10));
    }

    @Test
    void theSameProgramIsTheSameListFromFrameToFrame() throws Exception {
        interleave.scenario.Scenario balance = interleave.scenario.Scenarios.byId("balance").orElseThrow();
        java.util.Map<String, Object> params = new java.util.HashMap<>(
                interleave.scenario.Params.resolve(balance, java.util.Map.of()));
        CodeViewModel vm = new CodeViewModel();
        java.util.List<String> first = vm.lines(balance, params, java.util.Locale.ENGLISH);
        assertEquals(true, first == vm.lines(balance, params, java.util.Locale.ENGLISH),
                "nothing changed: the view keeps its cells");
        java.util.List<String> chinese = vm.lines(balance, params, java.util.Locale.SIMPLIFIED_CHINESE);
        assertEquals(first.size(), chinese.size(), "the window's language changes the comments, not the lines");
        assertEquals(true, chinese.stream().anyMatch(l -> l.endsWith("# 再读一次……再写一次")), chinese.toString());
        assertEquals(true, first != vm.lines(balance, params, java.util.Locale.ENGLISH), "back in English: redrawn");
        params.put("lock", true); // the session changes its map in place
        java.util.List<String> locked = vm.lines(balance, params, java.util.Locale.ENGLISH);
        assertEquals(false, first == locked);
        assertEquals(true, locked.stream().anyMatch(l -> l.startsWith("USE_LOCK = True")), locked.toString());
    }
}
