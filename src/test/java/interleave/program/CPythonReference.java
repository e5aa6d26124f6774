package interleave.program;

import java.nio.file.Path;

/**
 * How the tests run a program in CPython alone to take the output ours must match: as {@code python3 FILE} does,
 * but with stdout line-buffered, as on a terminal, whatever the environment says. Our runtime shows each printed
 * line when it is printed; CPython writing to a pipe instead buffers a block (a child forked after a print writes
 * that print again, and one that leaves with os._exit loses its lines) or, under PYTHONUNBUFFERED, writes a line's
 * text and its end apart (a forked child's line lands between them). For stdout only: the program's main-thread
 * tracebacks gain a frame of this launcher.
 */
public final class CPythonReference {
    private static final String LINE_BUFFERED = String.join("\n",
            "def _run():",
            "    import os, sys, __main__",
            "    sys.stdout.reconfigure(line_buffering=True)",
            "    sys.argv = sys.argv[1:]",
            "    sys.path[0] = os.path.dirname(os.path.abspath(sys.argv[0]))",
            "    with open(sys.argv[0], 'rb') as f:",
            "        code = compile(f.read(), sys.argv[0], 'exec')",
            "    program = __main__.__dict__",
            "    del program['_run']",
            "    program['__file__'] = sys.argv[0]",
            "    exec(code, program)",
            "_run()");

    private CPythonReference() {
    }

    /** {@code python FILE}, its stdout line-buffered. */
    public static ProcessBuilder of(String python, Path file) {
        ProcessBuilder b = new ProcessBuilder(python, "-c", LINE_BUFFERED, file.toString());
        b.environment().remove("PYTHONUNBUFFERED");
        return b;
    }
}
