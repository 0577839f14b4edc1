package dev.switchboard.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.SessionConfig;
import dev.switchboard.call.ToolReply;
import dev.switchboard.call.ToolSet;
import dev.switchboard.call.TurnDetection;
import dev.switchboard.config.ToolsJson;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every session field lands in the accept body under the API's name, and the body validates against the spec. */
class AcceptBodySchemaTest {

    static final String FUNCTION = "{\"type\":\"function\",\"name\":\"lookup_order\",\"description\":\"Find an order\","
            + "\"parameters\":{\"type\":\"object\",\"properties\":{\"order_id\":{\"type\":\"string\"}},"
            + "\"required\":[\"order_id\"]}}";
    static final String MCP = "{\"type\":\"mcp\",\"server_label\":\"billing\",\"server_url\":\"https://mcp.example.com/sse\","
            + "\"allowed_tools\":[\"issue_refund\"],\"require_approval\":\"always\",\"headers\":{\"X-Api-Key\":\"s3cret\"}}";

    static Schema schema(String root) throws Exception {
        JsonNode pieces;
        try (InputStream in = AcceptBodySchemaTest.class.getResourceAsStream("/openai-spec/realtime-schemas.json")) {
            pieces = SessionJson.MAPPER.readTree(in);
        }
        ObjectNode doc = SessionJson.MAPPER.createObjectNode();
        doc.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        doc.putObject("components").set("schemas", pieces.get("schemas"));
        doc.put("$ref", "#/components/schemas/" + root);
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(doc.toString());
    }

    static AcceptSettings everything() {
        SessionConfig.Builder b = new SessionConfig.Builder();
        b.speed = 1.2;
        b.noiseReduction = "far_field";
        b.vadThreshold = 0.6;
        b.prefixPaddingMs = 250;
        b.silenceDurationMs = 400;
        b.idleTimeoutMs = 8000;
        b.createResponse = true;
        b.interruptResponse = false;
        b.transcriptionLanguage = "en";
        b.transcriptionPrompt = "order numbers";
        b.maxOutputTokens = "800";
        b.truncation = "retention_ratio";
        b.retentionRatio = 0.7;
        b.tracing = "workflow";
        b.workflowName = "support-line";
        b.promptId = "pmpt_123";
        b.promptVersion = "3";
        b.promptVariables = Map.of("brand", "Switchboard");
        b.reasoningEffort = "low";
        ToolSet tools = new ToolSet(ToolsJson.parseToolsText("[" + FUNCTION + "," + MCP + "]"),
                Map.of("lookup_order", ToolReply.canned("{\"status\":\"shipped\"}", 500)), "required");
        return new AcceptSettings("Be helpful.", "voice_abc123", "gpt-realtime-2", "", "gpt-4o-transcribe",
                TurnDetection.SERVER_VAD, b.build().forProfile("support", 4), tools);
    }

    @Test
    void everyFieldLandsUnderTheApiName() {
        AcceptSettings s = everything();
        assertEquals(List.of(), s.problems());
        JsonNode body = SessionJson.acceptBody(s, "rtc_1");
        assertEquals("realtime", body.path("type").asText());
        assertEquals("gpt-realtime-2", body.path("model").asText());
        assertEquals("voice_abc123", body.at("/audio/output/voice/id").asText());
        assertEquals(1.2, body.at("/audio/output/speed").asDouble());
        assertEquals("far_field", body.at("/audio/input/noise_reduction/type").asText());
        JsonNode td = body.at("/audio/input/turn_detection");
        assertEquals("server_vad", td.path("type").asText());
        assertEquals(0.6, td.path("threshold").asDouble());
        assertEquals(250, td.path("prefix_padding_ms").asInt());
        assertEquals(400, td.path("silence_duration_ms").asInt());
        assertEquals(8000, td.path("idle_timeout_ms").asInt());
        assertTrue(td.path("create_response").asBoolean());
        assertFalse(td.path("interrupt_response").asBoolean());
        assertEquals("gpt-4o-transcribe", body.at("/audio/input/transcription/model").asText());
        assertEquals("en", body.at("/audio/input/transcription/language").asText());
        assertEquals("order numbers", body.at("/audio/input/transcription/prompt").asText());
        assertEquals(800, body.path("max_output_tokens").asInt());
        assertEquals("retention_ratio", body.at("/truncation/type").asText());
        assertEquals(0.7, body.at("/truncation/retention_ratio").asDouble());
        assertEquals("support-line", body.at("/tracing/workflow_name").asText());
        assertEquals("rtc_1", body.at("/tracing/group_id").asText());
        assertEquals("support", body.at("/tracing/metadata/profile").asText());
        assertEquals("4", body.at("/tracing/metadata/profile_version").asText());
        assertEquals("pmpt_123", body.at("/prompt/id").asText());
        assertEquals("3", body.at("/prompt/version").asText());
        assertEquals("Switchboard", body.at("/prompt/variables/brand").asText());
        assertEquals("low", body.at("/reasoning/effort").asText());
        assertEquals("required", body.path("tool_choice").asText());
        assertEquals(SessionJson.MAPPER.createArrayNode().add(parse(FUNCTION)).add(parse(MCP)), body.path("tools"),
                "the tools exactly as given");
        assertTrue(body.at("/audio/input/format").isMissingNode() && body.at("/audio/output/format").isMissingNode(),
                "audio formats are never sent for SIP");
    }

