package dev.switchboard.call;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One phone call as the monitor knows it. Written from I/O threads (webhook, REST, socket) and read from
 * the UI, so every access is guarded by the call's lock; getters return immutable snapshots.
 */
public final class Call {

    private final String id;
    private final SipAddress caller;
    private final SipAddress callee;
    private final List<SipHeader> sipHeaders;
    private final Clock clock;
    private final Instant createdAt;
    private final List<CallListener> listeners = new CopyOnWriteArrayList<>();

    private CallState state = CallState.RINGING;
    private String stateReason = "";
    private String lastActionResult = "";
    private AcceptSettings settings;
    private final Map<Milestone, Instant> timeline = new EnumMap<>(Milestone.class);
    private final Transcript transcript = new Transcript();
    private final List<String> dtmf = new ArrayList<>();
    private final List<TokenUsage> usage = new ArrayList<>();
    private TokenUsage totalUsage = TokenUsage.ZERO;
    private final List<RawEvent> events = new ArrayList<>();
    private boolean callerSpeaking;
    private boolean agentSpeaking;
    private long revision;
    private final TurnLog turns;
    private final CallHealth health;
    private final ToolCalls tools;
    private final CallAlerts alerts;

    public Call(String id, List<SipHeader> sipHeaders, Clock clock) {
        this.id = id;
        this.sipHeaders = List.copyOf(sipHeaders);
        this.clock = clock;
        this.createdAt = clock.instant();
        // "f" and "t" are SIP's compact forms of From and To
        this.caller = SipAddress.parse(header("From").or(() -> header("f")).orElse(null));
        this.callee = SipAddress.parse(header("To").or(() -> header("t")).orElse(null));
        timeline.put(Milestone.WEBHOOK_RECEIVED, createdAt);
        this.turns = new TurnLog(this, clock, transcript::text, this::pricedModel,
                () -> timeline.get(Milestone.ACCEPT_ANSWERED));
        this.health = new CallHealth(this, clock, () -> timeline.get(Milestone.ACCEPT_ANSWERED));
        this.tools = new ToolCalls(this, clock);
        this.alerts = new CallAlerts(this, clock);
    }

    public String id() {
        return id;
    }

    public SipAddress caller() {
        return caller;
    }

    public SipAddress callee() {
        return callee;
    }

    public List<SipHeader> sipHeaders() {
        return sipHeaders;
    }

    public Optional<String> header(String name) {
        return sipHeaders.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(SipHeader::value).findFirst();
    }

    public Instant createdAt() {
        return createdAt;
    }

    public void addListener(CallListener listener) {
        listeners.add(listener);
    }

    public void removeListener(CallListener listener) {
        listeners.remove(listener);
    }

    private void fire(CallChange change) {
        for (CallListener l : listeners) {
            l.callChanged(this, change);
        }
    }

    // ---- state ----

    public synchronized CallState state() {
        return state;
    }

    public synchronized String stateReason() {
        return stateReason;
    }

    /** Moves to {@code next} if the state machine allows it; returns whether it moved. */
    public boolean moveTo(CallState next, String reason) {
        synchronized (this) {
            if (!state.canMoveTo(next)) {
                return false;
            }
            state = next;
            stateReason = reason == null ? "" : reason;
            if (next.isTerminal()) {
                timeline.putIfAbsent(Milestone.ENDED, clock.instant());
                transcript.closeStreaming();
                callerSpeaking = false;
                agentSpeaking = false;
            }
            if (next != CallState.ACCEPTING) {
                String label = stateReason.isEmpty() ? next.label() : next.label() + " — " + stateReason;
                transcript.marker(TranscriptEntry.Kind.STATE, label, clock.instant());
            }
            revision++;
        }
        fire(CallChange.STATE);
        fire(CallChange.TRANSCRIPT);
        return true;
    }

    /** Duration so far while live, or the final duration once ended; zero before answer. */
    public synchronized Duration duration() {
        Instant start = timeline.get(Milestone.ACCEPT_ANSWERED);
        if (start == null) {
            return Duration.ZERO;
        }
        Instant end = timeline.getOrDefault(Milestone.ENDED, clock.instant());
        return Duration.between(start, end);
    }

    /** Time spent ringing (until answered or ended). */
    public synchronized Duration ringTime() {
        Instant end = timeline.get(Milestone.ACCEPT_ANSWERED);
        if (end == null) {
            end = timeline.getOrDefault(Milestone.ENDED, clock.instant());
        }
        return Duration.between(createdAt, end);
    }

    // ---- settings and action results ----

    public synchronized Optional<AcceptSettings> settings() {
        return Optional.ofNullable(settings);
    }

    public void useSettings(AcceptSettings acceptSettings) {
        synchronized (this) {
            settings = acceptSettings;
            revision++;
        }
        fire(CallChange.SETTINGS);
    }

    public synchronized String lastActionResult() {
        return lastActionResult;
    }

    /** The result of the last person-triggered action (accept, hang up, transfer…), in plain words. */
    public void reportAction(String result) {
        synchronized (this) {
            lastActionResult = result;
            revision++;
        }
        fire(CallChange.ACTION);
    }

    // ---- timeline ----

    public void mark(Milestone milestone) {
        boolean added;
        synchronized (this) {
            added = timeline.putIfAbsent(milestone, clock.instant()) == null;
            if (added) {
                revision++;
            }
        }
        if (added) {
            fire(CallChange.TIMELINE);
        }
    }

    public synchronized Map<Milestone, Instant> timeline() {
        return Collections.unmodifiableMap(new EnumMap<>(timeline));
    }

    // ---- transcript ----

