package dev.switchboard.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.call.Call;
import dev.switchboard.history.CallAnalysis;
import dev.switchboard.history.CallSummary;
import dev.switchboard.history.SearchHit;
import dev.switchboard.history.StoredCall;
import dev.switchboard.monitor.Backend;
import dev.switchboard.monitor.HistoryService;
import dev.switchboard.ui.analysis.AnalysisViewModel;
import dev.switchboard.ui.main.SwitchboardViewModel;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The live window's ended-call panel shows the call's analysis; a live call shows none. */
class EndedCallAnalysisTest {

    private final FakeBackend fake = new FakeBackend(new TestClock(), false);
    private final Map<String, CallAnalysis> analyses = new ConcurrentHashMap<>();
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
            return Optional.ofNullable(analyses.get(callId));
        }

        public List<String> secretsToRedact() {
            return List.of();
        }
    };

    @Test
    void anEndedCallShowsItsAnalysisOnceStored() {
        Backend plain = fake.backend();
        Backend backend = new Backend(plain.calls(), fake, fake, fake, fake, fake, Optional.of(history),
                Optional.empty());
        SwitchboardViewModel window = new SwitchboardViewModel(backend, UiTasks.direct(), () -> { });
        window.start();
        Call call = fake.ring();
        assertEquals("", window.analysis().headlineProperty().get(), "a ringing call has no analysis panel");

        analyses.put(call.id(), CallAnalysis.failed(call.id(), "gpt-4.1-mini", "HTTP 500: server error", Instant.EPOCH));
        window.rejectSelected();
        assertEquals(AnalysisViewModel.State.FAILED, window.analysis().stateProperty().get());
        assertEquals("HTTP 500: server error", window.analysis().errorProperty().get());
        window.close();
    }
}
