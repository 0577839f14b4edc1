package dev.switchboard.call;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A call's answer times and cost so far. Percentiles are nearest-rank over the answered turns; all empty with no turns.
 *
 * @param greetingLatency accept answered → first agent delta of the greeting (a first response not answering the caller)
 * @param costUsd         every {@code response.done} so far, cancelled ones included; empty when the model has no price
 */
public record TurnStats(int turns, Optional<Duration> greetingLatency, Optional<Duration> p50, Optional<Duration> p95,
                        Optional<Duration> max, int interruptions, int responses, OptionalDouble costUsd) {
}
