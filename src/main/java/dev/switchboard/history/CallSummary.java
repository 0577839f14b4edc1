package dev.switchboard.history;

import dev.switchboard.call.CallState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One row of the history list.
 *
 * @param endedAt  null while the call is (or was, when the app stopped) still going
 * @param duration answered-to-ended, zero when never answered
 * @param profile  the profile version it was accepted with, or null
 */
public record CallSummary(String id, String callerName, String callerNumber, String calleeNumber, Instant startedAt,
                          Instant endedAt, Duration duration, CallState state, String reason, ProfileRef profile,
                          int utterances) {

    public Optional<ProfileRef> profileRef() {
        return Optional.ofNullable(profile);
    }

    /** "Ended — caller hung up", "Missed", … */
    public String outcome() {
        return reason == null || reason.isEmpty() ? state.label() : state.label() + " — " + reason;
    }
}
