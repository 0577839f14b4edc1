package dev.switchboard.ui.inspector;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.call.Call;
import dev.switchboard.call.Milestone;
import dev.switchboard.call.RawEvent;
import dev.switchboard.call.SipHeader;
import dev.switchboard.call.TokenUsage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/** The inspector tabs of the shown call: raw events, lifecycle timeline, token usage, SIP headers. FX thread only. */
public final class InspectorViewModel {

    public static final String ALL_TYPES = "All event types";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One milestone: when it happened after the webhook and how long after the previous one. */
    public record TimelineRow(String milestone, String sinceStart, String gapMs) {
    }

    /** One response's tokens; the last row is the total. */
    public record UsageRow(String response, long inputTokens, long outputTokens, long totalTokens) {
    }

    private final ObservableList<RawEvent> events = FXCollections.observableArrayList();
    private final FilteredList<RawEvent> filteredEvents = new FilteredList<>(events);
    private final ObservableList<String> eventTypes = FXCollections.observableArrayList(ALL_TYPES);
    private final StringProperty typeFilter = new SimpleStringProperty(this, "typeFilter", ALL_TYPES);
    private final ObjectProperty<RawEvent> selectedEvent = new SimpleObjectProperty<>(this, "selectedEvent");
    private final StringProperty selectedJson = new SimpleStringProperty(this, "selectedJson", "");
    private final ObservableList<TimelineRow> timeline = FXCollections.observableArrayList();
    private final ObservableList<UsageRow> usage = FXCollections.observableArrayList();
    private final ObservableList<SipHeader> headers = FXCollections.observableArrayList();
    private final TreeSet<String> knownTypes = new TreeSet<>();
    private Call call;
    private Map<Milestone, Instant> shownTimeline = Map.of();

    public InspectorViewModel() {
        typeFilter.addListener((obs, old, type) -> filteredEvents.setPredicate(
                type == null || ALL_TYPES.equals(type) ? null : e -> e.type().equals(type)));
        selectedEvent.addListener((obs, old, e) -> selectedJson.set(e == null ? "" : prettyJson(e.json())));
    }

    public void show(Call next) {
        call = next;
        events.clear();
        knownTypes.clear();
        eventTypes.setAll(ALL_TYPES);
        typeFilter.set(ALL_TYPES);
        timeline.clear();
        usage.clear();
        shownTimeline = Map.of();
        headers.setAll(next == null ? List.of() : next.sipHeaders());
        refresh();
    }

    /** Appends new events and redraws the timeline and usage when they changed. */
    public void refresh() {
        if (call == null) {
            return;
        }
        List<RawEvent> added = call.eventsSince(events.size());
        if (!added.isEmpty()) {
            for (RawEvent e : added) {
                if (knownTypes.add(e.type())) {
                    eventTypes.setAll(ALL_TYPES);
                    eventTypes.addAll(knownTypes);
                }
            }
            events.addAll(added);
        }
        Map<Milestone, Instant> marks = call.timeline();
        if (!marks.equals(shownTimeline)) {
            shownTimeline = marks;
            timeline.setAll(timelineRows(marks));
        }
        List<TokenUsage> perResponse = call.usagePerResponse();
        if (usage.size() != (perResponse.isEmpty() ? 0 : perResponse.size() + 1)) {
            List<UsageRow> rows = new ArrayList<>();
            for (TokenUsage u : perResponse) {
                rows.add(new UsageRow(u.responseId(), u.inputTokens(), u.outputTokens(), u.totalTokens()));
            }
            if (!rows.isEmpty()) {
                TokenUsage t = call.totalUsage();
                rows.add(new UsageRow("Total", t.inputTokens(), t.outputTokens(), t.totalTokens()));
            }
            usage.setAll(rows);
        }
    }

    /** Milestones in the order they happened, each with its gap to the one before. */
    public static List<TimelineRow> timelineRows(Map<Milestone, Instant> marks) {
        List<Map.Entry<Milestone, Instant>> ordered = new ArrayList<>(marks.entrySet());
        ordered.sort(Map.Entry.<Milestone, Instant>comparingByValue().thenComparing(Map.Entry.comparingByKey()));
        Instant start = marks.get(Milestone.WEBHOOK_RECEIVED);
        if (start == null && !ordered.isEmpty()) {
            start = ordered.get(0).getValue();
        }
        List<TimelineRow> rows = new ArrayList<>();
        Instant previous = null;
        for (Map.Entry<Milestone, Instant> e : ordered) {
            String since = String.format("+%.3f s", Duration.between(start, e.getValue()).toMillis() / 1000.0);
            String gap = previous == null ? "—" : Duration.between(previous, e.getValue()).toMillis() + " ms";
            rows.add(new TimelineRow(e.getKey().label(), since, gap));
            previous = e.getValue();
        }
        return rows;
    }

    /** The JSON indented for reading; text that is not JSON is returned as it is. */
    public static String prettyJson(String json) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(json));
        } catch (JsonProcessingException | RuntimeException e) {
            return json;
        }
    }

    public ObservableList<RawEvent> filteredEvents() {
        return filteredEvents;
    }

    public ObservableList<String> eventTypes() {
        return eventTypes;
    }

    public StringProperty typeFilterProperty() {
        return typeFilter;
    }

    public ObjectProperty<RawEvent> selectedEventProperty() {
        return selectedEvent;
    }

    public StringProperty selectedJsonProperty() {
        return selectedJson;
    }

    public ObservableList<TimelineRow> timeline() {
        return timeline;
    }

    public ObservableList<UsageRow> usage() {
        return usage;
    }

    public ObservableList<SipHeader> headers() {
        return headers;
    }
}
