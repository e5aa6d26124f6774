package interleave.app.editor;

import interleave.app.I18n;
import interleave.app.files.ProgramLoader;
import interleave.program.ProgramLoadException;
import interleave.scenario.Scenario;
import interleave.scenario.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The program editor's state without a window: dirty, save, Save and run, the error line, unsaved changes. */
class EditorViewModelTest {
    @TempDir
    Path dir;

    /** What the loader was asked, and what it answers. */
    private final List<String> loads = new ArrayList<>();
    private RuntimeException failure;
    private final Scenario loaded = Scenarios.byId("balance").orElseThrow();
    private final ProgramLoader loader = (file, answers) -> {
        loads.add(file.getFileName() + " " + answers);
        if (failure != null) {
            throw failure;
        }
        return loaded;
    };

    private EditorViewModel editor() {
        return new EditorViewModel(new I18n(Locale.ENGLISH), loader);
    }

    private Path program(String text) throws Exception {
        return Files.writeString(dir.resolve("prog.py"), text, StandardCharsets.UTF_8);
    }

    @Test
    void editsAreDirtyUntilSavedAndTheFileChangesOnlyOnSave() throws Exception {
        Path f = program("x = 1\n");
        EditorViewModel vm = editor();
        assertTrue(vm.open(f));
        assertTrue(vm.editing());
        assertEquals("x = 1\n", vm.textProperty().get());
        assertFalse(vm.dirty());
        vm.textProperty().set("x = 2  # 改了\n");
        assertTrue(vm.dirty());
        assertEquals("x = 1\n", Files.readString(f), "the file on disk is changed only by Save");
        vm.textProperty().set("x = 1\n");
        assertFalse(vm.dirty(), "typed back to what is saved: nothing to save");
        vm.textProperty().set("x = 2  # 改了\n");
        assertTrue(vm.save());
        assertFalse(vm.dirty());
        assertEquals("x = 2  # 改了\n", Files.readString(f, StandardCharsets.UTF_8), "UTF-8");
        assertEquals("Saved. Save and run runs it.", vm.noticeProperty().get());
    }

    @Test
    void aFileWithWindowsLineEndsKeepsThem() throws Exception {
        Path f = program("a = 1\r\nb = 2\r\n");
        EditorViewModel vm = editor();
        vm.open(f);
        assertEquals("a = 1\nb = 2\n", vm.textProperty().get());
        vm.textProperty().set("a = 1\nb = 3\n");
        vm.save();
        assertEquals("a = 1\r\nb = 3\r\n", Files.readString(f));
    }

    @Test
    void saveAndRunLoadsTheSavedFileWithTheAnswersAndClosesTheEditor() throws Exception {
        Path f = program("print(input())\n");
        EditorViewModel vm = editor();
        vm.open(f);
        vm.textProperty().set("print(input(), input())\n");
        assertSame(loaded, vm.saveAndRun(List.of("a", "b")));
        assertEquals(List.of("prog.py [a, b]"), loads);
        assertEquals("print(input(), input())\n", Files.readString(f));
        assertFalse(vm.editing(), "the code view shows the code that runs now");
        assertEquals(0, vm.errorLineProperty().get());
    }

