package dev.switchboard.team;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.Call;
import dev.switchboard.call.CallState;
import dev.switchboard.call.SipHeader;
import dev.switchboard.call.ToolCall;
import dev.switchboard.call.TurnDetection;
import dev.switchboard.logging.Redactor;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON of one stream entry: {@code {"t": kind, …}}. Kinds: {@code started} (SIP headers), {@code state},
 * {@code settings}, {@code in} / {@code out} (a sideband frame, scrubbed), {@code note}, {@code milestone}, {@code action} (an
 * action's result), {@code tool} (a function call's output or an approval's decision), {@code gap} (entries lost while Redis was away), {@code driver} (who steers).
 * Whatever goes out is scrubbed: no header values of tools (MCP), no authorization, no key or secret shapes.
 */
final class StreamCodec {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Object fields whose values never leave the hub (MCP servers' headers, tokens, keys). */
    private static final Set<String> SECRET_FIELDS = Set.of("headers", "authorization", "api_key", "apikey",
            "client_secret", "token", "access_token", "secret", "password");

    private StreamCodec() {
    }

    static ObjectNode entry(String kind) {
        ObjectNode node = JSON.createObjectNode();
        node.put("t", kind);
        return node;
    }

    static String started(Call call, String hub) {
        ObjectNode node = entry("started");
        node.put("hub", hub);
        node.put("at", call.createdAt().toEpochMilli());
        ArrayNode headers = node.putArray("sip");
        for (SipHeader h : call.sipHeaders()) {
            headers.addArray().add(h.name()).add(Redactor.redact(h.value()));
        }
        return node.toString();
    }

    static String state(CallState state, String reason) {
        ObjectNode node = entry("state");
        node.put("state", state.name());
        node.put("reason", Redactor.redact(reason));
        return node.toString();
    }

    static String settings(AcceptSettings s) {
        ObjectNode node = entry("settings");
        node.put("instructions", Redactor.redact(s.instructions()));
        node.put("voice", s.voice());
        node.put("model", s.model());
        node.put("greeting", Redactor.redact(s.greeting()));
        node.put("transcription", s.transcriptionModel());
        node.put("turn_detection", s.turnDetection().name());
        return node.toString();
    }

    static String frame(String direction, String type, String frame) {
        ObjectNode node = entry(direction);
        node.put("type", type);
        node.put("frame", scrub(frame));
        return node.toString();
    }

    static String text(String kind, String text) {
        ObjectNode node = entry(kind);
        node.put("text", Redactor.redact(text));
        return node.toString();
    }

    /** A function call's answer or an approval's decision: {@code {"t":"tool","id","status","output","how"}}. */
    static String tool(ToolCall t) {
        ObjectNode node = entry("tool");
        node.put("id", t.id());
        node.put("status", t.status().name());
        node.put("output", scrub(t.output()));
        node.put("how", Redactor.redact(t.detail()));
        return node.toString();
    }

    static String driver(String holder) {
        ObjectNode node = entry("driver");
        if (holder == null) {
            node.putNull("holder");
        } else {
            node.put("holder", holder);
        }
        return node.toString();
    }

    /** A sideband frame with every secret-looking field's value replaced, then key and secret shapes redacted. */
    static String scrub(String frame) {
        try {
            JsonNode node = JSON.readTree(frame);
            if (node != null && node.isContainerNode()) {
                scrubNode(node);
                return Redactor.redact(JSON.writeValueAsString(node));
            }
        } catch (JsonProcessingException e) {
            // not JSON: redact as text
        }
        return Redactor.redact(frame);
    }

    private static void scrubNode(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (SECRET_FIELDS.contains(field.getKey().toLowerCase(Locale.ROOT))) {
                    field.setValue(object.textNode(Redactor.REDACTED));
                } else {
                    scrubNode(field.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(StreamCodec::scrubNode);
        }
    }

    /** Parses an entry's JSON; empty for anything that is not an object with a textual kind. */
    static Optional<ObjectNode> parse(String json) {
        if (json == null || json.length() > 4_000_000) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(json);
            if (node instanceof ObjectNode object && object.path("t").isTextual()) {
                return Optional.of(object);
            }
        } catch (JsonProcessingException e) {
            // hostile or broken: ignored by the caller
        }
        return Optional.empty();
    }

    /** Any JSON object (a reply); empty otherwise. */
    static Optional<ObjectNode> parseObject(String json) {
        try {
            return json != null && JSON.readTree(json) instanceof ObjectNode o ? Optional.of(o) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    static List<SipHeader> sipHeaders(ObjectNode started) {
        List<SipHeader> headers = new java.util.ArrayList<>();
        for (JsonNode pair : started.path("sip")) {
            if (pair.isArray() && pair.size() == 2 && pair.get(0).isTextual() && pair.get(1).isTextual()) {
                headers.add(new SipHeader(pair.get(0).asText(), pair.get(1).asText()));
            }
        }
        return headers;
    }

    static AcceptSettings acceptSettings(ObjectNode node) {
        TurnDetection detection;
        try {
            detection = TurnDetection.valueOf(node.path("turn_detection").asText("SEMANTIC_VAD"));
        } catch (IllegalArgumentException e) {
            detection = TurnDetection.SEMANTIC_VAD;
        }
        return new AcceptSettings(node.path("instructions").asText(""), node.path("voice").asText(""),
                node.path("model").asText(""), node.path("greeting").asText(""),
                node.path("transcription").asText(""), detection);
    }

    static String textOf(ObjectNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }
}
