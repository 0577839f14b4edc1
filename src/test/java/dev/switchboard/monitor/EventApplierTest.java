package dev.switchboard.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.AgentReply;
import dev.switchboard.call.Call;
import dev.switchboard.call.CallWarning;
import dev.switchboard.call.ManualClock;
import dev.switchboard.call.Milestone;
import dev.switchboard.call.TranscriptEntry;
import dev.switchboard.call.TurnStats;
import dev.switchboard.config.PriceFile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sideband frames as the server sends them, through the applier into the call's turn log and health. */
class EventApplierTest {

    private static final Instant START = Instant.parse("2026-12-01T09:00:00Z");

    private ManualClock clock;
    private Call call;
    private EventApplier applier;

    @BeforeEach
    void acceptedCall() {
        clock = new ManualClock(START);
        call = new Call("rtc_e", List.of(), clock);
        call.useSettings(AcceptSettings.defaults());
        call.turns().usePrices(PriceFile.bundled());
        call.mark(Milestone.ACCEPT_ANSWERED);
        applier = new EventApplier(call, clock);
    }

    /** Single quotes stand for double quotes, to keep the frames readable. */
    private void at(long ms, String frame) {
        clock.set(START.plusMillis(ms));
        applier.apply(frame.replace('\'', '"'));
    }

    @Test
    void aGreetingAndTwoTurnsFromFrames() {
        at(200, "{'type':'session.created','event_id':'e1','session':{'model':'gpt-realtime','audio':{'output':{'voice':'marin'}}}}");
        at(300, "{'type':'response.created','event_id':'e2','response':{'id':'resp_g'}}");
        at(900, "{'type':'response.output_audio_transcript.delta','event_id':'e3','response_id':'resp_g','item_id':'item_g','delta':'Hi, '}");
        at(950, "{'type':'output_audio_buffer.started','event_id':'e4','response_id':'resp_g'}");
        at(1_000, "{'type':'response.output_audio_transcript.delta','event_id':'e5','response_id':'resp_g','item_id':'item_g','delta':'how can I help?'}");
        at(1_100, "{'type':'response.done','event_id':'e6','response':{'id':'resp_g','status':'completed','usage':{"
                + "'input_token_details':{'text_tokens':1000,'audio_tokens':2000,'cached_tokens_details':{'text_tokens':400,'audio_tokens':500}},"
                + "'output_token_details':{'text_tokens':300,'audio_tokens':1200}}}}");
        at(3_000, "{'type':'output_audio_buffer.stopped','event_id':'e7','response_id':'resp_g'}");
        // turn 1
        at(4_000, "{'type':'input_audio_buffer.speech_started','event_id':'e8','item_id':'item_c1','audio_start_ms':3900}");
        at(6_000, "{'type':'input_audio_buffer.speech_stopped','event_id':'e9','item_id':'item_c1','audio_end_ms':5900}");
        at(6_010, "{'type':'input_audio_buffer.committed','event_id':'e10','item_id':'item_c1'}");
        at(6_100, "{'type':'response.created','event_id':'e11','response':{'id':'resp_1'}}");
        at(6_450, "{'type':'output_audio_buffer.started','event_id':'e12','response_id':'resp_1'}");
        at(6_500, "{'type':'response.output_audio_transcript.delta','event_id':'e13','response_id':'resp_1','item_id':'item_a1','delta':'Sure.'}");
        at(8_000, "{'type':'output_audio_buffer.stopped','event_id':'e13b','response_id':'resp_1'}");
        // turn 2
        at(9_000, "{'type':'input_audio_buffer.speech_started','event_id':'e14','item_id':'item_c2'}");
        at(10_000, "{'type':'input_audio_buffer.speech_stopped','event_id':'e15','item_id':'item_c2'}");
        at(10_100, "{'type':'response.created','event_id':'e16','response':{'id':'resp_2'}}");
        at(11_200, "{'type':'response.output_text.delta','event_id':'e17','response_id':'resp_2','item_id':'item_a2','delta':'Done.'}");
        // a replayed frame after a reconnect changes nothing
        at(12_000, "{'type':'response.created','event_id':'e16','response':{'id':'resp_2'}}");

        TurnStats stats = call.turns().stats();
        assertEquals(2, stats.turns());
        assertEquals(Optional.of(Duration.ofMillis(900)), stats.greetingLatency());
        assertEquals(Duration.ofMillis(450), call.turns().turns().get(0).latency());
        assertEquals(Duration.ofMillis(1_200), call.turns().turns().get(1).latency());
        assertEquals(Optional.of(Duration.ofMillis(450)), stats.p50());
        assertEquals(Optional.of(Duration.ofMillis(1_200)), stats.max());
        // gpt-realtime: 600*4 + 400*0.4 + 1500*32 + 500*0.4 + 300*16 + 1200*64 = 132360 per 1M tokens
        assertEquals(0.13236, stats.costUsd().orElseThrow(), 1e-12);
        assertEquals(Optional.of(Duration.ofMillis(1_550)), call.turns().turns().get(0).speaking());
        assertEquals(Optional.of(Duration.ofMillis(450)), call.turns().reply("item_a1").orElseThrow().latency());
        assertEquals("marin", call.health().session().orElseThrow().voice());
        assertTrue(call.health().warnings().isEmpty());
    }

