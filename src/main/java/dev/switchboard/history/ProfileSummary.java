package dev.switchboard.history;

import java.time.Instant;

/** A profile in the list: its name, how many versions it has and when the latest was saved. */
public record ProfileSummary(String name, int latestVersion, Instant createdAt, Instant lastSavedAt) {
}
