package dev.switchboard.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.SessionConfig;
import dev.switchboard.call.TurnDetection;

/** Builds the JSON bodies and client events of PROTOCOL.md from domain values. */
public final class SessionJson {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private SessionJson() {
    }

    /** The accept body: a realtime session config (no call id: a workflow trace gets no group). */
    public static ObjectNode acceptBody(AcceptSettings s) {
        return acceptBody(s, null);
    }

    /**
     * The accept body, {@code RealtimeSessionCreateRequestGA}: only what is set is sent, so the API's defaults
     * apply to the rest; audio formats never (SIP negotiates the codec in SDP).
     */
    public static ObjectNode acceptBody(AcceptSettings s, String callId) {
        SessionConfig c = s.session();
        ObjectNode body = MAPPER.createObjectNode();
        body.put("type", "realtime");
        putText(body, "model", s.model());
        putText(body, "instructions", s.instructions());
        ObjectNode audio = body.putObject("audio");
        ObjectNode output = audio.putObject("output");
        if (s.customVoice()) {
            output.putObject("voice").put("id", s.voice());
        } else {
            putText(output, "voice", s.voice());
        }
        if (c.speed() != null) {
            output.put("speed", c.speed());
        }
        ObjectNode input = audio.putObject("input");
        if (s.transcribesCaller()) {
            ObjectNode transcription = input.putObject("transcription").put("model", s.transcriptionModel());
            putText(transcription, "language", c.transcriptionLanguage());
            putText(transcription, "prompt", c.transcriptionPrompt());
        }
        if (!c.noiseReduction().isEmpty()) {
            input.putObject("noise_reduction").put("type", c.noiseReduction());
        }
        if (s.turnDetection() == TurnDetection.NONE) {
            input.putNull("turn_detection");
        } else {
            input.set("turn_detection", turnDetection(s.turnDetection(), c));
        }
        if (input.isEmpty()) {
            audio.remove("input");
        }
        if (output.isEmpty()) {
            audio.remove("output");
        }
        if (audio.isEmpty()) {
            body.remove("audio");
        }
        if (!s.tools().tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            s.tools().tools().forEach(t -> tools.add(parse(t.json())));
        }
        toolChoice(body, s.tools().toolChoice());
        if (!c.maxOutputTokens().isEmpty()) {
            if (c.maxOutputTokens().equals("inf")) {
                body.put("max_output_tokens", "inf");
            } else {
                body.put("max_output_tokens", Integer.parseInt(c.maxOutputTokens()));
            }
        }
        if (c.truncation().equals("retention_ratio")) {
            body.putObject("truncation").put("type", "retention_ratio").put("retention_ratio", c.retentionRatio());
        } else {
            putText(body, "truncation", c.truncation());
        }
        if (c.tracing().equals("auto")) {
            body.put("tracing", "auto");
        } else if (c.tracing().equals("workflow")) {
            ObjectNode tracing = body.putObject("tracing").put("workflow_name", c.workflowName());
            if (callId != null) {
                tracing.put("group_id", callId);
            }
            if (!c.profileName().isEmpty()) {
                tracing.putObject("metadata").put("profile", c.profileName())
                        .put("profile_version", String.valueOf(c.profileVersion()));
            }
        }
        if (!c.promptId().isEmpty()) {
            ObjectNode prompt = body.putObject("prompt").put("id", c.promptId());
            putText(prompt, "version", c.promptVersion());
            if (!c.promptVariables().isEmpty()) {
                ObjectNode vars = prompt.putObject("variables");
                c.promptVariables().forEach(vars::put);
            }
        }
        if (!c.reasoningEffort().isEmpty()) {
            body.putObject("reasoning").put("effort", c.reasoningEffort());
        }
        return body;
    }

    private static ObjectNode turnDetection(TurnDetection mode, SessionConfig c) {
        ObjectNode td = MAPPER.createObjectNode().put("type", mode.wireName());
        if (mode == TurnDetection.SERVER_VAD) {
            if (c.vadThreshold() != null) td.put("threshold", c.vadThreshold());
            if (c.prefixPaddingMs() != null) td.put("prefix_padding_ms", c.prefixPaddingMs());
            if (c.silenceDurationMs() != null) td.put("silence_duration_ms", c.silenceDurationMs());
            if (c.idleTimeoutMs() != null) td.put("idle_timeout_ms", c.idleTimeoutMs());
        } else {
            putText(td, "eagerness", c.eagerness());
        }
        if (c.createResponse() != null) td.put("create_response", c.createResponse());
        if (c.interruptResponse() != null) td.put("interrupt_response", c.interruptResponse());
        return td;
    }

