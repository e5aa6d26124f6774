package interleave.app.viewmodels;

import interleave.app.code.CodeViewModel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One indentation scale for the whole program: as written while there is room, narrower alike when not. */
class CodeIndentTest {
    private static final List<String> DEEP = List.of(
            "def child():",
            "    if MEMORY == 'isolated':",
            "        for i in range(INCREMENTS):",
            "            global counter",
            "                counter += 1  # its own copy",
            "",
            "                    # a comment deeper than any code counts too");
    private static final double CH = 8;

    @Test
    void aWidePanelShowsTheIndentationAsWritten() {
        assertEquals(1.0, CodeViewModel.indentScale(DEEP, 20 * CH + 24 * CH, CH));
        assertEquals(1.0, CodeViewModel.indentScale(List.of("x = 1", "print(x)"), 5 * CH, CH), "nothing indented");
    }

    @Test
    void aNarrowPanelKeepsRoomFor24CharactersBesideTheDeepestLine() {
        double room = 40 * CH;
        double scale = CodeViewModel.indentScale(DEEP, room, CH);
        assertTrue(scale < 1);
        assertEquals(24 * CH, room - 20 * CH * scale, 1e-9, "the deepest line (20 spaces) keeps 24 characters");
    }

    @Test
    void theIndentationNeverVanishes() {
        assertEquals(0.5, CodeViewModel.indentScale(DEEP, 10 * CH, CH),
                "a block stays visibly inside its parent: four spaces still draw as two characters");
    }

    @Test
    void blankLinesDoNotCount() {
        assertEquals(1.0, CodeViewModel.indentScale(List.of("x = 1", "                              "), 30 * CH,
                CH));
    }
}
