package interleave.app;

import interleave.app.code.CodeViewModel;
import interleave.app.main.WindowFit;
import interleave.app.session.RunSession;
import interleave.app.transport.NewSeed;
import interleave.app.transport.TransportViewModel;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The projector fit, the launch options and the start-up message, without a window. */
class FitViewModelTest {

    @Test
    void theWindowOpensNoLargerThanTheScreen() {
        assertArrayEquals(new double[] {1024, 738}, WindowFit.windowSize(1024, 738));
        assertArrayEquals(new double[] {1280, 690}, WindowFit.windowSize(1280, 690));
        assertArrayEquals(new double[] {1600, 1000}, WindowFit.windowSize(2560, 1400));
        double[] min = WindowFit.minimumSize(1024, 738);
        assertTrue(min[0] <= 1024 && min[1] <= 738);
    }

    @Test
    void sidePanelsShrinkOnASmallScreen() {
        double centre = 1024 - WindowFit.pickerWidth(1024, false) - WindowFit.resultWidth(1024, false);
        assertTrue(centre >= 540, "centre at 1024: " + centre);
        assertEquals(350, WindowFit.pickerWidth(1920, false));
        assertTrue(1024 - WindowFit.resultWidth(1024, true) >= 740, "presenting: only the result panel is beside");
    }

    @Test
    void noDisplayGivesOneClearLine() {
        Throwable t = new InvocationTargetException(new RuntimeException("Exception in Application start method",
                new UnsupportedOperationException("Unable to open DISPLAY")));
        String line = StartFailure.explain(t, null);
        assertTrue(line.contains("no display (DISPLAY is not set)"), line);
        assertFalse(line.contains("InvocationTargetException"), line);
        assertFalse(line.contains("\n"), line);
        assertTrue(StartFailure.explain(t, ":7").contains("DISPLAY=:7"));
    }

    @Test
    void missingGtkSaysWhatToInstall() {
        String line = StartFailure.explain(new RuntimeException(new UnsatisfiedLinkError("libgtk-3.so.0: cannot open")),
                ":0");
        assertTrue(line.contains("GTK 3") && line.contains("libgtk-3-0"), line);
    }

    @Test
    void stepsLaunchOption() {
        LaunchOptions o = LaunchOptions.parse(List.of("--scenario", "balance", "--steps", "700", "--present"));
        assertEquals(700, o.steps());
        assertTrue(o.present());
        assertTrue(o.problems().isEmpty());
        LaunchOptions bad = LaunchOptions.parse(List.of("--steps", "many"));
        assertEquals(0, bad.steps());
        assertEquals(1, bad.problems().size());
        assertTrue(bad.problems().get(0).contains("--steps"));
    }

    @Test
    void aNewSeedIsNeverTheSameSeed() {
        long[] values = {42, 42, 42, 7};
        int[] i = {0};
        assertEquals(7, NewSeed.next("42", () -> values[i[0]++]));
        assertTrue(NewSeed.next("not a number", () -> -5) >= 0);
    }

    @Test
    void theStatusPillIsNotAStatusClass() {
        assertFalse(TransportViewModel.isStatusClass("status-pill"));
        for (RunSession.Status s : RunSession.Status.values()) {
            assertTrue(TransportViewModel.isStatusClass(TransportViewModel.statusClass(s)));
        }
    }

    @Test
    void aCommentCanGoUnderItsCode() {
        assertArrayEquals(new String[] {"    ", "balance = balance + n", "# read balance ... write balance"},
                CodeViewModel.split("    balance = balance + n        # read balance ... write balance"));
        assertArrayEquals(new String[] {"", "print(\"a # b\")", "# real"},
                CodeViewModel.split("print(\"a # b\")  # real"));
        assertArrayEquals(new String[] {"", "lock = threading.Lock()", ""}, CodeViewModel.split("lock = threading.Lock()"));
        assertNotEquals("", CodeViewModel.split("# only a comment")[2]);
    }
}
