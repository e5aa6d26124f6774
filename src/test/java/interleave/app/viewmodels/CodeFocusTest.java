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
}
