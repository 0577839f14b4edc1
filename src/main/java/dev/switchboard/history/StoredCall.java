package dev.switchboard.history;

import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.CallState;
import dev.switchboard.call.Milestone;
import dev.switchboard.call.RawEvent;
import dev.switchboard.call.SipAddress;
import dev.switchboard.call.SipHeader;
import dev.switchboard.call.TokenUsage;
import dev.switchboard.call.TranscriptEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything kept about one call, as it was live: what {@link dev.switchboard.call.Call} showed, plus the state
 * changes the recorder saw. Immutable.
 *
 * @param createdAt  when the webhook arrived (the call's {@code createdAt})
 * @param settings   the accept settings, null when never accepted
 * @param profile    the profile version it was accepted with, null when none
 * @param transcript entries in the order the live transcript showed them
 */
public record StoredCall(String id, List<SipHeader> sipHeaders, Instant createdAt, CallState state, String stateReason,
                         String lastActionResult, AcceptSettings settings, ProfileRef profile,
                         Map<Milestone, Instant> timeline, List<TranscriptEntry> transcript,
                         List<StateChange> stateChanges, List<RawEvent> events, List<TokenUsage> usage) {

    public StoredCall {
        sipHeaders = List.copyOf(sipHeaders);
        stateReason = stateReason == null ? "" : stateReason;
        lastActionResult = lastActionResult == null ? "" : lastActionResult;
        EnumMap<Milestone, Instant> copy = new EnumMap<>(Milestone.class);
        copy.putAll(timeline);
        timeline = Collections.unmodifiableMap(copy);
        transcript = List.copyOf(transcript);
        stateChanges = List.copyOf(stateChanges);
        events = List.copyOf(events);
        usage = List.copyOf(usage);
    }

    public SipAddress caller() {
        return SipAddress.parse(header("From").orElse(null));
    }

    public SipAddress callee() {
        return SipAddress.parse(header("To").orElse(null));
    }

    public Optional<String> header(String name) {
        return sipHeaders.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(SipHeader::value).findFirst();
    }

    public Optional<AcceptSettings> acceptSettings() {
        return Optional.ofNullable(settings);
    }

    public Optional<ProfileRef> profileRef() {
        return Optional.ofNullable(profile);
    }

    public Optional<Instant> endedAt() {
        return Optional.ofNullable(timeline.get(Milestone.ENDED));
    }

    /** Answered-to-ended like {@link dev.switchboard.call.Call#duration()}; zero if never answered or not ended. */
    public Duration duration() {
        Instant start = timeline.get(Milestone.ACCEPT_ANSWERED);
        Instant end = timeline.get(Milestone.ENDED);
        return start == null || end == null ? Duration.ZERO : Duration.between(start, end);
    }

    public TokenUsage totalUsage() {
        TokenUsage total = TokenUsage.ZERO;
        for (TokenUsage u : usage) {
            total = total.plus(u);
        }
        return total;
    }

    /** "Ended — caller hung up", "Missed", … */
    public String outcome() {
        return stateReason.isEmpty() ? state.label() : state.label() + " — " + stateReason;
    }
}
