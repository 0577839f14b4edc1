package dev.switchboard.monitor;

import dev.switchboard.history.CallAnalysis;
import dev.switchboard.history.CallMetrics;
import dev.switchboard.history.CallNumbers;
import dev.switchboard.history.CallSummary;
import dev.switchboard.history.SearchHit;
import dev.switchboard.history.StoredCall;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The call history as the UI sees it: list, search and open stored calls. Methods block on storage, so views
 * call them through their background-task seam, never on the FX thread.
 */
public interface HistoryService {

    /** Calls that started in {@code [from, to)} (either may be null), newest first, at most {@code limit} (0: all). */
    List<CallSummary> listCalls(Instant from, Instant to, int limit);

    /** Full-text search over what was said, newest first. */
    List<SearchHit> search(String query, int limit);

    Optional<StoredCall> load(String callId);

    /**
     * A stored call's numbers for experiment statistics, rebuilt from its raw events (so every stored call has
     * them); {@link CallNumbers#UNKNOWN} when the call is not stored.
     */
    default CallNumbers numbers(String callId) {
        return CallNumbers.UNKNOWN;
    }

    /** The post-call analysis of a stored call, if it has one. */
    default Optional<CallAnalysis> analysis(String callId) {
        return Optional.empty();
    }

    /**
     * Runs the post-call analysis of a stored call again (after a failure); completes with the new analysis, a
     * failed one carrying the reason. Fails at once when this monitor cannot analyse calls.
     */
    default CompletableFuture<CallAnalysis> analyzeAgain(String callId) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("post-call analysis is not available here"));
    }

    /** Strings no export may contain (the configured API key and webhook secret). Never shown on screen. */
    List<String> secretsToRedact();

    /** Latency, cost and health kept for a call; empty for calls from before they were kept. */
    default Optional<CallMetrics> metrics(String callId) {
        return Optional.empty();
    }
}
