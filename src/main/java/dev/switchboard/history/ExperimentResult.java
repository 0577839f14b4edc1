package dev.switchboard.history;

import java.util.List;

/** An experiment's arms summarised, with the verdict on the first two arms in plain words. */
public record ExperimentResult(ExperimentInfo experiment, List<ArmStats> arms, String verdict) {

    public ExperimentResult {
        arms = List.copyOf(arms);
    }
}
