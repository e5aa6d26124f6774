package interleave.trace;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Held reads, thread-local values and parameter changes, now and as of an earlier event. */
class RunStoryTest {
    private static final int T1 = 1;
    private static final int T2 = 2;

    /** The classic lost update: T1 reads 0, T2 reads 0 and writes 8, T1 writes 5. */
    private static Trace race() {
        Trace t = new Trace(new TraceHeader("hand", "sim", 1, 2, "rr", 0, Map.of(), "tick"));
        t.addThread("MainThread", false);
        t.addThread("T1", false);
        t.addThread("T2", false);
        int bal = t.addObject("balance", ObjectType.VARIABLE, 0);
        t.addObject("student", ObjectType.LOCAL, 0);
        t.append(1, T1, EventKind.READ, bal, 0, 8);         // 0
        t.append(2, T2, EventKind.SWITCH, T1, 0, 0);        // 1
        t.append(3, T2, EventKind.READ, bal, 0, 8);         // 2
        t.append(4, T2, EventKind.WRITE, bal, 8, 8);        // 3
        t.append(5, T1, EventKind.PARAM, 1, 1, 0);          // 4: the lock goes on
        t.append(6, T1, EventKind.WRITE, bal, 5, 8);        // 5
        t.append(7, T2, EventKind.READ, bal, 5, 9);         // 6
        t.append(8, T2, EventKind.THREAD_END, -1, 0, 0);    // 7
        return t;
    }

    @Test
    void aReadIsHeldUntilTheThreadWritesItBack() {
        RunStory s = new RunStory(race());
        s.update(1);
        assertEquals(List.of(new RunStory.HeldRead(T1, 0, 0, 0)), s.held(), "T1 read 0, not yet written");
        s.update(3);
        assertEquals(2, s.held().size(), "both threads hold a 0: the race before it happens");
        s.update(4);
        assertEquals(List.of(new RunStory.HeldRead(T1, 0, 0, 0)), s.held(), "T2 wrote its value back");
        s.update(6);
        assertTrue(s.held().isEmpty());
        s.update(7);
        assertEquals(List.of(new RunStory.HeldRead(T2, 0, 5, 6)), s.held());
        s.update(Long.MAX_VALUE);
        assertTrue(s.held().isEmpty(), "a finished thread holds nothing");
    }

    /** The RLock tutorial: the value read to be printed is not one on its way back. */
    @Test
    void aReadOnALineThatDoesNotAssignTheVariableIsNotHeld() {
        Trace t = new Trace(new TraceHeader("hand", "sim", 1, 2, "rr", 0, Map.of(), "tick"));
        t.recordProgram("rlock.py", String.join("\n",
                "gl_num = 0",
                "def Func():",
                "    global gl_num",
                "    gl_num +=1",
                "    print(gl_num)",
                "    if gl_num == 3: pass"));
        t.addThread("MainThread", false);
        t.addThread("T1", false);
        int n = t.addObject("gl_num", ObjectType.VARIABLE, 0);
        t.append(1, T1, EventKind.READ, n, 0, 4);
        RunStory s = new RunStory(t);
        s.update(Long.MAX_VALUE);
        assertEquals(1, s.held().size(), "gl_num +=1 reads the value it will write back");
        t.append(2, T1, EventKind.WRITE, n, 1, 4);
        t.append(3, T1, EventKind.READ, n, 1, 5);
        s.update(Long.MAX_VALUE);
        assertTrue(s.held().isEmpty(), "print(gl_num) only looks");
        t.append(4, T1, EventKind.READ, n, 1, 6);
        s.update(Long.MAX_VALUE);
        assertTrue(s.held().isEmpty(), "gl_num == 3 compares, it does not assign");
    }

