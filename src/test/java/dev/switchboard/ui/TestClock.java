package dev.switchboard.ui;

import dev.switchboard.call.ManualClock;
import java.time.Instant;

/** The window tests' clock: a manual clock starting at a fixed moment, so rendered times never vary. */
public final class TestClock extends ManualClock {

    public TestClock() {
        super(Instant.parse("2025-06-18T21:30:18Z"));
    }
}
