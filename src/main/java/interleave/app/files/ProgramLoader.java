package interleave.app.files;

import interleave.program.PythonProgram;
import interleave.scenario.Scenario;

import java.nio.file.Path;
import java.util.List;

/**
 * Loads a Python program with the answers its input() calls get: the editor's "Save and run" and the program
 * input box go through it, so a test can stand in for CPython. A program that cannot run throws
 * {@link interleave.program.ProgramLoadException} (its line and one-line message).
 */
@FunctionalInterface
public interface ProgramLoader {
    /** CPython on the PATH, as File > Open uses it. */
    ProgramLoader PYTHON = (file, answers) -> PythonProgram.load(file, null, answers);

    Scenario load(Path file, List<String> answers);
}
