package dev.switchboard.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TurnLogTest {

    private static final ModelPrice REALTIME = new ModelPrice(4, 0.4, 16, 32, 0.4, 64);

    private ManualClock clock;
    private Call call;
    private TurnLog turns;

    @BeforeEach
    void answeredCall() {
        clock = new ManualClock(Instant.parse("2026-12-01T10:00:00Z"));
        call = new Call("rtc_t", List.of(), clock);
        call.useSettings(AcceptSettings.defaults());
        call.mark(Milestone.ACCEPT_ANSWERED);
        turns = call.turns();
        turns.usePrices(new PriceTable(Map.of("gpt-realtime", REALTIME)));
    }

    private void at(long millisSinceAccept) {
        clock.set(Instant.parse("2026-12-01T10:00:00Z").plusMillis(millisSinceAccept));
    }

    private void agentSays(String responseId, String itemId, String text) {
        turns.agentOutput(responseId, itemId);
        call.appendDelta(itemId, Speaker.AGENT, text);
    }

    @Test
    void greetingAndTurnLatenciesAreMeasuredFromTheMonitorsReceiveTimes() {
        at(300);
        turns.responseCreated("r0");
        at(800);
        agentSays("r0", "a0", "Thank you for calling");
        // turn 1: playback starts before the first transcript delta, so it counts
        at(3_000);
        turns.callerSpeechStarted("c1");
        at(5_000);
        turns.callerSpeechStopped("c1");
        at(5_200);
        turns.responseCreated("r1");
        at(5_600);
        turns.audioStarted("r1");
        at(5_700);
        agentSays("r1", "a1", "Sure.");
        at(7_600);
        turns.audioStopped("r1");
        // turn 2
        at(9_000);
        turns.callerSpeechStarted("c2");
        at(10_000);
        turns.callerSpeechStopped("c2");
        turns.responseCreated("r2");
        at(10_950);
        agentSays("r2", "a2", "Yes.");
        // turn 3: a function call, then the follow-up response speaks
        at(19_000);
        turns.callerSpeechStarted("c3");
        at(20_000);
        turns.callerSpeechStopped("c3");
        at(20_100);
        turns.responseCreated("r3");
        at(20_400);
        turns.functionCallDone("r3");
        turns.responseDone("r3", "completed", null, ResponseUsage.NONE);
        at(21_400);
        turns.responseCreated("r4");
        at(21_700);
        agentSays("r4", "a4", "Your order ships Monday.");

        List<Turn> list = turns.turns();
        assertEquals(3, list.size());
        assertEquals(Duration.ofMillis(600), list.get(0).latency());
        assertEquals(Optional.of(Duration.ofMillis(2_000)), list.get(0).speaking());
        assertEquals(Optional.empty(), list.get(0).toolTime());
        assertEquals("c1", list.get(0).callerItemId());
        assertEquals("a1", list.get(0).agentItemId());
        assertEquals(Duration.ofMillis(950), list.get(1).latency());
        assertEquals(Duration.ofMillis(1_700), list.get(2).latency());
        assertEquals(Optional.of(Duration.ofMillis(1_000)), list.get(2).toolTime());
        assertEquals(List.of("r3", "r4"), list.get(2).responseIds());

        TurnStats stats = turns.stats();
        assertEquals(3, stats.turns());
        assertEquals(Optional.of(Duration.ofMillis(800)), stats.greetingLatency());
        assertEquals(Optional.of(Duration.ofMillis(950)), stats.p50());
        assertEquals(Optional.of(Duration.ofMillis(1_700)), stats.p95());
        assertEquals(Optional.of(Duration.ofMillis(1_700)), stats.max());

        // the badges: the first words of each answer carry its latency
        assertEquals(Optional.of(Duration.ofMillis(800)), turns.reply("a0").orElseThrow().latency());
        assertTrue(turns.reply("a0").orElseThrow().greeting());
        assertEquals(Optional.of(Duration.ofMillis(1_700)), turns.reply("a4").orElseThrow().latency());
    }

    @Test
    void callerSpeechWithoutAnAnswerIsNotATurnAndTheGreetingIsNone() {
        turns.callerSpeechStarted("c1");
        at(1_000);
        turns.callerSpeechStopped("c1");
        turns.responseCreated("r1");
        // the caller goes on talking: the server cancels r1 before it said anything
        at(1_200);
        turns.callerSpeechStarted("c2");
        turns.responseDone("r1", "cancelled", "turn_detected", ResponseUsage.NONE);
        at(2_000);
        turns.callerSpeechStopped("c2");
        turns.responseCreated("r2");
        at(2_400);
        agentSays("r2", "a2", "Got it.");

        assertEquals(1, turns.turns().size());
        assertEquals("c2", turns.turns().get(0).callerItemId());
        assertEquals(Duration.ofMillis(400), turns.turns().get(0).latency());
        assertEquals(Optional.empty(), turns.stats().greetingLatency(), "the first response answered the caller");
    }

    @Test
    void noTurnsMeansNoPercentiles() {
        TurnStats stats = turns.stats();
        assertEquals(0, stats.turns());
        assertEquals(Optional.empty(), stats.p50());
        assertEquals(Optional.empty(), stats.max());
        assertEquals(0.0, stats.costUsd().orElseThrow(), "priced model, nothing spent yet");
    }

    @Test
    void costCountsCachedAndUncachedTokensOfEveryResponseIncludingCancelledOnes() {
        // text 1000 (400 cached), audio 2000 (500 cached), out text 300, audio 1200:
        // 600*4 + 400*0.4 + 1500*32 + 500*0.4 + 300*16 + 1200*64 = 132360 per 1M tokens
        ResponseUsage usage = new ResponseUsage(1_000, 400, 2_000, 500, 300, 1_200);
        assertEquals(0.13236, REALTIME.costUsd(usage), 1e-12);

        turns.responseCreated("r1");
        agentSays("r1", "a1", "Hello");
        turns.responseDone("r1", "completed", null, usage);
        // cancelled: 10 uncached audio in, 50 audio out = 10*32 + 50*64 = 3520 per 1M
        turns.responseDone("r2", "cancelled", "turn_detected", new ResponseUsage(0, 0, 10, 0, 0, 50));

        assertEquals(0.13236 + 0.00352, turns.stats().costUsd().orElseThrow(), 1e-12);
        assertEquals(2, turns.stats().responses());
        assertEquals(0.13236, turns.reply("a1").orElseThrow().responseCostUsd().orElseThrow(), 1e-12);
    }

    @Test
    void anUnknownModelHasUnknownCostNotZero() {
        call.useSettings(AcceptSettings.defaults().withModel("gpt-realtime-next"));
        turns.responseDone("r1", "completed", null, new ResponseUsage(10, 0, 10, 0, 10, 10));
        assertTrue(turns.stats().costUsd().isEmpty());
    }

    @Test
    void theModelTheServerReportsIsTheOnePriced() {
        turns.usePrices(new PriceTable(Map.of("gpt-realtime", REALTIME,
                "gpt-realtime-mini", new ModelPrice(0.6, 0.06, 2.4, 10, 0.3, 20))));
        call.health().session(new SessionInfo("sess_1", "gpt-realtime-mini-2025-12-15", "marin", null, null, null), true);
        turns.responseDone("r1", "completed", null, new ResponseUsage(0, 0, 1_000_000, 0, 0, 0));
        assertEquals(10.0, turns.stats().costUsd().orElseThrow(), 1e-9, "dated snapshot priced like its model");
    }

    @Test
    void aBargeInMarksTheReplyInterruptedOnceWithWhatTheCallerHeard() {
        turns.responseCreated("r1");
        turns.audioStarted("r1");
        agentSays("r1", "a1", "one two three four");
        turns.responseDone("r1", "completed", null, new ResponseUsage(0, 0, 0, 0, 0, 20)); // 20 tokens ≈ 1000 ms
        turns.callerSpeechStarted("c1");
        turns.audioCleared("r1");
        turns.itemTruncated("a1", 500);

        AgentReply reply = turns.reply("a1").orElseThrow();
        assertTrue(reply.interrupted());
        assertEquals(500, reply.audioEndMs().orElseThrow());
        assertEquals("one two ", reply.heard());
        assertEquals("three four", reply.unheard());
        assertEquals(1, turns.stats().interruptions(), "three signals, one interruption");
    }

    @Test
    void speechWhileTheAgentIsSilentIsNoInterruption() {
        turns.responseCreated("r1");
        turns.audioStarted("r1");
        agentSays("r1", "a1", "Hello there.");
        turns.audioStopped("r1");
        turns.callerSpeechStarted("c1");
        assertFalse(turns.reply("a1").orElseThrow().interrupted());
        assertEquals(0, turns.stats().interruptions());
    }

    @Test
    void heardSplitIsProportionalAndKeepsWholeWords() {
        assertEquals(new HeardSplit("one two ", "three four"), HeardSplit.of("one two three four", 500, 1_000));
        assertEquals(new HeardSplit("one two ", "three four"), HeardSplit.of("one two three four", 440, 1_000));
        assertEquals(HeardSplit.all("all of it"), HeardSplit.of("all of it", 5_000, 1_000));
        assertEquals(new HeardSplit("", "nothing"), HeardSplit.of("nothing", 0, 1_000));
        // without a length, the text at ~65 ms a character: 9 chars ≈ 585 ms
        assertEquals(new HeardSplit("abcd ", "efgh"), HeardSplit.of("abcd efgh", 330, 0));
    }

    @Test
    void responseStatusIsKeptOnTheAgentEntry() {
        turns.responseCreated("r1");
        agentSays("r1", "a1", "Let me");
        turns.responseDone("r1", "incomplete", "max_output_tokens", ResponseUsage.NONE);
        AgentReply reply = turns.reply("a1").orElseThrow();
        assertEquals(Optional.of("incomplete"), reply.status());
        assertEquals(Optional.of("max_output_tokens"), reply.statusReason());
        assertTrue(reply.endedAbnormally());
    }

    @Test
    void diarizedSegmentsGiveTheCallerLinesSpeakers() {
        turns.speakerSegment(new SpeakerSegment("c1", "seg_1", "A", 0.0, 1.2, "Hi"));
        turns.speakerSegment(new SpeakerSegment("c1", "seg_2", "B", 1.3, 2.0, "hello"));
        assertEquals(List.of("A", "B"), turns.segments("c1").stream().map(SpeakerSegment::speaker).toList());
        assertEquals(List.of(), turns.segments("c2"));
    }

    @Test
    void changesAreAnnouncedAsTurnsAndRepeatedDeltasAreNotNews() {
        List<CallChange> changes = new ArrayList<>();
        turns.responseCreated("r1");
        call.addListener((c, change) -> changes.add(change));
        turns.agentOutput("r1", "a1");
        turns.agentOutput("r1", "a1");
        turns.agentOutput("r1", "a1");
        assertEquals(List.of(CallChange.TURNS), changes);
    }
}
