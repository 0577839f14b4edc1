package dev.switchboard.ui.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.history.CallAnalysis;
import dev.switchboard.history.CallSummary;
import dev.switchboard.history.RubricScore;
import dev.switchboard.history.SearchHit;
import dev.switchboard.history.StoredCall;
import dev.switchboard.monitor.HistoryService;
import dev.switchboard.ui.UiTasks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The ended call's analysis without a toolkit: shown, failed with its reason, retried, waited for. */
class AnalysisViewModelTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    private final Map<String, CallAnalysis> stored = new ConcurrentHashMap<>();
    private final List<String> retried = new ArrayList<>();
    private volatile CallAnalysis nextRetry;

    private final HistoryService history = new HistoryService() {
        public List<CallSummary> listCalls(Instant from, Instant to, int limit) {
            return List.of();
        }

        public List<SearchHit> search(String query, int limit) {
            return List.of();
        }

        public Optional<StoredCall> load(String callId) {
            return Optional.empty();
        }

        public Optional<CallAnalysis> analysis(String callId) {
            return Optional.ofNullable(stored.get(callId));
        }

        public CompletableFuture<CallAnalysis> analyzeAgain(String callId) {
            retried.add(callId);
            stored.put(callId, nextRetry);
            return CompletableFuture.completedFuture(nextRetry);
        }

        public List<String> secretsToRedact() {
            return List.of();
        }
    };

    private final AnalysisViewModel model = new AnalysisViewModel(Optional.of(history), UiTasks.direct());

    private static CallAnalysis done(String id) {
        return new CallAnalysis(id, CallAnalysis.Status.DONE, "gpt-4.1-mini", "The caller wanted a refund.\nIt was started.",
                "resolved", List.of(new RubricScore("Empathy", 4, "Apologised once."),
                new RubricScore("Resolution", 5, "Refund started.")), "", AT);
    }

    @Test
    void aDoneAnalysisShowsScoreOutcomeSummaryAndEachRubricItem() {
        stored.put("rtc_1", done("rtc_1"));
        model.show("rtc_1", false);
        assertEquals(AnalysisViewModel.State.DONE, model.stateProperty().get());
        assertEquals("Score 4.5 · resolved", model.headlineProperty().get());
        assertEquals("The caller wanted a refund. It was started.", model.summaryProperty().get());
        assertEquals(List.of(new AnalysisViewModel.ScoreRow("Empathy", "4/5", "Apologised once."),
                new AnalysisViewModel.ScoreRow("Resolution", "5/5", "Refund started.")), model.scores());
        assertFalse(model.retryableProperty().get());
        assertEquals("", model.errorProperty().get());
    }

    @Test
    void aFailureShowsItsReasonAndRetryRunsTheAnalysisAgain() {
        stored.put("rtc_2", CallAnalysis.failed("rtc_2", "gpt-4.1-mini", "HTTP 429: rate limited", AT));
        model.show("rtc_2", false);
        assertEquals(AnalysisViewModel.State.FAILED, model.stateProperty().get());
        assertEquals("HTTP 429: rate limited", model.errorProperty().get());
        assertTrue(model.retryableProperty().get());

        nextRetry = done("rtc_2");
        model.retry().join();
        assertEquals(List.of("rtc_2"), retried);
        assertEquals(AnalysisViewModel.State.DONE, model.stateProperty().get());
        assertEquals("Score 4.5 · resolved", model.headlineProperty().get());
        assertFalse(model.retryableProperty().get());
    }

    @Test
    void aRetryThatFailsAgainKeepsRetryOnWithTheNewReason() {
        stored.put("rtc_3", CallAnalysis.failed("rtc_3", "", "timeout", AT));
        model.show("rtc_3", false);
        nextRetry = CallAnalysis.failed("rtc_3", "", "HTTP 401: invalid key", AT);
        model.retry().join();
        assertEquals("HTTP 401: invalid key", model.errorProperty().get());
        assertTrue(model.retryableProperty().get());
    }

    @Test
    void aJustEndedCallWaitsForItsAnalysis() {
        model.show("rtc_4", true);
        assertEquals(AnalysisViewModel.State.WAITING, model.stateProperty().get());
        assertEquals("Waiting for the analysis…", model.headlineProperty().get());
        stored.put("rtc_4", done("rtc_4"));
        model.refresh().join();
        assertEquals(AnalysisViewModel.State.DONE, model.stateProperty().get());
    }

    @Test
    void aCallWithoutAnalysisSaysSoAndClearHidesThePanel() {
        model.show("rtc_5", false);
        assertEquals(AnalysisViewModel.State.NONE, model.stateProperty().get());
        assertEquals("No analysis for this call.", model.headlineProperty().get());
        model.clear();
        assertEquals("", model.headlineProperty().get(), "an empty headline hides the panel");
    }

    @Test
    void withoutAHistoryNothingIsShown() {
        AnalysisViewModel none = new AnalysisViewModel(Optional.empty(), UiTasks.direct());
        assertFalse(none.isAvailable());
        none.show("rtc_1", true);
        assertEquals("", none.headlineProperty().get());
    }
}
