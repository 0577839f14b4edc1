package dev.switchboard.history;

import java.time.Instant;

/** Which arm a call of an experiment got, in arrival order. */
public record ExperimentCall(String callId, int arm, ProfileRef profile, Instant at) {
}
