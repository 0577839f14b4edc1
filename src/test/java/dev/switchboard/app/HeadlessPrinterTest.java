package dev.switchboard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.Call;
import dev.switchboard.call.CallState;
import dev.switchboard.call.ManualClock;
import dev.switchboard.call.Milestone;
import dev.switchboard.call.ModelPrice;
import dev.switchboard.call.PriceTable;
import dev.switchboard.call.ResponseUsage;
import dev.switchboard.call.Speaker;
import dev.switchboard.call.TurnStats;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class HeadlessPrinterTest {

    @Test
    void summaryLineHasOneShapeAndUnknownsPrintMinusOne() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY); // a decimal comma must not leak in
        try {
            TurnStats known = new TurnStats(3, Optional.of(Duration.ofMillis(812)), Optional.of(Duration.ofMillis(950)),
                    Optional.of(Duration.ofMillis(1_700)), Optional.of(Duration.ofMillis(1_700)), 1, 5, OptionalDouble.of(0.13236));
            assertEquals("[rtc_1] summary: turns=3 greeting_ms=812 turn_p50_ms=950 turn_max_ms=1700 interruptions=1"
                    + " cost_usd=0.1324", HeadlessPrinter.summaryLine("rtc_1", known));
            TurnStats unknown = new TurnStats(0, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    0, 0, OptionalDouble.empty());
            assertEquals("[rtc_2] summary: turns=0 greeting_ms=-1 turn_p50_ms=-1 turn_max_ms=-1 interruptions=0"
                    + " cost_usd=-1.0000", HeadlessPrinter.summaryLine("rtc_2", unknown));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void warningsPrintWhenTheyHappenAndTheSummaryWhenTheCallEnds() {
        ManualClock clock = new ManualClock(Instant.parse("2026-12-01T10:00:00Z"));
        Call call = new Call("rtc_p", List.of(), clock);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        HeadlessPrinter printer = new HeadlessPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        printer.follow(call);

        call.useSettings(AcceptSettings.defaults());
        call.turns().usePrices(new PriceTable(Map.of("gpt-realtime", new ModelPrice(4, 0.4, 16, 32, 0.4, 64))));
        call.moveTo(CallState.ACCEPTING, "");
        call.mark(Milestone.ACCEPT_ANSWERED);
        call.moveTo(CallState.ACTIVE, "");
        clock.advanceMillis(700);
        call.turns().responseCreated("r0");
        call.turns().agentOutput("r0", "a0");
        call.appendDelta("a0", Speaker.AGENT, "Hello");
        call.turns().responseDone("r0", "completed", null, new ResponseUsage(0, 0, 0, 0, 0, 1_000));
        call.health().transcriptionFailed("item_c", "Audio file is too short");
        call.moveTo(CallState.ENDED, "caller hung up");
        printer.awaitPrinted();

        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\\R");
        String out = String.join("\n", lines);
        assertTrue(out.contains("[rtc_p] warning: caller transcription failed: Audio file is too short"), out);
        assertTrue(out.contains("[rtc_p] agent: Hello"), out);
        assertEquals("[rtc_p] summary: turns=0 greeting_ms=700 turn_p50_ms=-1 turn_max_ms=-1 interruptions=0"
                + " cost_usd=0.0640", lines[lines.length - 1], out);
        call.moveTo(CallState.ENDED, "again");
        printer.awaitPrinted();
        assertEquals(1, bytes.toString(StandardCharsets.UTF_8).split("summary:", -1).length - 1, "one summary per call");
    }
}
