package dev.switchboard.history;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.config.ToolsJson;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.SessionConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stored form of {@link SessionConfig} (only the fields that are set, so old profiles without it read as
 * "nothing set"), and the readable text of a whole settings version that the profile diff compares.
 */
public final class SessionConfigJson {

    private SessionConfigJson() {
    }

    public static ObjectNode node(SessionConfig c) {
        ObjectNode n = HistoryJson.MAPPER.createObjectNode();
        if (c.speed() != null) n.put("speed", c.speed());
        text(n, "noiseReduction", c.noiseReduction());
        if (c.vadThreshold() != null) n.put("vadThreshold", c.vadThreshold());
        if (c.prefixPaddingMs() != null) n.put("prefixPaddingMs", c.prefixPaddingMs());
        if (c.silenceDurationMs() != null) n.put("silenceDurationMs", c.silenceDurationMs());
        if (c.idleTimeoutMs() != null) n.put("idleTimeoutMs", c.idleTimeoutMs());
        text(n, "eagerness", c.eagerness());
        if (c.createResponse() != null) n.put("createResponse", c.createResponse());
        if (c.interruptResponse() != null) n.put("interruptResponse", c.interruptResponse());
        text(n, "transcriptionLanguage", c.transcriptionLanguage());
        text(n, "transcriptionPrompt", c.transcriptionPrompt());
        text(n, "maxOutputTokens", c.maxOutputTokens());
        text(n, "truncation", c.truncation());
        if (c.retentionRatio() != null) n.put("retentionRatio", c.retentionRatio());
        text(n, "tracing", c.tracing());
        text(n, "workflowName", c.workflowName());
        text(n, "promptId", c.promptId());
        text(n, "promptVersion", c.promptVersion());
        if (!c.promptVariables().isEmpty()) {
            ObjectNode vars = n.putObject("promptVariables");
            c.promptVariables().forEach(vars::put);
        }
        text(n, "reasoningEffort", c.reasoningEffort());
        return n;
    }

    public static SessionConfig config(JsonNode n) {
        if (n == null || !n.isObject()) {
            return SessionConfig.NONE;
        }
        SessionConfig.Builder b = new SessionConfig.Builder();
        b.speed = n.has("speed") ? n.get("speed").asDouble() : null;
        b.noiseReduction = n.path("noiseReduction").asText("");
        b.vadThreshold = n.has("vadThreshold") ? n.get("vadThreshold").asDouble() : null;
        b.prefixPaddingMs = n.has("prefixPaddingMs") ? n.get("prefixPaddingMs").asInt() : null;
        b.silenceDurationMs = n.has("silenceDurationMs") ? n.get("silenceDurationMs").asInt() : null;
        b.idleTimeoutMs = n.has("idleTimeoutMs") ? n.get("idleTimeoutMs").asInt() : null;
        b.eagerness = n.path("eagerness").asText("");
        b.createResponse = n.has("createResponse") ? n.get("createResponse").asBoolean() : null;
        b.interruptResponse = n.has("interruptResponse") ? n.get("interruptResponse").asBoolean() : null;
        b.transcriptionLanguage = n.path("transcriptionLanguage").asText("");
        b.transcriptionPrompt = n.path("transcriptionPrompt").asText("");
        b.maxOutputTokens = n.path("maxOutputTokens").asText("");
        b.truncation = n.path("truncation").asText("");
        b.retentionRatio = n.has("retentionRatio") ? n.get("retentionRatio").asDouble() : null;
        b.tracing = n.path("tracing").asText("");
        b.workflowName = n.path("workflowName").asText("");
        b.promptId = n.path("promptId").asText("");
        b.promptVersion = n.path("promptVersion").asText("");
        Map<String, String> vars = new LinkedHashMap<>();
        n.path("promptVariables").fields().forEachRemaining(e -> vars.put(e.getKey(), e.getValue().asText()));
        b.promptVariables = vars;
        b.reasoningEffort = n.path("reasoningEffort").asText("");
        return b.build();
    }

    private static void text(ObjectNode n, String field, String value) {
        if (!value.isEmpty()) {
            n.put(field, value);
        }
    }

    /**
     * What the profile diff compares: the instructions, then (only when either side has any) one line per set
     * session field and the tools as masked JSON, one line each.
     */
    public static String diffText(AcceptSettings s, boolean withExtras) {
        if (!withExtras) {
            return s.instructions();
        }
        List<String> lines = new ArrayList<>();
        lines.add(s.instructions());
        lines.add("");
        lines.add("voice: " + s.voice() + ", model: " + s.model() + ", transcription: " + s.transcriptionModel()
                + ", turn detection: " + s.turnDetection().wireName());
        node(s.session()).fields().forEachRemaining(e -> lines.add(e.getKey() + ": " + e.getValue()));
        if (!s.tools().toolChoice().isEmpty()) {
            lines.add("tool_choice: " + s.tools().toolChoice());
        }
        s.tools().tools().forEach(t -> lines.add("tool: " + HistoryJson.compact(ToolsJson.masked(t))));
        s.tools().replies().forEach((name, r) -> lines.add("reply " + name + ": " + r.mode().label()
                + (r.delayMs() > 0 ? " after " + r.delayMs() + " ms" : "") + " " + r.output()));
        return String.join("\n", lines);
    }

    public static boolean hasExtras(AcceptSettings s) {
        return !s.tools().isEmpty() || !node(s.session()).isEmpty();
    }
}
