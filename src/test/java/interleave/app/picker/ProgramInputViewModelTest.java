package interleave.app.picker;

import interleave.app.I18n;
import interleave.program.PythonProgram;
import interleave.scenario.Scenario;
import interleave.scenario.Scenarios;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The "Program input" box: when it shows, how lines become answers, and applying them. */
class ProgramInputViewModelTest {
    @TempDir
    Path dir;

    @Test
    void onlyAProgramThatCallsInputAsks() {
        assertTrue(ProgramInputViewModel.asksForInput("name = input('name? ')\n"));
        assertTrue(ProgramInputViewModel.asksForInput("while input ( ) != 'true':\n    pass"));
        assertTrue(ProgramInputViewModel.asksForInput("x = raw_input()"));
        assertFalse(ProgramInputViewModel.asksForInput("print('no input() here')  # nor input( here"));
        assertFalse(ProgramInputViewModel.asksForInput("reader.input(3)\nmy_input(2)\ninputs = 1"));
        assertFalse(ProgramInputViewModel.asksForInput(Scenarios.byId("balance").orElseThrow().python()));
        assertFalse(ProgramInputViewModel.asksForInput(null));
    }

    @Test
    void eachLineIsOneAnswer() {
        assertEquals(List.of(), ProgramInputViewModel.answers(""));
        assertEquals(List.of("true"), ProgramInputViewModel.answers("true"));
        assertEquals(List.of("true"), ProgramInputViewModel.answers("true\n"), "a final line end is no answer");
        assertEquals(List.of("a", "", "c d"), ProgramInputViewModel.answers("a\r\n\r\nc d"),
                "an empty line is an empty answer (Enter)");
        assertEquals(List.of(""), ProgramInputViewModel.answers("\n"));
    }

    @Test
    void aDemoHasNoBox() {
        StringProperty message = new SimpleStringProperty("");
        ProgramInputViewModel vm = new ProgramInputViewModel(new I18n(Locale.ENGLISH), (f, a) -> null, message);
        vm.show(Scenarios.byId("event-gate").orElseThrow());
        assertFalse(vm.visibleProperty().get());
        assertNull(vm.apply());
        vm.show(null);
        assertFalse(vm.visibleProperty().get());
        assertEquals(List.of(), vm.answersFor(null));
    }

    @Test
    void aProgramWithInputShowsItsAnswersAndAppliesNewOnes() throws Exception {
        Assumptions.assumeTrue(PythonProgram.findPython() != null, "SKIPPED: no python3 on the PATH");
        Path asks = Files.writeString(dir.resolve("asks.py"), "name = input('name? ')\nprint('hello', name)\n");
        Path quiet = Files.writeString(dir.resolve("quiet.py"), "print('hello')  # input() is not called\n");
        StringProperty message = new SimpleStringProperty("");
        List<List<String>> loads = new java.util.ArrayList<>();
        ProgramInputViewModel vm = new ProgramInputViewModel(new I18n(Locale.ENGLISH), (f, a) -> {
            loads.add(a);
            return PythonProgram.load(f, null, a);
        }, message);

        vm.show(PythonProgram.load(quiet, null, List.of()));
        assertFalse(vm.visibleProperty().get());

        PythonProgram program = PythonProgram.load(asks, null, List.of("Ada"));
        vm.show(program);
        assertTrue(vm.visibleProperty().get());
        assertEquals("Ada", vm.textProperty().get());
        assertFalse(vm.changedProperty().get());
        vm.textProperty().set("Grace\nHopper\n");
        assertTrue(vm.changedProperty().get(), "Apply is worth pressing");
        assertEquals(List.of("Grace", "Hopper"), vm.answersFor(program), "what Save and run would use");
        Scenario again = vm.apply();
        assertEquals(List.of(List.of("Grace", "Hopper")), loads);
        assertEquals(List.of("Grace", "Hopper"), ((PythonProgram) again).answers());
        assertEquals(asks.toAbsolutePath(), ((PythonProgram) again).file());

        Files.writeString(asks, "print(\n");
        assertNull(vm.apply());
        assertTrue(vm.errorProperty().get().startsWith("Cannot run this program: asks.py: SyntaxError at line"),
                vm.errorProperty().get());
        assertEquals(vm.errorProperty().get(), message.get());
    }
}
