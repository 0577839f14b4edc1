package dev.switchboard.call;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What the monitor knows about one agent transcript entry beyond its text (keyed like the entry, by item id):
 * how its response ended, whether the caller cut it off and what they heard, and the latency badge.
 *
 * @param status       {@code response.done} status (completed, cancelled, failed, incomplete); empty while in progress
 * @param statusReason {@code status_details.reason} or its error's code/type, when given
 * @param audioEndMs   from {@code conversation.item.truncated}; empty when interrupted without it (then all counts as heard)
 * @param latency      the turn latency (or greeting latency) when this entry is the first words of that answer
 */
public record AgentReply(String itemId, String responseId, Optional<String> status, Optional<String> statusReason,
                         boolean interrupted, OptionalLong audioEndMs, String heard, String unheard,
                         Optional<Duration> latency, boolean greeting, OptionalDouble responseCostUsd) {

    /** True once the response ended any other way than completed. */
    public boolean endedAbnormally() {
        return status.isPresent() && !"completed".equals(status.get());
    }
}
