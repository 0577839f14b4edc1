package dev.switchboard.call;

import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;

/**
 * When the watchdogs of a call fire. A zero duration or count turns that watchdog off.
 *
 * @param silence          nobody spoke for this long on a live call
 * @param toolCallsPerMinute the same tool called more than this many times within a minute
 * @param sessionWarning   the session has run this long (OpenAI ends a realtime session at 60 minutes)
 * @param noCallerSpeech   accepted, and the caller has not spoken this long after
 * @param costCapUsd       the call's cost passed this (empty: no cap)
 * @param rules            transcript rules (global and the profile's)
 */
public record WatchdogLimits(Duration silence, int toolCallsPerMinute, Duration sessionWarning, Duration noCallerSpeech,
                             OptionalDouble costCapUsd, List<AlertRule> rules) {

    /** OpenAI's limit on one realtime session. */
    public static final Duration SESSION_LIMIT = Duration.ofMinutes(60);

    public static final WatchdogLimits DEFAULTS = new WatchdogLimits(Duration.ofSeconds(20), 5,
            Duration.ofMinutes(55), Duration.ofSeconds(15), OptionalDouble.empty(), List.of());

    public WatchdogLimits {
        rules = List.copyOf(rules);
    }

    public WatchdogLimits withCostCap(OptionalDouble capUsd) {
        return new WatchdogLimits(silence, toolCallsPerMinute, sessionWarning, noCallerSpeech, capUsd, rules);
    }

    /** These rules and {@code more} (a profile's on top of the global ones), without duplicates. */
    public WatchdogLimits withRules(List<AlertRule> more) {
        java.util.LinkedHashSet<AlertRule> all = new java.util.LinkedHashSet<>(rules);
        all.addAll(more);
        return new WatchdogLimits(silence, toolCallsPerMinute, sessionWarning, noCallerSpeech, costCapUsd,
                List.copyOf(all));
    }
}