    @Test
    void aProgramThatCannotRunMarksItsLineAndTheEditorStaysOpen() throws Exception {
        Path f = program("x = 1\n");
        EditorViewModel vm = editor();
        vm.open(f);
        vm.textProperty().set("x = 1\ny = (\nz = 3\n");
        failure = ProgramLoadException.of("prog.py", new interleave.program.LoadCause.Syntax(2, "'(' was never closed"));
        assertNull(vm.saveAndRun(List.of()));
        assertTrue(vm.editing());
        assertEquals(2, vm.errorLineProperty().get());
        assertEquals("prog.py: SyntaxError at line 2: '(' was never closed", vm.errorText(),
                "the message names its line already");
        assertEquals("x = 1\ny = (\nz = 3\n", Files.readString(f), "saved, so nothing typed is lost");
        assertFalse(vm.dirty());

        failure = new ProgramLoadException("prog.py: NameError: name 'q' is not defined", 3);
        assertNull(vm.saveAndRun(List.of()));
        assertEquals("Line 3: prog.py: NameError: name 'q' is not defined", vm.errorText());
        failure = new IllegalArgumentException("running a Python program needs Python 3.8 or newer");
        assertNull(vm.saveAndRun(List.of()));
        assertEquals(0, vm.errorLineProperty().get());
        assertTrue(vm.errorText().startsWith("running a Python program needs"));

        failure = null;
        assertSame(loaded, vm.saveAndRun(List.of()));
        assertEquals("", vm.errorText(), "a good run clears the mark");
    }

    @Test
    void unsavedChangesAskSaveDiscardOrCancel() throws Exception {
        Path f = program("x = 1\n");
        EditorViewModel vm = editor();
        List<String> asked = new ArrayList<>();
        EditorViewModel.Choice[] answer = {EditorViewModel.Choice.CANCEL};
        vm.setConfirm(name -> {
            asked.add(name);
            return answer[0];
        });
        vm.open(f);
        assertTrue(vm.mayLeave(), "nothing to lose: no question");
        assertEquals(List.of(), asked);

        vm.textProperty().set("x = 2\n");
        assertFalse(vm.mayLeave(), "Cancel: stay");
        assertFalse(vm.closeAsking(List.of(), p -> { }));
        assertTrue(vm.editing() && vm.dirty());
        assertEquals(List.of("prog.py", "prog.py"), asked);

        answer[0] = EditorViewModel.Choice.DISCARD;
        assertTrue(vm.mayLeave());
        assertEquals("x = 1\n", vm.textProperty().get());
        assertEquals("x = 1\n", Files.readString(f));

        vm.textProperty().set("x = 3\n");
        answer[0] = EditorViewModel.Choice.SAVE;
        List<Scenario> ran = new ArrayList<>();
        assertTrue(vm.closeAsking(List.of("a"), ran::add));
        assertFalse(vm.editing());
        assertEquals("x = 3\n", Files.readString(f));
        assertEquals(List.of(loaded), ran, "saved and closed: the code view shows the code that runs, so it runs");
        assertEquals(List.of("prog.py [a]"), loads);
    }

    @Test
    void aSaveThatFailsKeepsTheEditsAndSaysWhy() throws Exception {
        Path f = program("x = 1\n");
        EditorViewModel vm = editor();
        vm.setConfirm(name -> EditorViewModel.Choice.SAVE);
        vm.open(f);
        vm.textProperty().set("x = 2\n");
        Files.delete(f);
        Files.createDirectory(f); // the file became a folder: it cannot be written
        assertFalse(vm.mayLeave(), "a failed save must not let the edits go");
        assertTrue(vm.dirty());
        assertTrue(vm.errorText().startsWith("Could not save prog.py"), vm.errorText());
    }

    @Test
    void anotherSelectionClosesTheEditorAndTheSameFileKeepsIt() throws Exception {
        Path f = program("x = 1\n");
        EditorViewModel vm = editor();
        vm.open(f);
        vm.textProperty().set("x = 5\n");
        vm.selectionChanged(f);
        assertTrue(vm.editing(), "the same program loaded again (new answers) keeps the editor");
        assertTrue(vm.open(f));
        assertEquals("x = 5\n", vm.textProperty().get(), "opening the same file again keeps the edits");
        vm.selectionChanged(null);
        assertFalse(vm.editing());
    }

