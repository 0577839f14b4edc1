package dev.switchboard.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers recently seen webhook ids so a redelivered (or replayed) webhook is acknowledged but handled
 * once. Memory is bounded twice: ids older than the window are dropped, and beyond {@code maxIds} the
 * oldest go first (a flood cannot grow the map; the signature's 5-minute tolerance limits replays anyway).
 */
final class ReplayGuard {

    private final Clock clock;
    private final Duration window;
    private final int maxIds;
    // Insertion order is arrival order, so the oldest ids are always at the head.
    private final LinkedHashMap<String, Instant> seen = new LinkedHashMap<>();

    ReplayGuard(Clock clock, Duration window, int maxIds) {
        if (maxIds < 1) {
            throw new IllegalArgumentException("maxIds must be positive");
        }
        this.clock = clock;
        this.window = window;
        this.maxIds = maxIds;
    }

    /** @return true the first time an id is seen within the window, false for a repeat */
    synchronized boolean firstSighting(String webhookId) {
        Instant now = clock.instant();
        evictOlderThan(now.minus(window));
        Instant previous = seen.get(webhookId);
        if (previous != null) {
            return false;
        }
        seen.put(webhookId, now);
        while (seen.size() > maxIds) {
            Iterator<String> oldest = seen.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }

    /** Un-sees an id whose handling failed before it was acknowledged, so a redelivery is handled. */
    synchronized void forget(String webhookId) {
        seen.remove(webhookId);
    }

    synchronized int size() {
        return seen.size();
    }

    private void evictOlderThan(Instant cutoff) {
        Iterator<Map.Entry<String, Instant>> entries = seen.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<String, Instant> entry = entries.next();
            // Stop at the first recent id; a clock stepping backwards only delays eviction, never loses ids.
            if (!entry.getValue().isBefore(cutoff)) {
                return;
            }
            entries.remove();
        }
    }
}
