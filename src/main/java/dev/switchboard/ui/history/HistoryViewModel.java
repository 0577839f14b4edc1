package dev.switchboard.ui.history;

import dev.switchboard.ui.UiTasks;

import dev.switchboard.call.Call;
import dev.switchboard.history.CallSummary;
import dev.switchboard.history.CallMetrics;
import dev.switchboard.history.Exporter;
import dev.switchboard.history.SearchQuery;
import dev.switchboard.monitor.HistoryService;
import dev.switchboard.history.ProfileRef;
import dev.switchboard.history.Replayer;
import dev.switchboard.history.SearchHit;
import dev.switchboard.history.StoredCall;
import dev.switchboard.ui.Formats;
import dev.switchboard.ui.inspector.InspectorViewModel;
import dev.switchboard.ui.PresenterMode;
import dev.switchboard.ui.transcript.TranscriptViewModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The history window's state: past calls in a date range, full-text search hits, the opened call (rebuilt with
 * the {@link Replayer} at instant speed so the live transcript and inspector views show it as it was), and exports.
 * Every store call runs through {@link UiTasks}; the properties change on the UI thread only.
 */
public final class HistoryViewModel {

    public static final int LIST_LIMIT = 1_000;
    public static final int SEARCH_LIMIT = 200;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** One row of the calls table, formatted for display. */
    public record CallRow(CallSummary summary, String date, String caller, String duration, String outcome,
                          String profile) {

        static CallRow of(CallSummary s, ZoneId zone, PresenterMode presenter) {
            String number = presenter.number(nullToEmpty(s.callerNumber()));
            String caller = s.callerName() == null || s.callerName().isBlank() ? number
                    : s.callerName() + (number.isBlank() ? "" : "  " + number);
            return new CallRow(s, DATE.format(s.startedAt().atZone(zone)), caller,
                    s.duration().isZero() ? "—" : Formats.clock(s.duration()), s.outcome(),
                    s.profileRef().map(ProfileRef::describe).orElse("—"));
        }

        public String id() {
            return summary.id();
        }
    }

    /** One search hit: who said it in which call, and the snippet in plain and highlighted pieces. */
    public record HitRow(SearchHit hit, String meta, List<Highlight.Segment> segments) {

        static HitRow of(SearchHit h, ZoneId zone, PresenterMode presenter) {
            String who = h.speaker() == null ? "Unknown" : h.speaker().label();
            String meta = DATE.format(h.callStartedAt().atZone(zone)) + "  ·  " + presenter.number(nullToEmpty(h.callerNumber()))
                    + "  ·  " + who + " at " + Formats.sinceStart(h.callStartedAt(), h.at());
            return new HitRow(h, meta, Highlight.segments(h.snippet()));
        }

        public String callId() {
            return hit.callId();
        }
    }

    private final HistoryService store;
    private final UiTasks tasks;
    private final Replayer replayer;
    private final Supplier<List<String>> secrets;
    private final ZoneId zone;
    private final Debouncer debouncer;

    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>(this, "from");
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>(this, "to");
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObservableList<CallRow> calls = FXCollections.observableArrayList();
    private final ObservableList<HitRow> hits = FXCollections.observableArrayList();
    private final BooleanProperty searching = new SimpleBooleanProperty(this, "searching");
    private final BooleanProperty maskCallerNumbers = new SimpleBooleanProperty(this, "maskCallerNumbers");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final ObjectProperty<StoredCall> opened = new SimpleObjectProperty<>(this, "opened");
    private final TranscriptViewModel transcript = new TranscriptViewModel();
    private final InspectorViewModel inspector = new InspectorViewModel();
    private final dev.switchboard.ui.analysis.AnalysisViewModel analysis;
    private final AtomicLong searchGeneration = new AtomicLong();
    private final AtomicLong listGeneration = new AtomicLong();
    private final AtomicLong openGeneration = new AtomicLong();
    private PresenterMode presenter = new PresenterMode();