    /** A demo's run records no program: the program the pane shows tells a look from a read on its way back. */
    @Test
    void aDemosShownProgramTellsALookFromAReadOnItsWayBack() {
        Trace t = new Trace(new TraceHeader("condition", "sim", 1, 2, "rr", 0, Map.of(), "tick"));
        t.addThread("MainThread", false);
        t.addThread("T1", false);
        int n = t.addObject("items", ObjectType.VARIABLE, 0);
        t.append(1, T1, EventKind.READ, n, 0, 2);
        String shown = String.join("\n", "with cond:", "    while items == 0:", "        cond.wait()",
                "    items -= 1");
        RunStory withoutText = new RunStory(t);
        withoutText.update(Long.MAX_VALUE);
        assertEquals(1, withoutText.held().size(), "without the program's text every read counts");
        RunStory withText = new RunStory(t, shown);
        withText.update(Long.MAX_VALUE);
        assertTrue(withText.held().isEmpty(), "while items == 0: only looks");
        t.append(2, T1, EventKind.READ, n, 1, 4);
        withText.update(Long.MAX_VALUE);
        assertEquals(1, withText.held().size(), "items -= 1 reads the value it will write back");
    }

    @Test
    void heldReadsCanBeAskedForAnEarlierMoment() {
        RunStory s = new RunStory(race());
        s.update(Long.MAX_VALUE);
        assertEquals(2, s.heldAt(3).size());
        assertEquals(1, s.heldAt(4).size());
        assertTrue(s.heldAt(0).isEmpty());
        assertEquals(5, s.heldAt(7).get(0).value());
    }

    @Test
    void theMomentAParameterWentOnAndStayedOn() {
        RunStory s = new RunStory(race());
        s.update(Long.MAX_VALUE);
        RunStory.ParamChange on = s.switchedOn(1);
        assertEquals(4, on.seq());
        assertEquals(5, on.time());
        assertNull(s.switchedOn(0), "never changed");
        Trace t = race();
        t.append(9, T1, EventKind.PARAM, 1, 0, 0);
        RunStory off = new RunStory(t);
        off.update(Long.MAX_VALUE);
        assertNull(off.switchedOn(1), "switched off again: no lock moment to show");
    }

    @Test
    void theFirstAcquireOfEachThreadAfterTheLockWentOn() {
        Trace t = race();
        t.append(9, T1, EventKind.ACQUIRE, 0, 1, 14);
        t.append(10, T1, EventKind.ACQUIRE, 0, 1, 14);
        RunStory s = new RunStory(t);
        s.update(Long.MAX_VALUE);
        assertEquals(8, s.firstAcquireSinceParam(T1));
        assertEquals(Long.MAX_VALUE, s.firstAcquireSinceParam(T2), "T2 has not taken the locked path");
    }

    @Test
    void eachThreadKeepsItsOwnThreadLocalValue() {
        Trace t = race();
        t.append(10, T1, EventKind.LOCAL_SET, 1, t.intern("Alice"), 10);
        t.append(11, T2, EventKind.LOCAL_SET, 1, t.intern("Bob"), 10);
        RunStory s = new RunStory(t);
        s.update(Long.MAX_VALUE);
        assertEquals(Map.of(T1, "Alice", T2, "Bob"), s.localValues(1));
        assertEquals(Map.of(T1, "Alice"), s.localValuesAt(1, t.size() - 1));
    }

    @Test
    void aThreadLocalValueDeletedIsGoneFromThatMomentOn() {
        Trace t = race();
        t.append(10, T1, EventKind.LOCAL_SET, 1, t.intern("Alice"), 10);
        t.append(11, T2, EventKind.LOCAL_SET, 1, t.intern("Bob"), 10);
        t.append(12, T1, EventKind.LOCAL_DELETE, 1, 0, 11);
        RunStory s = new RunStory(t);
        s.update(Long.MAX_VALUE);
        assertEquals(Map.of(T2, "Bob"), s.localValues(1));
        assertEquals(Map.of(T1, "Alice", T2, "Bob"), s.localValuesAt(1, t.size() - 1), "before the del");
    }
}
