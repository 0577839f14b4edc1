package dev.switchboard.history;

import java.util.List;

/**
 * One arm's (or one profile version's) calls summarised. Latencies in ms and costs in USD are -1 when no call had
 * them; {@code meanScore} is -1 with no analysed call.
 *
 * @param callIds the calls, in arrival order
 */
public record ArmStats(ProfileRef profile, List<String> callIds, long greetingP50Ms, long turnP50Ms,
                       double interruptionsPerCall, double costPerCallUsd, int toolErrors, int transferred,
                       int hungUp, int analysed, double meanScore) {

    public ArmStats {
        callIds = List.copyOf(callIds);
    }

    public int calls() {
        return callIds.size();
    }
}
