package dev.switchboard.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.TurnDetection;

/** Builds the JSON bodies and client events of PROTOCOL.md from domain values. */
public final class SessionJson {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private SessionJson() {
    }

    /** The accept body: a realtime session config. */
    public static ObjectNode acceptBody(AcceptSettings s) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("type", "realtime");
        body.put("model", s.model());
        body.put("instructions", s.instructions());
        ObjectNode audio = body.putObject("audio");
        audio.putObject("output").put("voice", s.voice());
        ObjectNode input = audio.putObject("input");
        if (s.transcribesCaller()) {
            input.putObject("transcription").put("model", s.transcriptionModel());
        }
        if (s.turnDetection() == TurnDetection.NONE) {
            input.putNull("turn_detection");
        } else {
            input.putObject("turn_detection").put("type", s.turnDetection().wireName());
        }
        body.putArray("tools");
        body.put("tool_choice", "auto");
        body.put("max_output_tokens", "inf");
        body.put("tracing", "auto");
        return body;
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