    /**
     * @param secrets   what every export must scrub (the backend's key and secret)
     * @param debouncer delays the search while the person types (tests pass {@link Debouncer#immediate()})
     */
    public HistoryViewModel(HistoryService store, UiTasks tasks, Replayer replayer, Supplier<List<String>> secrets,
                            ZoneId zone, Debouncer debouncer) {
        this.store = store;
        this.tasks = tasks;
        this.replayer = replayer;
        this.secrets = secrets;
        this.zone = zone;
        this.debouncer = debouncer;
        this.analysis = new dev.switchboard.ui.analysis.AnalysisViewModel(java.util.Optional.of(store), tasks);
        from.addListener(o -> refresh());
        to.addListener(o -> refresh());
        query.addListener((obs, old, text) -> {
            searching.set(!SearchQuery.fts(text).isEmpty());
            debouncer.submit(() -> tasks.dispatcher().run(this::searchNow));
        });
    }

    /** Follows the main window's presenter mode: caller numbers in the list and the hits are masked while it is on. */
    public void usePresenterMode(PresenterMode mode) {
        presenter = mode;
        mode.activeProperty().addListener(o -> {
            refresh();
            searchNow();
        });
    }

    // ---- list and search ----

    /** Reloads the calls in the date range. */
    public CompletableFuture<List<CallSummary>> refresh() {
        long generation = listGeneration.incrementAndGet();
        Instant start = from.get() == null ? null : from.get().atStartOfDay(zone).toInstant();
        Instant end = to.get() == null ? null : to.get().plusDays(1).atStartOfDay(zone).toInstant();
        return tasks.run(() -> store.listCalls(start, end, LIST_LIMIT), list -> {
            if (generation == listGeneration.get()) {
                calls.setAll(list.stream().map(s -> CallRow.of(s, zone, presenter)).toList());
                status.set(list.isEmpty() ? "No calls in this range." : list.size() + (list.size() == LIST_LIMIT
                        ? "+ calls (newest shown)" : list.size() == 1 ? " call" : " calls"));
            }
        }, this::fail);
    }

    /** Searches for the current query at once (typing goes through the debouncer). Blank clears the hits. */
    public CompletableFuture<List<SearchHit>> searchNow() {
        long generation = searchGeneration.incrementAndGet();
        String text = query.get();
        if (SearchQuery.fts(text).isEmpty()) {
            hits.clear();
            return CompletableFuture.completedFuture(List.of());
        }
        return tasks.run(() -> store.search(text, SEARCH_LIMIT), found -> {
            // a slower, older search never overwrites a newer one's hits
            if (generation == searchGeneration.get()) {
                hits.setAll(found.stream().map(h -> HitRow.of(h, zone, presenter)).toList());
                status.set(found.isEmpty() ? "Nothing matches “" + text.strip() + "”."
                        : found.size() + (found.size() == 1 ? " match" : " matches") + " for “" + text.strip() + "”.");
            }
        }, this::fail);
    }

    // ---- the opened call ----

    /** Loads a stored call and shows it in the transcript and inspector, as it was live. */
    public CompletableFuture<StoredCall> open(String callId) {
        long generation = openGeneration.incrementAndGet();
        return tasks.run(() -> store.load(callId).orElseThrow(() ->
                new IllegalStateException("The call " + callId + " is no longer in the history.")), stored -> {
            if (generation == openGeneration.get()) {
                show(stored);
            }
        }, this::fail);
    }

    private void show(StoredCall stored) {
        openedMetrics.set("");
        tasks.run(() -> store.metrics(stored.id()), m -> {
            if (opened.get() == stored) {
                openedMetrics.set(m.map(HistoryViewModel::describe).orElse(""));
            }
        }, e -> openedMetrics.set(""));
        Call call = replayer.play(stored, Replayer.INSTANT).call();
        opened.set(stored);
        transcript.show(call);
        inspector.show(call);
        analysis.show(stored.id(), false);
    }

    private final javafx.beans.property.StringProperty openedMetrics =
            new javafx.beans.property.SimpleStringProperty(this, "openedMetrics", "");

    /** The opened call's stored latency and cost, one line ("observed here"); empty for calls from before. */
    public javafx.beans.property.ReadOnlyStringProperty openedMetricsProperty() {
        return openedMetrics;
    }

