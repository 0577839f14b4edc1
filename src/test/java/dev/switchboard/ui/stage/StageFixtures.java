package dev.switchboard.ui.stage;

import dev.switchboard.call.Call;
import dev.switchboard.call.ManualClock;
import dev.switchboard.call.ModelPrice;
import dev.switchboard.call.PriceTable;
import dev.switchboard.call.ResponseUsage;
import java.time.Duration;
import java.util.Map;

/** Turns, latencies and a price on an answered demo call, so the stage's badges show real numbers. */
final class StageFixtures {

    static final PriceTable PRICES = new PriceTable(Map.of("gpt-realtime",
            new ModelPrice(4.0, 0.4, 16.0, 32.0, 0.4, 64.0)));

    private StageFixtures() {
    }

    /** A greeting 0.84 s after the answer, then one caller turn answered in 0.62 s, priced as gpt-realtime. */
    static void instrument(Call call, ManualClock clock) {
        var turns = call.turns();
        turns.usePrices(PRICES);
        turns.responseCreated("resp_greeting");
        clock.advance(Duration.ofMillis(840));
        turns.agentOutput("resp_greeting", "agent-greeting");
        turns.responseDone("resp_greeting", "completed", null, new ResponseUsage(900, 0, 0, 0, 40, 300));
        turns.callerSpeechStarted("caller-1");
        clock.advance(Duration.ofSeconds(3));
        turns.callerSpeechStopped("caller-1");
        turns.responseCreated("resp_1");
        clock.advance(Duration.ofMillis(620));
        turns.agentOutput("resp_1", "agent-1");
        turns.responseDone("resp_1", "completed", null, new ResponseUsage(1400, 600, 2200, 0, 60, 900));
    }
}