    @Test
    void aFileThatCannotBeReadIsNotOpened() throws Exception {
        EditorViewModel vm = editor();
        assertFalse(vm.open(dir.resolve("gone.py")));
        assertFalse(vm.editing());
        assertEquals("Cannot edit gone.py: the file is no longer there.", vm.errorMessageProperty().get());
        Path latin1 = Files.write(dir.resolve("old.py"), new byte[] {'x', '=', (byte) 0xE9});
        assertFalse(vm.open(latin1));
        assertEquals("Cannot edit old.py: line 1 is not UTF-8 text. Save it as UTF-8, or declare its encoding in its"
                + " first line (# -*- coding: gbk -*-).", vm.errorMessageProperty().get());
        Path unknown = Files.writeString(dir.resolve("odd.py"), "# coding: klingon\nx = 1\n");
        assertFalse(vm.open(unknown));
        assertEquals("Cannot edit odd.py: it declares the encoding klingon, which Interleave does not know.",
                vm.errorMessageProperty().get());
    }

    /**
     * A program saved in GBK, as it declares in its first line (Python 2 programs on Chinese Windows often are):
     * the editor shows its Chinese text and saves it back in GBK; a character GBK cannot hold is not saved, and
     * says where it is, and the file stays as it was.
     */
    @Test
    void aFileInTheEncodingItDeclaresIsEditedAndSavedInIt() throws Exception {
        java.nio.charset.Charset gbk = java.nio.charset.Charset.forName("GBK");
        Path f = Files.write(dir.resolve("bank.py"), "# -*- coding: gbk -*-\r\nname = '张三'\r\n".getBytes(gbk));
        EditorViewModel vm = editor();
        assertTrue(vm.open(f));
        assertEquals("# -*- coding: gbk -*-\nname = '张三'\n", vm.textProperty().get());
        vm.textProperty().set("# -*- coding: gbk -*-\nname = '李四'\nprint(name)\n");
        assertTrue(vm.save());
        assertEquals("# -*- coding: gbk -*-\r\nname = '李四'\r\nprint(name)\r\n", new String(Files.readAllBytes(f), gbk),
                "the file's own encoding and line ends");
        byte[] before = Files.readAllBytes(f);
        vm.textProperty().set("# -*- coding: gbk -*-\nname = '李四'\nprint(name, '\u263a\ud83d\ude00')\n");
        assertFalse(vm.save());
        assertEquals("Not saved: line 3 has a character that gbk, the encoding of bank.py, cannot hold. Change the"
                + " character, or the declaration in the first line to utf-8.", vm.errorMessageProperty().get());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(f)), "the file is left as it was");
        assertTrue(vm.dirty());
        // as the message says: the declaration changed to utf-8, the file is written as UTF-8 (python3 reads it so)
        vm.textProperty().set("# -*- coding: utf-8 -*-\nname = '李四'\nprint(name, '\u263a\ud83d\ude00')\n");
        assertTrue(vm.save());
        assertEquals("# -*- coding: utf-8 -*-\r\nname = '李四'\r\nprint(name, '\u263a\ud83d\ude00')\r\n",
                Files.readString(f, StandardCharsets.UTF_8));
    }

    @Test
    void closingWithoutSavedChangesKeepsTheRunAndWithThemRunsThem() throws Exception {
        Path f = program("x = 1\n");
        EditorViewModel vm = editor();
        vm.open(f);
        List<Scenario> ran = new ArrayList<>();
        assertTrue(vm.closeAsking(List.of(), ran::add));
        assertEquals(List.of(), ran, "nothing changed: the run stays as it is");
        assertEquals(List.of(), loads);

        vm.open(f);
        vm.textProperty().set("x = (\n");
        vm.save();
        assertTrue(vm.savedSinceRun());
        failure = new ProgramLoadException("prog.py: SyntaxError at line 1: '(' was never closed", 1);
        assertFalse(vm.closeAsking(List.of(), ran::add), "it cannot run: the editor stays, the line marked");
        assertTrue(vm.editing());
        assertEquals(1, vm.errorLineProperty().get());
        assertEquals(List.of(), ran);
    }
}
