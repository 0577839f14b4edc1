package dev.switchboard.history;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A stored prompt experiment: its arms in the order given (the first one takes the first call) and the seed of
 * its weighted choice.
 *
 * @param stopped when it was stopped; null while it runs
 */
public record ExperimentInfo(long id, String name, List<ExperimentArm> arms, long seed, Instant started,
                             Instant stopped) {

    public ExperimentInfo {
        arms = List.copyOf(arms);
    }

    public Optional<Instant> stoppedAt() {
        return Optional.ofNullable(stopped);
    }

    /** "A/B: Support v2 vs Support v3". */
    public String describe() {
        return name + ": " + String.join(" vs ", arms.stream().map(a -> a.profile().describe()).toList());
    }
}