    private static void toolChoice(ObjectNode body, String choice) {
        if (choice.isEmpty()) {
            return;
        }
        String[] parts = choice.split(":", 3);
        if (parts.length == 1) {
            body.put("tool_choice", choice);
        } else if (parts[0].equals("function")) {
            body.putObject("tool_choice").put("type", "function").put("name", parts[1]);
        } else {
            ObjectNode mcp = body.putObject("tool_choice").put("type", "mcp").put("server_label", parts[1]);
            if (parts.length == 3) {
                mcp.put("name", parts[2]);
            }
        }
    }

    private static void putText(ObjectNode n, String field, String value) {
        if (value != null && !value.isEmpty()) {
            n.put(field, value);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a tool is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** {@code conversation.item.create} with a function call's output, a string (usually JSON). */
    public static ObjectNode functionCallOutput(String callId, String output) {
        ObjectNode event = MAPPER.createObjectNode();
        event.put("type", "conversation.item.create");
        event.putObject("item").put("type", "function_call_output").put("call_id", callId).put("output", output);
        return event;
    }

    /** {@code response.create} with no parameters: the agent speaks from the conversation as it is. */
    public static ObjectNode responseCreate() {
        return MAPPER.createObjectNode().put("type", "response.create");
    }

    /**
     * {@code conversation.item.create} answering an MCP approval request. The spec's item requires an {@code id};
     * ours is derived from the request's, so an answer sent twice would be the same item.
     */
    public static ObjectNode mcpApproval(String approvalRequestId, boolean approve) {
        ObjectNode event = MAPPER.createObjectNode();
        event.put("type", "conversation.item.create");
        String suffix = approvalRequestId.replaceAll("[^A-Za-z0-9]", "");
        event.putObject("item").put("type", "mcp_approval_response")
                .put("id", "mcpr_" + suffix.substring(Math.max(0, suffix.length() - 24)))
                .put("approval_request_id", approvalRequestId).put("approve", approve);
        return event;
    }

    /** {@code response.create} asking the agent to say one sentence. */
    public static ObjectNode say(String sentence) {
        ObjectNode event = MAPPER.createObjectNode();
        event.put("type", "response.create");
        event.putObject("response").put("instructions", "Say to the user: " + sentence);
        return event;
    }

    /** {@code session.update} with new instructions (the rest of the session stays as it is). */
    public static ObjectNode updateInstructions(String instructions) {
        ObjectNode event = MAPPER.createObjectNode();
        event.put("type", "session.update");
        ObjectNode session = event.putObject("session");
        session.put("type", "realtime");
        session.put("instructions", instructions);
        return event;
    }

    /** {@code conversation.item.create} with a system message the caller does not hear directly. */
    public static ObjectNode systemNote(String text) {
        ObjectNode event = MAPPER.createObjectNode();
        event.put("type", "conversation.item.create");
        ObjectNode item = event.putObject("item");
        item.put("type", "message");
        item.put("role", "system");
        item.putArray("content").addObject().put("type", "input_text").put("text", text);
        return event;
    }

    /** {@code session.update} carrying only the changed fields; audio formats are never sent mid-call. */
    public static ObjectNode sessionUpdate(dev.switchboard.call.SessionChange change) {
        ObjectNode event = MAPPER.createObjectNode();
        event.put("type", "session.update");
        ObjectNode session = event.putObject("session");
        session.put("type", "realtime");
        change.instructions().ifPresent(i -> session.put("instructions", i));
        change.voice().ifPresent(v -> session.putObject("audio").putObject("output").put("voice", v));
        return event;
    }

    /** {@code response.cancel}: the response being generated stops. */
    public static ObjectNode cancelResponse() {
        return MAPPER.createObjectNode().put("type", "response.cancel");
    }

    /** {@code output_audio_buffer.clear}: what the caller would still hear is dropped (SIP and WebRTC only). */
    public static ObjectNode clearOutputAudio() {
        return MAPPER.createObjectNode().put("type", "output_audio_buffer.clear");
    }

    /** {@code response.create} with instructions for this one response. */
    public static ObjectNode respond(String instructions) {
        ObjectNode event = MAPPER.createObjectNode();
        event.put("type", "response.create");
        event.putObject("response").put("instructions", instructions);
        return event;
    }
}