    /** Registers a conversation item so it keeps its place even if its text arrives later. */
    public void itemAdded(String itemId, Speaker speaker, String previousItemId) {
        boolean added;
        synchronized (this) {
            added = transcript.ensureItem(itemId, speaker, previousItemId, clock.instant());
            if (added) {
                revision++;
            }
        }
        if (added) {
            fire(CallChange.TRANSCRIPT);
        }
    }

    public void appendDelta(String itemId, Speaker speaker, String delta) {
        if (delta == null || delta.isEmpty()) {
            return;
        }
        boolean timelineChanged;
        synchronized (this) {
            transcript.appendDelta(itemId, speaker, delta, clock.instant());
            timelineChanged = markFirstWord(speaker);
            revision++;
        }
        fire(CallChange.TRANSCRIPT);
        if (timelineChanged) {
            fire(CallChange.TIMELINE);
        }
    }

    public void completeUtterance(String itemId, Speaker speaker, String finalText) {
        boolean timelineChanged;
        synchronized (this) {
            transcript.complete(itemId, speaker, finalText, clock.instant());
            timelineChanged = finalText != null && !finalText.isBlank() && markFirstWord(speaker);
            revision++;
        }
        fire(CallChange.TRANSCRIPT);
        if (timelineChanged) {
            fire(CallChange.TIMELINE);
        }
    }

    public void failUtterance(String itemId, Speaker speaker, String reason) {
        synchronized (this) {
            transcript.fail(itemId, speaker, reason, clock.instant());
            revision++;
        }
        fire(CallChange.TRANSCRIPT);
    }

    /** Adds an inline note such as "instructions changed". */
    public void note(String text) {
        synchronized (this) {
            transcript.marker(TranscriptEntry.Kind.NOTE, text, clock.instant());
            revision++;
        }
        fire(CallChange.TRANSCRIPT);
    }

    public void dtmf(String key) {
        synchronized (this) {
            dtmf.add(key);
            transcript.marker(TranscriptEntry.Kind.DTMF, key, clock.instant());
            revision++;
        }
        fire(CallChange.TRANSCRIPT);
    }

    private boolean markFirstWord(Speaker speaker) {
        Milestone m = speaker == Speaker.AGENT ? Milestone.FIRST_AGENT_WORD : Milestone.FIRST_CALLER_WORD;
        return timeline.putIfAbsent(m, clock.instant()) == null;
    }

    public synchronized List<TranscriptEntry> transcript() {
        return transcript.snapshot();
    }

    public synchronized String utteranceText(String itemId) {
        return transcript.text(itemId);
    }

    public synchronized List<String> dtmfKeys() {
        return List.copyOf(dtmf);
    }

    // ---- voice activity ----

    public void speaking(Speaker speaker, boolean active) {
        synchronized (this) {
            if (speaker == Speaker.CALLER) {
                callerSpeaking = active;
            } else {
                agentSpeaking = active;
            }
            revision++;
        }
        fire(CallChange.SPEAKING);
    }

    public synchronized boolean isSpeaking(Speaker speaker) {
        return speaker == Speaker.CALLER ? callerSpeaking : agentSpeaking;
    }

    // ---- usage ----

    public void addUsage(TokenUsage responseUsage) {
        synchronized (this) {
            usage.add(responseUsage);
            totalUsage = totalUsage.plus(responseUsage);
            revision++;
        }
        fire(CallChange.USAGE);
    }

    public synchronized List<TokenUsage> usagePerResponse() {
        return List.copyOf(usage);
    }

    public synchronized TokenUsage totalUsage() {
        return totalUsage;
    }

    // ---- turns and health ----

    /** Turn latencies, interruptions and cost; changes come as {@link CallChange#TURNS}. */
    public TurnLog turns() {
        return turns;
    }

    /** Function calls and MCP activity; changes come as {@link CallChange#TOOLS}. */
    public ToolCalls tools() {
        return tools;
    }

    /** Warnings, the server's session, socket close; changes come as {@link CallChange#HEALTH}. */
    public CallHealth health() {
        return health;
    }

    /** Alert rules, watchdogs and what they raised; changes come as {@link CallChange#ALERTS}. */
    public CallAlerts alerts() {
        return alerts;
    }

    /** The transcript line of an alert; the caller holds the lock and fires the change. */
    void alertLine(Alert alert) {
        transcript.marker(TranscriptEntry.Kind.ALERT, "Alert — " + alert.describe(), alert.at());
    }

    /** The model the server reports, else the one the call was accepted with: what its tokens are billed at. */
    private String pricedModel() {
        return health.session().map(SessionInfo::model)
                .orElseGet(() -> settings == null || settings.model().isEmpty() ? null : settings.model());
    }

    /** For the parts kept in their own classes: count the change and tell the listeners. */
    void changed(CallChange change) {
        synchronized (this) {
            revision++;
        }
        fire(change);
    }

    // ---- raw events ----

    public void recordEvent(RawEvent event) {
        synchronized (this) {
            events.add(event);
            revision++;
        }
        fire(CallChange.EVENTS);
    }

    public synchronized List<RawEvent> events() {
        return List.copyOf(events);
    }

    /** The events from index {@code from} on: what a writer that already has the first {@code from} needs. */
    public synchronized List<RawEvent> eventsSince(int from) {
        return from >= events.size() ? List.of() : List.copyOf(events.subList(Math.max(0, from), events.size()));
    }

    public synchronized int eventCount() {
        return events.size();
    }

    /** Increases on every change; lets a view skip work when nothing moved. */
    public synchronized long revision() {
        return revision;
    }

    @Override
    public String toString() {
        return "Call[" + id + ", " + caller.describe() + ", " + state() + "]";
    }
}
