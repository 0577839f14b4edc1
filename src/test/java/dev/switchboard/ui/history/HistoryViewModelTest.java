package dev.switchboard.ui.history;

import dev.switchboard.monitor.StoredHistory;
import dev.switchboard.ui.replay.ReplayWindow;

import dev.switchboard.ui.UiTasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.call.Speaker;
import dev.switchboard.history.Exporter;
import dev.switchboard.store.HistoryStore;
import dev.switchboard.ui.PresenterMode;
import dev.switchboard.history.Replayer;
import dev.switchboard.history.HistoryJson;
import dev.switchboard.history.StoredCall;
import dev.switchboard.ui.replay.ReplayViewModel;
import dev.switchboard.ui.UiDispatcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history and replay view models on a real store, without the toolkit. */
class HistoryViewModelTest {

    @TempDir
    Path dir;

    private HistoryStore store;
    private HistoryViewModel model;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @BeforeEach
    void setUp() {
        store = HistoryStore.open(dir.resolve("switchboard.db"));
        HistoryFixtures.recordTwoCalls(store);
        model = new HistoryViewModel(new StoredHistory(store, List::of), UiTasks.direct(), new Replayer(scheduler),
                () -> List.of(HistoryFixtures.SECRET), ZoneOffset.UTC, Debouncer.immediate());
        model.refresh().join();
    }

    @AfterEach
    void tearDown() {
        scheduler.shutdownNow();
        store.close();
    }

    @Test
    void listsPastCallsNewestFirstWithTheirProfile() {
        assertEquals(List.of("rtc_marcus", "rtc_dana"), model.calls().stream().map(HistoryViewModel.CallRow::id).toList());
        HistoryViewModel.CallRow dana = model.calls().get(1);
        assertEquals("Dana Whitfield  +15551230001", dana.caller());
        assertEquals("Support EN v1", dana.profile());
        assertEquals("Ended — caller hung up", dana.outcome());
        assertEquals("2025-06-18 21:30", dana.date());
        assertEquals("00:14", dana.duration());
        assertEquals("—", model.calls().get(0).profile());
    }

    @Test
    void presenterModeMasksCallerNumbersInTheListAndTheHits() {
        PresenterMode presenter = new PresenterMode();
        model.usePresenterMode(presenter);
        presenter.setActive(true);
        assertEquals("Dana Whitfield  •••••••0001", model.calls().get(1).caller());
        model.queryProperty().set("refund");
        assertTrue(model.hits().stream().noneMatch(h -> h.meta().contains("5551230001")), model.hits().toString());

        presenter.setActive(false);
        assertEquals("Dana Whitfield  +15551230001", model.calls().get(1).caller());
    }

    @Test
    void theDateRangeFiltersTheList() {
        model.fromProperty().set(LocalDate.of(2025, 6, 19));
        assertEquals(List.of("rtc_marcus"), model.calls().stream().map(HistoryViewModel.CallRow::id).toList());
        model.fromProperty().set(null);
        model.toProperty().set(LocalDate.of(2025, 6, 18));
        assertEquals(List.of("rtc_dana"), model.calls().stream().map(HistoryViewModel.CallRow::id).toList());
    }

    @Test
    void typingSearchesAndHitsCarryHighlightedSegments() {
        model.queryProperty().set("refund");
        assertTrue(model.searchingProperty().get());
        assertEquals(2, model.hits().size(), "caller and agent both said refund");
        HistoryViewModel.HitRow hit = model.hits().stream()
                .filter(h -> h.hit().speaker() == Speaker.CALLER).findFirst().orElseThrow();
        assertEquals("rtc_dana", hit.callId());
        assertEquals(List.of(new Highlight.Segment("Hi, I want a ", false), new Highlight.Segment("refund", true),
                new Highlight.Segment(" for order 4471, the desk arrived broken.", false)), hit.segments());
        assertTrue(hit.meta().contains("caller"), hit.meta());

        model.queryProperty().set("  ");
        assertFalse(model.searchingProperty().get());
        assertTrue(model.hits().isEmpty());
    }

    @Test
    void aDebouncedSearchRunsOnlyTheLastQuery() {
        List<Runnable> waiting = new ArrayList<>();
        HistoryViewModel debounced = new HistoryViewModel(new StoredHistory(store, List::of), UiTasks.direct(), new Replayer(scheduler),
                List::of, ZoneOffset.UTC, task -> {
                    waiting.clear();
                    waiting.add(task);
                });
        debounced.queryProperty().set("inv");
        debounced.queryProperty().set("invoice");
        assertTrue(debounced.hits().isEmpty(), "nothing searched while typing");
        assertEquals(1, waiting.size());
        waiting.get(0).run();
        assertEquals(2, debounced.hits().size(), "the caller and the agent said invoice");
        assertTrue(debounced.hits().stream().allMatch(h -> h.callId().equals("rtc_marcus")));
    }

    @Test
    void openingACallShowsItsTranscriptAndInspectorAsLive() {
        model.open("rtc_dana").join();
        StoredCall opened = model.opened();
        assertEquals("rtc_dana", opened.id());
        assertEquals(List.of("Hello, this is Switchboard support.",
                "Hi, I want a refund for order 4471, the desk arrived broken.",
                "I'm sorry to hear that. I've started the refund for order 4471."), utterances(model.transcript()));
        assertFalse(model.inspector().timeline().isEmpty());
        assertEquals(1, model.inspector().filteredEvents().size());
        assertEquals(2, model.inspector().usage().size(), "one response and the total");
    }

