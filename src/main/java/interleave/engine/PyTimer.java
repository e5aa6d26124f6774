package interleave.engine;

/**
 * {@code threading.Timer}, as CPython writes it: a thread whose run() waits on an Event for the interval and
 * calls the function unless the event was set (cancel sets it). No rules of its own: a thread and an event.
 */
final class PyTimer implements Timer {
    private final Strand thread;
    private final Event finished;

    PyTimer(Kernel k, String name, double interval, Runnable function) {
        this.finished = k.event(name + ".finished");
        this.thread = k.newStrand(name, k.currentDaemon(), false, () -> {
            finished.await(interval);
            if (!finished.isSet()) {
                function.run();
            }
            finished.set();
        });
    }

    @Override
    public void cancel() {
        finished.set();
    }

    @Override
    public String name() {
        return thread.name();
    }

    @Override
    public boolean daemon() {
        return thread.daemon();
    }

    @Override
    public void setDaemon(boolean value) {
        thread.setDaemon(value);
    }

    @Override
    public int id() {
        return thread.id();
    }

    @Override
    public void start() {
        thread.start();
    }

    @Override
    public void join() {
        thread.join();
    }

    @Override
    public void join(double timeoutSeconds) {
        thread.join(timeoutSeconds);
    }

    @Override
    public boolean isAlive() {
        return thread.isAlive();
    }
}
