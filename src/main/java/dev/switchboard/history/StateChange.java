package dev.switchboard.history;

import dev.switchboard.call.CallState;
import java.time.Instant;

/** One state a recorded call moved into, as the recorder saw it. */
public record StateChange(CallState state, String reason, Instant at) {

    public StateChange {
        reason = reason == null ? "" : reason;
    }
}