    static String describe(CallMetrics m) {
        return m.turns() + " turns · greeting " + ms(m.greetingMs()) + " · p50 " + ms(m.p50Ms()) + " · p95 "
                + ms(m.p95Ms()) + " · max " + ms(m.maxMs()) + " · " + m.interruptions() + " interruptions · cost "
                + (m.costUsd() == null ? "unknown" : String.format(java.util.Locale.ROOT, "$%.4f", m.costUsd()))
                + (m.alerts() > 0 ? " · " + m.alerts() + " alerts" : "") + " (observed here)";
    }

    private static String ms(Long value) {
        return value == null ? "—" : value + " ms";
    }

    // ---- exports ----

    private Exporter exporter() {
        return new Exporter(new Exporter.Options(maskCallerNumbers.get(), secrets.get(), zone));
    }

    /** The opened call as Markdown into {@code file}. */
    public CompletableFuture<Path> exportMarkdown(Path file) {
        return exportOpened(file, (e, c) -> e.markdown(c, store.metrics(c.id()).orElse(null),
                store.analysis(c.id()).orElse(null)), "Markdown");
    }

    /** The opened call as JSON (everything; "Open recording…" replays it) into {@code file}. */
    public CompletableFuture<Path> exportJson(Path file) {
        return exportOpened(file, (e, c) -> e.json(c, store.metrics(c.id()).orElse(null),
                store.analysis(c.id()).orElse(null)), "JSON");
    }

    private CompletableFuture<Path> exportOpened(Path file, java.util.function.BiFunction<Exporter, StoredCall, String> format,
                                                 String what) {
        StoredCall call = opened.get();
        if (call == null) {
            status.set("Open a call to export it.");
            return CompletableFuture.failedFuture(new IllegalStateException("no call is open"));
        }
        Exporter exporter = exporter();
        return write(file, () -> format.apply(exporter, call), "Exported the call as " + what + " to ");
    }

    /** The calls of the date range as a CSV summary into {@code file}. */
    public CompletableFuture<Path> exportCsv(Path file) {
        Exporter exporter = exporter();
        Instant start = from.get() == null ? null : from.get().atStartOfDay(zone).toInstant();
        Instant end = to.get() == null ? null : to.get().plusDays(1).atStartOfDay(zone).toInstant();
        return write(file, () -> {
            List<CallSummary> list = store.listCalls(start, end, 0);
            java.util.Map<String, dev.switchboard.history.CallAnalysis> analyses = new java.util.HashMap<>();
            list.forEach(c -> store.analysis(c.id()).ifPresent(a -> analyses.put(c.id(), a)));
            return exporter.csv(list, analyses);
        }, "Exported the calls as CSV to ");
    }

    private CompletableFuture<Path> write(Path file, Supplier<String> content, String done) {
        return tasks.run(() -> {
            try {
                Files.writeString(file, content.get(), StandardCharsets.UTF_8);
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write " + file + ": " + e.getMessage(), e);
            }
        }, path -> status.set(done + path.getFileName() + "."), this::fail);
    }

    private void fail(String message) {
        status.set(message);
    }

    /** A suggested file name for exporting the opened call, e.g. {@code call-rtc_123.md}. */
    public String suggestedName(String extension) {
        StoredCall call = opened.get();
        return (call == null ? "calls" : "call-" + call.id().replaceAll("[^A-Za-z0-9_-]", "")) + "." + extension;
    }

    // ---- accessors ----

    public HistoryService store() {
        return store;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<CallRow> calls() {
        return calls;
    }

    public ObservableList<HitRow> hits() {
        return hits;
    }

    /** True while the query has something to search for: the view shows hits instead of the calls table. */
    public ReadOnlyBooleanProperty searchingProperty() {
        return searching;
    }

    public BooleanProperty maskCallerNumbersProperty() {
        return maskCallerNumbers;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyObjectProperty<StoredCall> openedProperty() {
        return opened;
    }

    public StoredCall opened() {
        return opened.get();
    }

    public TranscriptViewModel transcript() {
        return transcript;
    }

    /** The opened call's post-call analysis. */
    public dev.switchboard.ui.analysis.AnalysisViewModel analysis() {
        return analysis;
    }

    public InspectorViewModel inspector() {
        return inspector;
    }

    public Debouncer debouncer() {
        return debouncer;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
