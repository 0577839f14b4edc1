package dev.switchboard.monitor;

import dev.switchboard.history.ArmStats;
import dev.switchboard.history.ExperimentInfo;
import dev.switchboard.history.ExperimentResult;
import dev.switchboard.history.ProfileVersion;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Prompt experiments and per-version outcomes, for the experiment view and the profiles editor. Blocking. */
public interface ExperimentService {

    /** Every experiment, newest first. */
    List<ExperimentInfo> experiments();

    /** The running one, if any. */
    Optional<ExperimentInfo> running();

    /** Starts (replacing a running one) with the latest versions of these saved profiles, equal weights. */
    ExperimentInfo start(String name, List<String> profileNames, List<Double> weights);

    void stop();

    ExperimentResult result(long experimentId);

    /** The calls and metrics of every version of a profile, by version number. */
    Map<Integer, ArmStats> versionStats(String profileName);

    /**
     * The profile version the running experiment gave this call on arrival: the accept panel's default for it.
     * Empty when no experiment gave it one.
     */
    default Optional<ProfileVersion> armFor(String callId) {
        return Optional.empty();
    }

    /**
     * The experiment as one self-contained HTML page (no script, no external URL, no key); numbers masked with
     * {@code presenter}. Fails with a plain-words reason when there is no such experiment.
     */
    default String reportHtml(long experimentId, boolean presenter) {
        throw new UnsupportedOperationException("experiment reports are not available here");
    }
}
