package dev.switchboard.call;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One caller turn that got an answer: the caller stopped speaking, the agent started answering.
 *
 * @param number         1-based among answered turns
 * @param callerItemId   the caller's conversation item (its transcript entry key)
 * @param agentItemId    the first agent item that answered (its transcript entry key), or null for a text-less answer
 * @param latency        {@code speech_stopped} → first agent delta or playback start, whichever came first
 * @param speaking       agent playback time ({@code output_audio_buffer.started} → stopped/cleared), if reported
 * @param toolTime       function call done → the follow-up response created, if a function was called
 * @param costUsd        the answer's responses priced by the call's model; empty when the price is unknown
 */
public record Turn(int number, String callerItemId, String agentItemId, Instant speechStoppedAt, List<String> responseIds,
                   Duration latency, Optional<Duration> speaking, Optional<Duration> toolTime, OptionalDouble costUsd,
                   boolean interrupted) {

    public Turn {
        responseIds = List.copyOf(responseIds);
    }
}
