package interleave.app.theme;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Cutting a name in the middle keeps what tells names apart: the number at their end. */
class TextMeasureTest {
    private static double chars(String s) {
        return s.length();
    }

    @Test
    void aNameThatDoesNotFitKeepsItsStartAndItsEnd() {
        assertEquals("ForkPoolWorker-1", TextMeasure.clipMiddle("ForkPoolWorker-1", 16, TextMeasureTest::chars));
        assertEquals("ForkPo…orker-1", TextMeasure.clipMiddle("ForkPoolWorker-1", 14, TextMeasureTest::chars));
        assertEquals("Fo…-1", TextMeasure.clipMiddle("ForkPoolWorker-1", 5, TextMeasureTest::chars));
        assertEquals("F…", TextMeasure.clipMiddle("ForkPoolWorker-1", 1, TextMeasureTest::chars));
    }
}
