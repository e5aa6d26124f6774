package interleave.trace;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which lines assign a shared value: only those make a read a value on its way back. */
class PythonLinesTest {
    @Test
    void assignmentsToEveryKindOfSharedValue() {
        assertTrue(PythonLines.assigns("    balance = balance + n", "balance"));
        assertTrue(PythonLines.assigns("counter += 1  # racy", "counter (Process-1)"));
        assertTrue(PythonLines.assigns("        self.total -= x", "account.total"));
        assertTrue(PythonLines.assigns("    counts[name] += 1", "counts['a']"));
        assertTrue(PythonLines.assigns("    counts['a'] += 1", "counts['a']"));
        assertTrue(PythonLines.assigns("x //= 2", "x"));
        assertTrue(PythonLines.assigns("balance, other = balance + 1, 0", "balance"));
        assertTrue(PythonLines.assigns("other, balance = 0, balance + 1", "balance"));
        assertTrue(PythonLines.assigns("balance: int = balance + 1", "balance"));
        assertTrue(PythonLines.assigns("lock.acquire(); balance = balance + 1", "balance"));
    }

    @Test
    void looksComparisonsStringsCommentsAndKeywordsAreNotAssignments() {
        assertFalse(PythonLines.assigns("print(balance)", "balance"));
        assertFalse(PythonLines.assigns("if balance == 0:", "balance"));
        assertFalse(PythonLines.assigns("while balance <= 5:", "balance"));
        assertFalse(PythonLines.assigns("old_balance = 3", "balance"));
        assertFalse(PythonLines.assigns("x = account.total", "account.total"));
        assertFalse(PythonLines.assigns("total = counts['a']", "counts['a']"));
        assertFalse(PythonLines.assigns("    counts['b'] += 1", "counts['a']"));
        assertFalse(PythonLines.assigns("print(\"balance =\", balance)", "balance"));
        assertFalse(PythonLines.assigns("print(f\"balance = {balance}\")", "balance"));
        assertFalse(PythonLines.assigns("x = balance  # then balance = x", "balance"));
        assertFalse(PythonLines.assigns("deposit(balance=balance)", "balance"));
    }

    @Test
    void aCommentStartsOutsideStrings() {
        assertEquals(6, PythonLines.commentStart("x = 1 # one"));
        assertEquals(-1, PythonLines.commentStart("s = '# not a comment'"));
        assertEquals(13, PythonLines.commentStart("s = \"a\\\"#b\"  # c"));
    }
}
