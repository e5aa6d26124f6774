package interleave.trace;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Which lines assign a shared value: only those make a read a value on its way back. */
class PythonLinesTest {
    static Stream<Arguments> assignments() {
        return Stream.of(
                arguments("    balance = balance + n", "balance"),
                arguments("counter += 1  # racy", "counter (Process-1)"),
                arguments("        self.total -= x", "account.total"),
                arguments("    counts[name] += 1", "counts['a']"),
                arguments("    counts['a'] += 1", "counts['a']"),
                arguments("x //= 2", "x"),
                arguments("balance, other = balance + 1, 0", "balance"),
                arguments("other, balance = 0, balance + 1", "balance"),
                arguments("balance: int = balance + 1", "balance"),
                arguments("lock.acquire(); balance = balance + 1", "balance"));
    }

    /** Looks, comparisons, strings, comments and keyword arguments. */
    static Stream<Arguments> notAssignments() {
        return Stream.of(
                arguments("print(balance)", "balance"),
                arguments("if balance == 0:", "balance"),
                arguments("while balance <= 5:", "balance"),
                arguments("old_balance = 3", "balance"),
                arguments("x = account.total", "account.total"),
                arguments("total = counts['a']", "counts['a']"),
                arguments("    counts['b'] += 1", "counts['a']"),
                arguments("print(\"balance =\", balance)", "balance"),
                arguments("print(f\"balance = {balance}\")", "balance"),
                arguments("x = balance  # then balance = x", "balance"),
                arguments("deposit(balance=balance)", "balance"));
    }

    @ParameterizedTest
    @MethodSource("assignments")
    void assignsTheSharedValue(String line, String name) {
        assertTrue(PythonLines.assigns(line, name), line);
    }

    @ParameterizedTest
    @MethodSource("notAssignments")
    void doesNotAssignTheSharedValue(String line, String name) {
        assertFalse(PythonLines.assigns(line, name), line);
    }

    @Test
    void aCommentStartsOutsideStrings() {
        assertEquals(6, PythonLines.commentStart("x = 1 # one"));
        assertEquals(-1, PythonLines.commentStart("s = '# not a comment'"));
        assertEquals(13, PythonLines.commentStart("s = \"a\\\"#b\"  # c"));
    }
}
