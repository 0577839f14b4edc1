package dev.switchboard.history;

/** One arm of a prompt experiment: a profile version and its share of the calls (any positive weight). */
public record ExperimentArm(ProfileRef profile, double weight) {

    public ExperimentArm {
        if (profile == null) {
            throw new IllegalArgumentException("an arm needs a profile version");
        }
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("an arm's weight must be a positive number, was " + weight);
        }
    }
}
