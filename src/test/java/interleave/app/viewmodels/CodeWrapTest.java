package interleave.app.viewmodels;

import interleave.app.code.CodeViewModel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Code on a narrow panel is cut where a reader would cut it: at spaces, then after dots and brackets. */
class CodeWrapTest {
    @Test
    void aLineThatFitsStaysWhole() {
        assertEquals(List.of("balance = balance + n"), CodeViewModel.wrapCode("balance = balance + n", 21));
    }

    @Test
    void spacesComeFirstAndContinuedRowsStartTwoIn() {
        assertEquals(List.of("balance = balance", "  + n"), CodeViewModel.wrapCode("balance = balance + n", 18));
    }

    @Test
    void aLongNameBreaksAfterADotOrAnUnderscoreNotInTheMiddle() {
        assertEquals(List.of("print(threading.", "  current_thread(", "  ))"),
                CodeViewModel.wrapCode("print(threading.current_thread())", 17));
        assertEquals(List.of("x = WORK_", "  MILLIS"), CodeViewModel.wrapCode("x = WORK_MILLIS", 10));
        assertEquals(List.of("line =", "  self.rfile.", "  readline()"), CodeViewModel.wrapCode("line = self.rfile.readline()", 13));
    }

    @Test
    void chineseCharactersTakeTwoColumns() {
        // print('余额是', is 15 columns wide, not 12: the string goes to a row of its own
        List<String> rows = CodeViewModel.wrapCode("print('余额是', balance)", 12);
        assertEquals(List.of("print(", "  '余额是',", "  balance)"), rows);
    }

    @Test
    void everyRowFitsAndNothingIsLost() {
        String code = "t = threading.Thread(target=run_thread, args=(5,), name='worker-number-one')";
        for (int width = 6; width <= 40; width++) {
            List<String> rows = CodeViewModel.wrapCode(code, width);
            for (String r : rows) {
                assertTrue(r.length() <= width, width + ": '" + r + "'");
            }
            assertEquals(code.replace(" ", ""), String.join("", rows).replace(" ", ""), "width " + width);
        }
    }
}
