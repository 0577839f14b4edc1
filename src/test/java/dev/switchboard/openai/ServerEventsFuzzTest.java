package dev.switchboard.openai;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any socket frame becomes some ServerEvent (unknown or odd ones kept as Other), never an exception. */
class ServerEventsFuzzTest {

    private static final String[] TYPES = {"session.created", "session.updated", "conversation.item.added",
            "conversation.item.done", "conversation.item.created", "response.output_audio_transcript.delta",
            "response.output_audio_transcript.done", "response.output_text.delta", "response.output_text.done",
            "conversation.item.input_audio_transcription.delta", "conversation.item.input_audio_transcription.completed",
            "conversation.item.input_audio_transcription.failed", "conversation.item.truncated",
            "input_audio_buffer.speech_started", "input_audio_buffer.speech_stopped",
            "input_audio_buffer.dtmf_event_received", "output_audio_buffer.started", "output_audio_buffer.cleared",
            "response.created", "response.done", "response.function_call_arguments.done", "error",
            "rate_limits.updated", "mcp_approval_request", "unknown.type", ""};

    @Property(tries = 1500)
    void anyTextIsAnEvent(@ForAll String frame) {
        assertNotNull(ServerEvents.parse(frame));
    }

    @Property(tries = 2000)
    void knownTypesWithAnyFieldsAreEvents(@ForAll("frames") String frame) {
        assertNotNull(ServerEvents.parse(frame));
    }

    @Provide
    Arbitrary<String> frames() {
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.of("null", "1", "-1", "1.5e300", "true", "\"\"", "\"x\"", "[]", "{}", "[1,\"a\",null]",
                        "{\"id\":null}", "{\"id\":1,\"role\":[],\"type\":{}}", "{\"usage\":{\"total_tokens\":\"many\"}}",
                        "{\"error\":\"boom\"}", "{\"response\":{\"usage\":null,\"status\":5}}", "9223372036854775808"),
                Arbitraries.strings().alpha().ofMaxLength(10).map(s -> "\"" + s + "\""));
        Arbitrary<String> field = Combinators.combine(Arbitraries.of("item", "item_id", "delta", "transcript", "response",
                        "session", "error", "event", "previous_item_id", "audio_end_ms", "usage", "rate_limits",
                        "content_index", "call_id", "name", "arguments", "received_at", "event_id"), value)
                .as((k, v) -> "\"" + k + "\":" + v);
        return Combinators.combine(Arbitraries.of(TYPES), field.list().ofMaxSize(6))
                .as((type, fields) -> "{\"type\":\"" + type + "\"" + (fields.isEmpty() ? "" : "," + String.join(",", fields)) + "}");
    }
}
