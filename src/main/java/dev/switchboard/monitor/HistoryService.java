package dev.switchboard.monitor;

import dev.switchboard.history.CallAnalysis;
import dev.switchboard.history.CallMetrics;
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
     * A stored call's metrics, rebuilt from its raw events; {@link CallMetrics#UNKNOWN} when the call is not
     * stored.
     */
    default CallMetrics metrics(String callId) {
        return CallMetrics.UNKNOWN;
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
}
