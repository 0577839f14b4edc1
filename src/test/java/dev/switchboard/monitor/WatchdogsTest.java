package dev.switchboard.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.Call;
import dev.switchboard.call.CallRegistry;
import dev.switchboard.call.CallState;
import dev.switchboard.call.ManualClock;
import dev.switchboard.call.Milestone;
import dev.switchboard.call.ModelPrice;
import dev.switchboard.call.PriceTable;
import dev.switchboard.call.ResponseUsage;
import dev.switchboard.call.SessionChange;
import dev.switchboard.call.WatchdogLimits;
import dev.switchboard.openai.SessionJson;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The cost cap: wrap up once, hang up after the next response.done; and the steering events' wire shape. */
class WatchdogsTest {


    private final RecordingActions actions = new RecordingActions();
    private final List<String> done = actions.done;

    @Test
    void passingTheCapWrapsUpOnceThenHangsUpAfterTheNextResponse() {
        ManualClock clock = new ManualClock(Instant.parse("2026-12-01T10:00:00Z"));
        CallRegistry registry = new CallRegistry();
        try (Watchdogs watchdogs = new Watchdogs(actions,
                c -> WatchdogLimits.DEFAULTS.withCostCap(OptionalDouble.of(0.01)))) {
            watchdogs.attach(registry);
            Call call = new Call("rtc_cap", List.of(), clock);
            registry.add(call);
            call.useSettings(AcceptSettings.defaults());
            call.turns().usePrices(new PriceTable(Map.of("gpt-realtime", new ModelPrice(4, 0.4, 16, 32, 0.4, 64))));
            call.moveTo(CallState.ACCEPTING, "");
            call.mark(Milestone.ACCEPT_ANSWERED);
            call.moveTo(CallState.ACTIVE, "");

            call.turns().responseCreated("r1");
            call.turns().responseDone("r1", "completed", null, new ResponseUsage(0, 0, 0, 0, 0, 100)); // $0.0064
            assertEquals(List.of(), done);
            call.turns().responseCreated("r2");
            call.turns().responseDone("r2", "completed", null, new ResponseUsage(0, 0, 0, 0, 0, 100)); // $0.0128
            assertEquals(List.of("respond rtc_cap: " + Watchdogs.WRAP_UP), done, "asked to wrap up, not hung up yet");
            assertTrue(call.alerts().costCapReached());
            assertTrue(call.transcript().stream().anyMatch(e -> e.text().startsWith("cost cap reached")));

            call.turns().responseCreated("r3");
            assertEquals(1, done.size(), "the wrap-up is still being said");
            call.turns().responseDone("r3", "completed", null, new ResponseUsage(0, 0, 0, 0, 0, 60));
            assertEquals(List.of("respond rtc_cap: " + Watchdogs.WRAP_UP, "hangup rtc_cap"), done);
            assertEquals(CallState.ENDED, call.state());
        }
    }

    @Test
    void aSessionUpdateCarriesOnlyTheChangedFieldsAndNoAudioFormat() {
        SessionChange voiceOnly = SessionChange.between(AcceptSettings.defaults(), null, "cedar", false);
        ObjectNode update = SessionJson.sessionUpdate(voiceOnly);
        assertEquals("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"audio\":{\"output\":"
                + "{\"voice\":\"cedar\"}}}}", update.toString());
        ObjectNode instructions = SessionJson.sessionUpdate(SessionChange.between(AcceptSettings.defaults(),
                "Be brief.", AcceptSettings.defaults().voice(), true));
        assertFalse(instructions.path("session").has("audio"), instructions.toString());
        assertEquals(List.of("response.cancel", "output_audio_buffer.clear"),
                Steering.stopTalking().stream().map(e -> e.path("type").asText()).toList());
        List<ObjectNode> whisper = Steering.whisper("  The caller is a VIP.  ");
        assertEquals(1, whisper.size(), "no response.create");
        assertEquals("system", whisper.get(0).path("item").path("role").asText());
        assertEquals("The caller is a VIP.", whisper.get(0).path("item").path("content").get(0).path("text").asText());
    }
}
