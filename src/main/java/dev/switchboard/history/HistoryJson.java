package dev.switchboard.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.config.ToolsJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.CallState;
import dev.switchboard.call.Milestone;
import dev.switchboard.call.RawEvent;
import dev.switchboard.call.SipHeader;
import dev.switchboard.call.Speaker;
import dev.switchboard.call.TokenUsage;
import dev.switchboard.call.TranscriptEntry;
import dev.switchboard.call.TurnDetection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON forms of stored things: accept settings (stored in the database and in profile files) and a whole
 * {@link StoredCall} (the JSON export, which {@link #readCall(String)} reads back for replay). Instants are ISO-8601
 * strings. Field order is fixed, so output is deterministic.
 */
public final class HistoryJson {

    /** Identifies a call export; bumped if the shape changes incompatibly. */
    public static final String CALL_FORMAT = "switchboard-call";
    public static final int CALL_FORMAT_VERSION = 1;

    public static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private HistoryJson() {
    }

    // ---- settings ----

    public static ObjectNode settingsNode(AcceptSettings s) {
        return settingsNode(s, false);
    }

    /**
     * The stored settings; {@code session} and {@code tools} only when set, so the format stays readable by
     * older versions' fields. {@code maskSecrets} for anything leaving the machine (exports).
     */
    public static ObjectNode settingsNode(AcceptSettings s, boolean maskSecrets) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("instructions", s.instructions());
        n.put("voice", s.voice());
        n.put("model", s.model());
        n.put("greeting", s.greeting());
        n.put("transcriptionModel", s.transcriptionModel());
        n.put("turnDetection", s.turnDetection().wireName());
        ObjectNode session = SessionConfigJson.node(s.session());
        if (!session.isEmpty()) {
            n.set("session", session);
        }
        if (!s.tools().isEmpty()) {
            n.set("tools", ToolsJson.toolSetNode(s.tools(), maskSecrets));
        }
        return n;
    }

    public static AcceptSettings settings(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        return new AcceptSettings(text(n, "instructions"), text(n, "voice"), text(n, "model"), text(n, "greeting"),
                text(n, "transcriptionModel"),
                n.hasNonNull("turnDetection") ? TurnDetection.fromWire(n.get("turnDetection").asText()) : null,
                SessionConfigJson.config(n.get("session")), ToolsJson.toolSet(n.get("tools")));
    }

    public static String settingsJson(AcceptSettings s) {
        return s == null ? null : compact(settingsNode(s));
    }

    public static AcceptSettings settingsFromJson(String json) {
        return json == null ? null : settings(parse(json));
    }

    public static String headersJson(List<SipHeader> headers) {
        ArrayNode a = MAPPER.createArrayNode();
        for (SipHeader h : headers) {
            a.addObject().put("name", h.name()).put("value", h.value());
        }
        return compact(a);
    }

    public static List<SipHeader> headersFromJson(String json) {
        return headers(parse(json == null ? "[]" : json));
    }

    private static List<SipHeader> headers(JsonNode a) {
        List<SipHeader> out = new ArrayList<>();
        if (a != null) {
            for (JsonNode h : a) {
                out.add(new SipHeader(text(h, "name"), text(h, "value")));
            }
        }
        return out;
    }

    // ---- a whole call ----

    public static ObjectNode callNode(StoredCall c) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("format", CALL_FORMAT);
        n.put("formatVersion", CALL_FORMAT_VERSION);
        n.put("id", c.id());
        n.put("createdAt", c.createdAt().toString());
        n.put("state", c.state().name());
        n.put("stateReason", c.stateReason());
        n.put("lastActionResult", c.lastActionResult());
        ObjectNode caller = n.putObject("caller");
        caller.put("name", c.caller().displayName()).put("number", c.caller().number());
        ObjectNode callee = n.putObject("callee");
        callee.put("name", c.callee().displayName()).put("number", c.callee().number());
        if (c.profile() != null) {
            n.putObject("profile").put("name", c.profile().name()).put("version", c.profile().version());
        } else {
            n.putNull("profile");
        }
        if (c.settings() != null) {
            n.set("settings", settingsNode(c.settings(), true));
        } else {
            n.putNull("settings");
        }
        ArrayNode headers = n.putArray("sipHeaders");
        for (SipHeader h : c.sipHeaders()) {
            headers.addObject().put("name", h.name()).put("value", h.value());
        }
        ObjectNode timeline = n.putObject("timeline");
        c.timeline().forEach((m, at) -> timeline.put(m.name(), at.toString()));
        ArrayNode states = n.putArray("stateChanges");
        for (StateChange s : c.stateChanges()) {
            states.addObject().put("state", s.state().name()).put("reason", s.reason()).put("at", s.at().toString());
        }
        ArrayNode transcript = n.putArray("transcript");
        for (TranscriptEntry e : c.transcript()) {
            ObjectNode t = transcript.addObject();
            t.put("key", e.key());
            t.put("kind", e.kind().name());
            if (e.speaker() == null) {
                t.putNull("speaker");
            } else {
                t.put("speaker", e.speaker().name());
            }
            t.put("text", e.text());
            t.put("status", e.status().name());
            t.put("at", e.at().toString());
        }
        ArrayNode usage = n.putArray("usage");
        for (TokenUsage u : c.usage()) {
            usage.addObject().put("responseId", u.responseId()).put("inputTokens", u.inputTokens())
                    .put("outputTokens", u.outputTokens()).put("totalTokens", u.totalTokens());
        }
        ArrayNode events = n.putArray("events");
        for (RawEvent e : c.events()) {
            events.addObject().put("at", e.at().toString()).put("direction", e.direction().name())
                    .put("type", e.type()).put("json", e.json());
        }
        return n;
    }

    public static String writeCall(StoredCall call) {
        try {
            return MAPPER.writeValueAsString(callNode(call)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Like {@link #writeCall(StoredCall)}, with the post-call analysis as {@code "analysis"} ({@link #readCall} skips it). */
    public static String writeCall(StoredCall call, CallAnalysis analysis) {
        ObjectNode n = callNode(call);
        n.set("analysis", analysisNode(analysis));
        try {
            return MAPPER.writeValueAsString(n) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Status, model, summary, outcome, mean score (null without scores), the scores with reasons, error, time. */
    public static ObjectNode analysisNode(CallAnalysis a) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("status", a.status().name().toLowerCase(java.util.Locale.ROOT));
        n.put("model", a.model());
        n.put("summary", a.summary());
        n.put("outcome", a.outcome());
        if (a.meanScore().isPresent()) {
            n.put("meanScore", Math.round(a.meanScore().getAsDouble() * 100) / 100.0);
        } else {
            n.putNull("meanScore");
        }
        ArrayNode scores = n.putArray("scores");
        for (RubricScore s : a.scores()) {
            scores.addObject().put("item", s.item()).put("score", s.score()).put("reason", s.reason());
        }
        n.put("error", a.error());
        n.put("at", a.at() == null ? null : a.at().toString());
        return n;
    }

    /** Reads a call export back. */
    public static StoredCall readCall(String json) {
        JsonNode n = parse(json);
        if (!CALL_FORMAT.equals(n.path("format").asText())) {
            throw new HistoryFormatException("not a Switchboard call export (format is '" + n.path("format").asText() + "')");
        }
        if (n.path("formatVersion").asInt() > CALL_FORMAT_VERSION) {
            throw new HistoryFormatException("the call export is from a newer Switchboard (format version "
                    + n.path("formatVersion").asInt() + ")");
        }
        Map<Milestone, Instant> timeline = new EnumMap<>(Milestone.class);
        n.path("timeline").fields().forEachRemaining(f -> timeline.put(Milestone.valueOf(f.getKey()),
                Instant.parse(f.getValue().asText())));
        List<StateChange> states = new ArrayList<>();
        for (JsonNode s : n.path("stateChanges")) {
            states.add(new StateChange(CallState.valueOf(text(s, "state")), text(s, "reason"),
                    Instant.parse(text(s, "at"))));
        }
        List<TranscriptEntry> transcript = new ArrayList<>();
        for (JsonNode t : n.path("transcript")) {
            transcript.add(new TranscriptEntry(text(t, "key"), TranscriptEntry.Kind.valueOf(text(t, "kind")),
                    t.hasNonNull("speaker") ? Speaker.valueOf(text(t, "speaker")) : null, text(t, "text"),
                    TranscriptEntry.Status.valueOf(text(t, "status")), Instant.parse(text(t, "at"))));
        }
        List<TokenUsage> usage = new ArrayList<>();
        for (JsonNode u : n.path("usage")) {
            usage.add(new TokenUsage(text(u, "responseId"), u.path("inputTokens").asLong(),
                    u.path("outputTokens").asLong(), u.path("totalTokens").asLong()));
        }
        List<RawEvent> events = new ArrayList<>();
        for (JsonNode e : n.path("events")) {
            events.add(new RawEvent(Instant.parse(text(e, "at")), RawEvent.Direction.valueOf(text(e, "direction")),
                    text(e, "type"), text(e, "json")));
        }
        JsonNode p = n.path("profile");
        ProfileRef profile = p.isObject() ? new ProfileRef(text(p, "name"), p.path("version").asInt()) : null;
        return new StoredCall(text(n, "id"), headers(n.path("sipHeaders")), Instant.parse(text(n, "createdAt")),
                CallState.valueOf(text(n, "state")), text(n, "stateReason"), text(n, "lastActionResult"),
                settings(n.get("settings")), profile, timeline, transcript, states, events, usage);
    }

    // ---- helpers ----

    public static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new HistoryFormatException("not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static String compact(JsonNode node) {
        try {
            return MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }
}
