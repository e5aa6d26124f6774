package interleave.app.result;

import interleave.app.I18n;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A program's printed lines never become a big figure: they are a list, shown a line each in the details. */
class ResultFiguresTest {
    private final ResultViewModel vm = new ResultViewModel(new I18n(Locale.ENGLISH));

    @Test
    void aProgramWithoutSharedVariablesShowsHowManyLinesItPrinted() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("lines", 2);
        result.put("printed", "Hello, Bob (in Thread-B)");
        result.put("output", List.of("Hello, Alice (in Thread-A)", "Hello, Bob (in Thread-B)"));
        assertEquals("lines printed", vm.firstCaption(result));
        assertEquals("2", vm.first(result));
        assertEquals("", vm.secondCaption(result), "a long last line is no figure");
        assertEquals("", vm.second(result));
        List<String> details = vm.details(result);
        assertTrue(details.contains("printed:\n  Hello, Alice (in Thread-A)\n  Hello, Bob (in Thread-B)"),
                details.toString());
    }

    @Test
    void aLongOutputShowsItsLastLines() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("lines", 10);
        result.put("output", List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10"));
        assertTrue(vm.details(result).contains("printed:\n  … 7 lines before (see the event log)\n  8\n  9\n  10"),
                vm.details(result).toString());
    }

    @Test
    void nothingPrintedYetAddsNoEmptyLines() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("balance", 5);
        result.put("lines", 0);
        result.put("printed", "");
        result.put("output", List.of());
        assertEquals(List.of(), vm.details(result));
    }

    @Test
    void sharedVariablesComeFirst() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("output", List.of("52"));
        result.put("balance", 52);
        result.put("lines", 1);
        assertEquals("balance", vm.firstCaption(result));
        assertEquals("52", vm.first(result));
        assertEquals("lines printed", vm.secondCaption(result));
    }
}
