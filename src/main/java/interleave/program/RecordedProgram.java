package interleave.program;

import interleave.engine.ThreadingError;
import interleave.scenario.Scenario;
import interleave.scenario.ScenarioContext;
import interleave.scenario.Texts;
import interleave.scenario.Topic;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A teacher's program as a saved run recorded it: the code view shows the text that ran. Running it again runs
 * the file, if it is still there and still the same program; otherwise the run says so.
 */
public final class RecordedProgram extends Scenario {
    private final String file;
    private final String source;

    public RecordedProgram(String file, String source) {
        super(Path.of(file).getFileName().toString(), Topic.YOUR_PROGRAMS, List.of());
        this.file = file;
        this.source = source;
    }

    @Override
    public void main(ScenarioContext ctx) {
        if (!Files.isRegularFile(Path.of(file))) {
            throw new ThreadingError("FileNotFoundError", file + " is gone: this saved run can be watched, not rerun");
        }
        PythonProgram now = PythonProgram.load(Path.of(file), null);
        if (!now.program().map(Program::source).orElse("").equals(source)) {
            throw new ThreadingError("RuntimeError", file + " has changed since this run was saved: open the file "
                    + "to run the new version");
        }
        now.main(ctx);
    }

    @Override
    public Map<String, Object> result(ScenarioContext ctx) {
        return PythonProgram.resultOf(ctx);
    }

    @Override
    public java.util.Optional<Program> program() {
        return java.util.Optional.of(new Program(file, source));
    }

    @Override
    public String title(Locale locale) {
        return id();
    }

    @Override
    public String summary(Locale locale) {
        return file;
    }

    @Override
    public String description(Locale locale) {
        return Texts.get(locale, "program.description").replace("{0}", file);
    }

    @Override
    protected String source(Map<String, Object> params) {
        return source;
    }
}
