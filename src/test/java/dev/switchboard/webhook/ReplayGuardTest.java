package dev.switchboard.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.call.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReplayGuardTest {

    private final ManualClock clock = new ManualClock(Instant.ofEpochSecond(1_750_000_000L));

    @Test
    void repeatsWithinTheWindowAreRefused() {
        ReplayGuard guard = new ReplayGuard(clock, Duration.ofMinutes(10), 100);
        assertTrue(guard.firstSighting("a"));
        clock.advance(Duration.ofMinutes(9));
        assertFalse(guard.firstSighting("a"));
    }

    @Test
    void oldIdsAreEvicted() {
        ReplayGuard guard = new ReplayGuard(clock, Duration.ofMinutes(10), 100);
        guard.firstSighting("a");
        guard.firstSighting("b");
        clock.advance(Duration.ofMinutes(11));
        assertTrue(guard.firstSighting("c"));
        assertEquals(1, guard.size(), "a and b expired");
    }

    @Test
    void memoryIsBoundedByForgettingTheOldest() {
        ReplayGuard guard = new ReplayGuard(clock, Duration.ofMinutes(10), 3);
        for (String id : new String[] {"a", "b", "c", "d"}) {
            assertTrue(guard.firstSighting(id));
        }
        assertEquals(3, guard.size());
        assertFalse(guard.firstSighting("d"));
        assertTrue(guard.firstSighting("a"), "the oldest id was dropped to stay within the bound");
    }
}
