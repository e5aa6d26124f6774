package interleave.app.cpu;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Narrow chips keep threads apart: "T1" and "T2", never "Th…" and "Th…". */
class ChipNamesTest {
    private static double width(String s) {
        return s.length() * 10.0; // ten pixels a character
    }

    @Test
    void aNameGivesUpItsTargetThenBecomesShort() {
        assertEquals(List.of("Thread-1 (run_thread)", "Thread-1", "T1"), ChipNames.forms("Thread-1 (run_thread)"));
        assertEquals("Thread-1 (run_thread)", ChipNames.fit("Thread-1 (run_thread)", 300, ChipNamesTest::width));
        assertEquals("Thread-1", ChipNames.fit("Thread-1 (run_thread)", 100, ChipNamesTest::width));
        assertEquals("T1", ChipNames.fit("Thread-1 (run_thread)", 40, ChipNamesTest::width));
        assertEquals("T12", ChipNames.fit("Thread-12", 30, ChipNamesTest::width));
        assertEquals("Main", ChipNames.fit("MainThread", 50, ChipNamesTest::width));
    }

    @Test
    void aNameOfTheProgramsOwnIsKeptAsItIs() {
        assertEquals(List.of("LoopThread"), ChipNames.forms("LoopThread"));
        assertEquals(List.of("worker (fetch)", "worker"), ChipNames.forms("worker (fetch)"));
    }

    @Test
    void aCountedNameKeepsItsNumber() {
        assertEquals(List.of("ForkPoolWorker-3", "FPW3"), ChipNames.forms("ForkPoolWorker-3"));
        assertEquals(List.of("Process-12", "P12"), ChipNames.forms("Process-12"));
        assertEquals(List.of("client-0", "c0"), ChipNames.forms("client-0"));
    }
}