    @Test
    void theFullBodyAndTheDefaultsValidateAgainstTheOfficialSchema() throws Exception {
        Schema accept = schema("RealtimeSessionCreateRequestGA");
        assertEquals(List.of(), accept.validate(SessionJson.acceptBody(everything(), "rtc_1")));
        assertEquals(List.of(), accept.validate(SessionJson.acceptBody(AcceptSettings.defaults(), "rtc_1")));
        AcceptSettings semantic = AcceptSettings.defaults().withSession(builder(b -> {
            b.eagerness = "high";
            b.tracing = "auto";
            b.maxOutputTokens = "inf";
            b.truncation = "disabled";
        })).withTools(new ToolSet(ToolsJson.parseToolsText("[" + FUNCTION + "]"), Map.of(), "function:lookup_order"));
        assertEquals(List.of(), semantic.problems());
        JsonNode body = SessionJson.acceptBody(semantic, "rtc_2");
        assertEquals(List.of(), accept.validate(body));
        assertEquals("lookup_order", body.at("/tool_choice/name").asText());
        assertEquals("high", body.at("/audio/input/turn_detection/eagerness").asText());
        // the check can fail: a wrong shape is reported
        ((ObjectNode) body).put("max_output_tokens", "lots");
        assertFalse(accept.validate(body).isEmpty());
    }

    @Test
    void unsetFieldsAreAbsent() {
        JsonNode body = SessionJson.acceptBody(AcceptSettings.defaults(), "rtc_1");
        for (String absent : List.of("tools", "tool_choice", "max_output_tokens", "tracing", "truncation", "prompt",
                "reasoning", "include", "output_modalities")) {
            assertTrue(body.path(absent).isMissingNode(), absent + " is not sent unless set");
        }
        assertTrue(body.at("/audio/output/speed").isMissingNode());
        assertTrue(body.at("/audio/input/noise_reduction").isMissingNode());
        assertEquals("{\"type\":\"semantic_vad\"}", body.at("/audio/input/turn_detection").toString());
        assertEquals("{\"model\":\"gpt-4o-mini-transcribe\"}", body.at("/audio/input/transcription").toString());
    }

    @Test
    void clientToolEventsValidateToo() throws Exception {
        Schema client = schema("RealtimeClientEvent");
        assertEquals(List.of(), client.validate(SessionJson.functionCallOutput("call_1", "{\"ok\":true}")));
        assertEquals(List.of(), client.validate(SessionJson.responseCreate()));
        assertEquals(List.of(), client.validate(SessionJson.mcpApproval("item_abc", true)));
    }

    @Test
    void invalidSessionFieldsAreCaughtBeforeSending() {
        AcceptSettings bad = AcceptSettings.defaults().withSession(builder(b -> {
            b.speed = 3.0;
            b.vadThreshold = 0.5; // needs server_vad
            b.tracing = "workflow"; // without a name
        })).withTools(new ToolSet(List.of(), Map.of(), "function:nope"));
        List<String> problems = bad.problems();
        assertEquals(4, problems.size(), problems.toString());
    }

    static SessionConfig builder(java.util.function.Consumer<SessionConfig.Builder> edit) {
        SessionConfig.Builder b = new SessionConfig.Builder();
        edit.accept(b);
        return b.build();
    }

    private static JsonNode parse(String json) {
        try {
            return SessionJson.MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
