package dev.switchboard.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.call.ResponseUsage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerEventsTest {

    /** The 46 GA server event types (PROTOCOL.md section 5; openai-spec/realtime-schemas.json server_event_types). */
    static final List<String> GA_SERVER_EVENTS = List.of(
            "conversation.created", "conversation.item.created", "conversation.item.deleted",
            "conversation.item.input_audio_transcription.completed",
            "conversation.item.input_audio_transcription.delta",
            "conversation.item.input_audio_transcription.failed", "conversation.item.retrieved",
            "conversation.item.truncated", "error", "input_audio_buffer.cleared", "input_audio_buffer.committed",
            "input_audio_buffer.dtmf_event_received", "input_audio_buffer.speech_started",
            "input_audio_buffer.speech_stopped", "rate_limits.updated", "response.output_audio.delta",
            "response.output_audio.done", "response.output_audio_transcript.delta",
            "response.output_audio_transcript.done", "response.content_part.added", "response.content_part.done",
            "response.created", "response.done", "response.function_call_arguments.delta",
            "response.function_call_arguments.done", "response.output_item.added", "response.output_item.done",
            "response.output_text.delta", "response.output_text.done", "session.created", "session.updated",
            "output_audio_buffer.started", "output_audio_buffer.stopped", "output_audio_buffer.cleared",
            "conversation.item.added", "conversation.item.done", "input_audio_buffer.timeout_triggered",
            "conversation.item.input_audio_transcription.segment", "mcp_list_tools.in_progress",
            "mcp_list_tools.completed", "mcp_list_tools.failed", "response.mcp_call_arguments.delta",
            "response.mcp_call_arguments.done", "response.mcp_call.in_progress", "response.mcp_call.completed",
            "response.mcp_call.failed");

    /** The types the monitor acts on, with the record each becomes; the rest stay raw. */
    static final Map<String, Class<?>> TYPED = Map.ofEntries(
            Map.entry("session.created", ServerEvent.SessionChanged.class),
            Map.entry("session.updated", ServerEvent.SessionChanged.class),
            Map.entry("conversation.item.added", ServerEvent.ItemAdded.class),
            Map.entry("conversation.item.done", ServerEvent.ItemAdded.class),
            Map.entry("conversation.item.created", ServerEvent.ItemAdded.class),
            Map.entry("response.output_audio_transcript.delta", ServerEvent.AgentDelta.class),
            Map.entry("response.output_text.delta", ServerEvent.AgentDelta.class),
            Map.entry("response.output_audio_transcript.done", ServerEvent.AgentDone.class),
            Map.entry("response.output_text.done", ServerEvent.AgentDone.class),
            Map.entry("conversation.item.input_audio_transcription.delta", ServerEvent.CallerDelta.class),
            Map.entry("conversation.item.input_audio_transcription.completed", ServerEvent.CallerCompleted.class),
            Map.entry("conversation.item.input_audio_transcription.failed", ServerEvent.CallerFailed.class),
            Map.entry("conversation.item.input_audio_transcription.segment", ServerEvent.CallerSegment.class),
            Map.entry("input_audio_buffer.speech_started", ServerEvent.SpeechStarted.class),
            Map.entry("input_audio_buffer.speech_stopped", ServerEvent.SpeechStopped.class),
            Map.entry("input_audio_buffer.committed", ServerEvent.InputCommitted.class),
            Map.entry("input_audio_buffer.dtmf_event_received", ServerEvent.Dtmf.class),
            Map.entry("output_audio_buffer.started", ServerEvent.Playback.class),
            Map.entry("output_audio_buffer.stopped", ServerEvent.Playback.class),
            Map.entry("output_audio_buffer.cleared", ServerEvent.Playback.class),
            Map.entry("conversation.item.truncated", ServerEvent.ItemTruncated.class),
            Map.entry("response.created", ServerEvent.ResponseCreated.class),
            Map.entry("response.done", ServerEvent.ResponseDone.class),
            Map.entry("response.function_call_arguments.done", ServerEvent.FunctionCallDone.class),
            Map.entry("response.function_call_arguments.delta", ServerEvent.ToolEvent.class),
            Map.entry("mcp_list_tools.in_progress", ServerEvent.ToolEvent.class),
            Map.entry("mcp_list_tools.completed", ServerEvent.ToolEvent.class),
            Map.entry("mcp_list_tools.failed", ServerEvent.ToolEvent.class),
            Map.entry("response.mcp_call_arguments.delta", ServerEvent.ToolEvent.class),
            Map.entry("response.mcp_call_arguments.done", ServerEvent.ToolEvent.class),
            Map.entry("response.mcp_call.in_progress", ServerEvent.ToolEvent.class),
            Map.entry("response.mcp_call.completed", ServerEvent.ToolEvent.class),
            Map.entry("response.mcp_call.failed", ServerEvent.ToolEvent.class),
            Map.entry("error", ServerEvent.Error.class));

    @Test
    void everyGaServerEventIsParsedTypedOrRaw() {
        assertEquals(46, GA_SERVER_EVENTS.size());
        assertEquals(46, GA_SERVER_EVENTS.stream().distinct().count());
        for (String type : GA_SERVER_EVENTS) {
            // minimal frames: just the type, as a server might send for a field-less event
            ServerEvent event = ServerEvents.parse("{\"type\":\"" + type + "\",\"event_id\":\"event_1\"}");
            assertEquals(type, event.type());
            assertEquals("event_1", event.eventId());
            assertInstanceOf(TYPED.getOrDefault(type, ServerEvent.Other.class), event, type);
        }
        assertTrue(GA_SERVER_EVENTS.containsAll(TYPED.keySet()), "only GA names are typed");
    }

    @Test
    void betaEraNamesAreNoLongerTyped() {
        for (String beta : List.of("response.audio_transcript.delta", "response.audio_transcript.done",
                "response.text.delta", "response.text.done")) {
            assertTrue(!GA_SERVER_EVENTS.contains(beta));
            assertInstanceOf(ServerEvent.Other.class,
                    ServerEvents.parse("{\"type\":\"" + beta + "\",\"delta\":\"hi\",\"item_id\":\"i\"}"), beta);
        }
    }

    @Test
    void unknownAndBrokenFramesAreKeptRaw() {
        ServerEvent unknown = ServerEvents.parse("{\"type\":\"response.hologram.delta\",\"x\":1}");
        assertInstanceOf(ServerEvent.Other.class, unknown);
        assertEquals(1, ((ServerEvent.Other) unknown).json().path("x").asInt());
        assertEquals("invalid_json", ServerEvents.parse("{not json").type());
        assertEquals("invalid_json", ServerEvents.parse("[1,2]").type());
        assertEquals("(no type)", ServerEvents.parse("{\"event_id\":\"e\"}").type());
        // wrong field types must not throw either
        assertInstanceOf(ServerEvent.ResponseDone.class, ServerEvents.parse(
                "{\"type\":\"response.done\",\"response\":{\"usage\":\"lots\",\"status_details\":[]}}"));
    }

    @Test
    void responseDoneCarriesStatusReasonAndTheTokenClasses() {
        ServerEvent.ResponseDone done = (ServerEvent.ResponseDone) ServerEvents.parse("""
                {"type":"response.done","event_id":"e9","response":{"id":"resp_1","status":"cancelled",
                 "status_details":{"type":"cancelled","reason":"turn_detected"},
                 "usage":{"total_tokens":4400,"input_tokens":3000,"output_tokens":1500,
                  "input_token_details":{"text_tokens":1000,"audio_tokens":2000,"cached_tokens":900,
                   "cached_tokens_details":{"text_tokens":400,"audio_tokens":500}},
                  "output_token_details":{"text_tokens":300,"audio_tokens":1200}}}}""");
        assertEquals("resp_1", done.responseId());
        assertEquals("cancelled", done.status());
        assertEquals("turn_detected", done.statusReason());
        assertEquals(new ResponseUsage(1_000, 400, 2_000, 500, 300, 1_200), done.details());
        assertEquals(4400, done.usage().totalTokens());

        ServerEvent.ResponseDone failed = (ServerEvent.ResponseDone) ServerEvents.parse(
                "{\"type\":\"response.done\",\"response\":{\"id\":\"r\",\"status\":\"failed\","
                        + "\"status_details\":{\"type\":\"failed\",\"error\":{\"type\":\"server_error\",\"code\":\"rate_limit\"}}}}");
        assertEquals("rate_limit", failed.statusReason());
        assertNull(failed.usage());
        assertNull(failed.details());
    }

    @Test
    void sessionSegmentPlaybackAndTruncationFields() {
        ServerEvent.SessionChanged session = (ServerEvent.SessionChanged) ServerEvents.parse("""
                {"type":"session.created","session":{"type":"realtime","id":"sess_1","model":"gpt-realtime",
                 "instructions":"Be brief","audio":{"output":{"voice":{"id":"voice_123"}},
                 "input":{"transcription":{"model":"gpt-4o-transcribe-diarize"},"turn_detection":{"type":"server_vad"}}}}}""");
        assertTrue(session.created());
        assertEquals("gpt-realtime", session.info().model());
        assertEquals("voice_123", session.info().voice());
        assertEquals("gpt-4o-transcribe-diarize", session.info().transcriptionModel());
        assertEquals("server_vad", session.info().turnDetection());
        assertEquals("marin", ((ServerEvent.SessionChanged) ServerEvents.parse(
                "{\"type\":\"session.updated\",\"session\":{\"audio\":{\"output\":{\"voice\":\"marin\"}}}}")).info().voice());

        ServerEvent.CallerSegment segment = (ServerEvent.CallerSegment) ServerEvents.parse(
                "{\"type\":\"conversation.item.input_audio_transcription.segment\",\"item_id\":\"item_1\","
                        + "\"content_index\":0,\"id\":\"seg_1\",\"speaker\":\"B\",\"start\":1.5,\"end\":2.25,\"text\":\"hi\"}");
        assertEquals("B", segment.speaker());
        assertEquals(2.25, segment.end());

        ServerEvent.Playback cleared = (ServerEvent.Playback) ServerEvents.parse(
                "{\"type\":\"output_audio_buffer.cleared\",\"response_id\":\"resp_2\"}");
        assertEquals(ServerEvent.Playback.Kind.CLEARED, cleared.kind());
        assertEquals("resp_2", cleared.responseId());

        ServerEvent.ItemTruncated truncated = (ServerEvent.ItemTruncated) ServerEvents.parse(
                "{\"type\":\"conversation.item.truncated\",\"item_id\":\"item_9\",\"content_index\":0,\"audio_end_ms\":1340}");
        assertEquals(1340, truncated.audioEndMs());
    }
}