    @Test
    void theOpenedCallShowsItsStoredAnalysis() {
        store.analyses().save(new dev.switchboard.history.CallAnalysis("rtc_dana",
                dev.switchboard.history.CallAnalysis.Status.DONE, "gpt-4.1-mini", "Dana got a refund.", "resolved",
                List.of(new dev.switchboard.history.RubricScore("Empathy", 4, "Kind.")), "", java.time.Instant.EPOCH));
        model.open("rtc_dana").join();
        assertEquals("Score 4.0 · resolved", model.analysis().headlineProperty().get());
        assertEquals("Dana got a refund.", model.analysis().summaryProperty().get());
        assertEquals(1, model.analysis().scores().size());
    }

    @Test
    void exportsCarryTheAnalysis() throws Exception {
        store.analyses().save(new dev.switchboard.history.CallAnalysis("rtc_dana",
                dev.switchboard.history.CallAnalysis.Status.DONE, "gpt-4.1-mini", "Dana got a refund.", "resolved",
                List.of(new dev.switchboard.history.RubricScore("Empathy", 4, "Kind.")), "", java.time.Instant.EPOCH));
        model.open("rtc_dana").join();
        String json = java.nio.file.Files.readString(model.exportJson(dir.resolve("dana.json")).join());
        assertTrue(json.contains("\"summary\" : \"Dana got a refund.\""), json);
        String md = java.nio.file.Files.readString(model.exportMarkdown(dir.resolve("dana.md")).join());
        assertTrue(md.contains("## Analysis"), md);
        String csv = java.nio.file.Files.readString(model.exportCsv(dir.resolve("calls.csv")).join());
        assertTrue(csv.contains(",done,4.0,resolved,Dana got a refund."), csv);
    }

    private static List<String> utterances(dev.switchboard.ui.transcript.TranscriptViewModel transcript) {
        return transcript.lines().stream().filter(l -> l.isUtterance()).map(l -> l.text()).toList();
    }

    @Nested
    class Exports {

        @Test
        void markdownAndJsonMatchTheExporterWithTheKeyRedacted() throws Exception {
            model.open("rtc_marcus").join();
            Path md = model.exportMarkdown(dir.resolve("call.md")).join();
            Path json = model.exportJson(dir.resolve("call.json")).join();
            Exporter exporter = new Exporter(new Exporter.Options(false, List.of(HistoryFixtures.SECRET), ZoneOffset.UTC));
            StoredCall stored = store.load("rtc_marcus").orElseThrow();
            assertEquals(exporter.markdown(stored), Files.readString(md));
            assertEquals(exporter.json(stored), Files.readString(json));
            assertFalse(Files.readString(md).contains(HistoryFixtures.SECRET));
            assertTrue(Files.readString(md).contains("\\[redacted\\]"), "the marker, escaped as Markdown text");
            assertEquals("Exported the call as JSON to call.json.", model.statusProperty().get());
        }

        @Test
        void maskingHidesCallerNumbers() throws Exception {
            model.maskCallerNumbersProperty().set(true);
            model.open("rtc_dana").join();
            String md = Files.readString(model.exportMarkdown(dir.resolve("masked.md")).join());
            assertFalse(md.contains("+15551230001"));
            assertTrue(md.contains(Exporter.maskNumber("+15551230001")));
        }

        @Test
        void csvCoversTheDateRange() throws Exception {
            model.fromProperty().set(LocalDate.of(2025, 6, 18));
            model.toProperty().set(LocalDate.of(2025, 6, 18));
            String csv = Files.readString(model.exportCsv(dir.resolve("calls.csv")).join());
            Exporter exporter = new Exporter(new Exporter.Options(false, List.of(HistoryFixtures.SECRET), ZoneOffset.UTC));
            assertEquals(exporter.csv(store.listCalls(null, null, 0).stream()
                    .filter(c -> c.id().equals("rtc_dana")).toList()), csv);
            assertTrue(csv.contains("rtc_dana"));
            assertFalse(csv.contains("rtc_marcus"));
        }

        @Test
        void exportWithoutAnOpenCallSaysSo() {
            assertTrue(model.exportMarkdown(dir.resolve("none.md")).isCompletedExceptionally());
            assertEquals("Open a call to export it.", model.statusProperty().get());
        }
    }

    @Nested
    class Replay {

        @Test
        void instantReplayFillsTheTranscriptAtOnce() {
            StoredCall stored = store.load("rtc_dana").orElseThrow();
            ReplayViewModel replay = new ReplayViewModel(stored, new Replayer(scheduler), UiDispatcher.immediate());
            replay.speedProperty().set(Replayer.INSTANT);
            replay.play();
            assertEquals(3, utterances(replay.transcript()).size());
            assertEquals(stored.transcript().size(), replay.transcript().lines().size(), "markers too");
            assertFalse(replay.playingProperty().get());
            assertEquals("Replay finished.", replay.statusProperty().get());
        }

        @Test
        void anExportedJsonReplaysAndStopCancels() throws Exception {
            model.open("rtc_dana").join();
            Path json = model.exportJson(dir.resolve("dana.json")).join();
            StoredCall read = ReplayWindow.readRecording(json);
            assertEquals(HistoryJson.readCall(Files.readString(json)).id(), read.id());
            ReplayViewModel replay = new ReplayViewModel(read, new Replayer(scheduler), UiDispatcher.immediate());
            replay.speedProperty().set(Replayer.REALTIME);
            replay.play();
            assertTrue(replay.playingProperty().get(), "real time takes a while");
            assertNotNull(replay.call());
            replay.close();
            assertTrue(replay.call() == null);
            assertEquals("Stopped.", replay.statusProperty().get());
        }
    }
}
