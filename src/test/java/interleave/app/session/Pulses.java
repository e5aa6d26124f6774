package interleave.app.session;

import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drives a session as the window's pulse does, 100 ms of time a pulse, until something holds. */
final class Pulses {
    private final RunSession session;
    private long now = 1;

    Pulses(RunSession session) {
        this.session = session;
    }

    void until(BooleanSupplier done) throws InterruptedException {
        for (int pulse = 0; pulse < 20_000 && !done.getAsBoolean(); pulse++) {
            now += 100_000_000L;
            session.pulse(now);
            Thread.sleep(1);
        }
        assertTrue(done.getAsBoolean(), "not reached: " + session.status());
    }
}