    @Test
    void aBargeInFromFramesMarksTheAgentLineWithTheUnheardPart() {
        at(100, "{'type':'response.created','response':{'id':'resp_1'}}");
        at(200, "{'type':'output_audio_buffer.started','response_id':'resp_1'}");
        at(300, "{'type':'response.output_audio_transcript.delta','response_id':'resp_1','item_id':'item_a','delta':'one two three four'}");
        at(400, "{'type':'response.done','response':{'id':'resp_1','status':'completed','usage':{'output_token_details':{'audio_tokens':20}}}}");
        at(700, "{'type':'input_audio_buffer.speech_started','item_id':'item_c','audio_start_ms':650}");
        at(710, "{'type':'output_audio_buffer.cleared','response_id':'resp_1'}");
        at(720, "{'type':'conversation.item.truncated','item_id':'item_a','content_index':0,'audio_end_ms':500}");

        AgentReply reply = call.turns().reply("item_a").orElseThrow();
        assertTrue(reply.interrupted());
        assertEquals("one two ", reply.heard());
        assertEquals("three four", reply.unheard());
        assertEquals(1, call.turns().stats().interruptions());
        assertEquals("one two three four", call.utteranceText("item_a"), "the transcript keeps what was generated");
    }

    @Test
    void failuresAndErrorsBecomeWarnings() {
        at(100, "{'type':'conversation.item.input_audio_transcription.failed','item_id':'item_c',"
                + "'error':{'type':'transcription_error','message':'Audio file is too short'}}");
        at(200, "{'type':'error','error':{'type':'invalid_request_error','code':'missing_required_parameter',"
                + "'message':'Missing required parameter: session.type'}}");
        at(300, "{'type':'response.created','response':{'id':'resp_f'}}");
        at(350, "{'type':'response.output_audio_transcript.delta','response_id':'resp_f','item_id':'item_f','delta':'Let'}");
        at(400, "{'type':'response.done','response':{'id':'resp_f','status':'failed',"
                + "'status_details':{'type':'failed','error':{'type':'server_error','code':'internal'}}}}");
        at(500, "{'type':'response.created','response':{'id':'resp_x'}}");
        at(600, "{'type':'response.done','response':{'id':'resp_x','status':'cancelled','status_details':{'reason':'client_cancelled'}}}");

        List<CallWarning> warnings = call.health().warnings();
        assertEquals(List.of(CallWarning.Kind.TRANSCRIPTION_FAILED, CallWarning.Kind.ERROR, CallWarning.Kind.RESPONSE_FAILED),
                warnings.stream().map(CallWarning::kind).toList(), "a cancelled response is no health problem");
        assertTrue(warnings.get(0).text().contains("transcription") && warnings.get(0).text().contains("Audio file is too short"));
        assertTrue(warnings.get(1).text().contains("Missing required parameter: session.type"));
        assertTrue(warnings.get(2).text().contains("failed (internal)"), warnings.get(2).text());
        AgentReply failed = call.turns().reply("item_f").orElseThrow();
        assertEquals(Optional.of("failed"), failed.status());
        assertEquals(Optional.of("internal"), failed.statusReason());
        // the transcript still shows the failed caller line as before
        TranscriptEntry caller = call.transcript().stream().filter(e -> "item_c".equals(e.key())).findFirst().orElseThrow();
        assertEquals(TranscriptEntry.Status.FAILED, caller.status());
    }

    @Test
    void diarizedSegmentsAndUnknownEventsNeverBreakTheCall() {
        at(100, "{'type':'conversation.item.input_audio_transcription.segment','item_id':'item_c','id':'seg_1',"
                + "'speaker':'A','start':0.0,'end':1.0,'text':'Hello'}");
        at(200, "{'type':'response.hologram.delta','what':'?'}");
        at(300, "{'type':'rate_limits.updated','rate_limits':[]}");
        assertEquals("A", call.turns().segments("item_c").get(0).speaker());
        assertEquals(3, call.eventCount());
        assertFalse(call.health().sessionStarted());
    }
}
