package interleave.program;

/**
 * A simple scheduling point (a read or write of a shared global, a loop step) that a Python thread went through
 * within the engine's grant, as the runtime writes it: {@code op TAB thread TAB line TAB name TAB value}.
 */
record GrantedPoint(String op, int thread, int line, String name, int value) {
    static GrantedPoint parse(String text) {
        String[] f = text.split("\t", -1);
        if (f.length != 5) {
            throw new IllegalStateException("not a point from the Python runtime: " + text);
        }
        return new GrantedPoint(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), f[3],
                f[4].isEmpty() ? 0 : Integer.parseInt(f[4]));
    }
}
