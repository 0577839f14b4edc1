package dev.switchboard.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.call.Call;
import dev.switchboard.call.ManualClock;
import dev.switchboard.call.RawEvent;
import dev.switchboard.config.PriceFile;
import dev.switchboard.history.CallAnalysis;
import dev.switchboard.history.Exporter;
import dev.switchboard.history.ProfileRef;
import dev.switchboard.history.RubricScore;
import dev.switchboard.history.StoredCall;
import dev.switchboard.monitor.ReportWriter;
import dev.switchboard.store.CallRecorder;
import dev.switchboard.store.Golden;
import dev.switchboard.store.HistoryStore;
import dev.switchboard.store.ScriptedCall;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The call report: golden-tested, self-contained (no URL of any kind), no key, presenter masking. */
class CallReportTest {

    static final String API_KEY = "sk-proj-ReportTestKey0123456789abcdef";
    /** Any scheme://, src=, href= or url( would load or link something. */
    static final Pattern EXTERNAL = Pattern.compile("(?i)[a-z][a-z0-9+.-]*://|\\bsrc\\s*=|\\bhref\\s*=|url\\(|@import");

    @TempDir
    Path dir;
    private HistoryStore store;
    private ReportWriter writer;

    @BeforeEach
    void recordACall() {
        ManualClock clock = new ManualClock(ScriptedCall.START);
        store = HistoryStore.open(dir.resolve("h.db"));
        try (CallRecorder recorder = new CallRecorder(store, clock)) {
            Call live = ScriptedCall.newCall("rtc_report", clock);
            recorder.record(live);
            recorder.tagProfile("rtc_report", new ProfileRef("Support EN", 1));
            ScriptedCall.event(live, clock, RawEvent.Direction.OUT, "session.update",
                    "\"note\":\"key " + API_KEY + " see https://example.com/x\"");
            ScriptedCall.playOn(live, clock, false);
            answeredTurn(live, clock);
            live.moveTo(dev.switchboard.call.CallState.ENDED, "caller hung up");
        }
        store.profiles().create("Support EN", dev.switchboard.call.AcceptSettings.defaults());
        store.analyses().save(new CallAnalysis("rtc_report", CallAnalysis.Status.DONE, "gpt-4.1-mini",
                "The caller was charged twice; call +15551230001 back. See http://evil.example/x.", "resolved",
                List.of(new RubricScore("Understood", 5, "Got it at once."), new RubricScore("Polite", 4, "Friendly.")),
                "", ScriptedCall.START));
        writer = new ReportWriter(store, PriceFile.bundled(), () -> List.of(API_KEY));
    }

    /** One caller turn answered by the agent, as the server's events tell it (the replay rebuilds it from them). */
    private static void answeredTurn(Call live, ManualClock clock) {
        ev(live, clock, "input_audio_buffer.speech_started", "\"item_id\":\"item_c3\",\"audio_start_ms\":100");
        live.itemAdded("item_c3", dev.switchboard.call.Speaker.CALLER, null);
        clock.advanceMillis(1800);
        ev(live, clock, "input_audio_buffer.speech_stopped", "\"item_id\":\"item_c3\",\"audio_end_ms\":1900");
        live.completeUtterance("item_c3", dev.switchboard.call.Speaker.CALLER, "Can you text me at +1 555 123 0001?");
        clock.advanceMillis(650);
        ev(live, clock, "response.created", "\"response\":{\"id\":\"resp_3\"}");
        clock.advanceMillis(250);
        ev(live, clock, "response.output_audio_transcript.delta",
                "\"response_id\":\"resp_3\",\"item_id\":\"item_a3\",\"delta\":\"Sure, \"");
        live.itemAdded("item_a3", dev.switchboard.call.Speaker.AGENT, "item_c3");
        ev(live, clock, "output_audio_buffer.started", "\"response_id\":\"resp_3\"");
        clock.advanceMillis(1400);
        ev(live, clock, "output_audio_buffer.stopped", "\"response_id\":\"resp_3\"");
        live.completeUtterance("item_a3", dev.switchboard.call.Speaker.AGENT, "Sure, I will send a text now.");
        ev(live, clock, "response.done", "\"response\":{\"id\":\"resp_3\",\"status\":\"completed\","
                + "\"usage\":{\"input_tokens\":200,\"output_tokens\":50,\"total_tokens\":250}}");
        clock.advanceMillis(500);
    }

    private static void ev(Call live, ManualClock clock, String type, String extra) {
        ScriptedCall.event(live, clock, RawEvent.Direction.IN, type, extra);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private String html(boolean presenter) {
        return writer.html("rtc_report", presenter, ZoneOffset.UTC).orElseThrow();
    }

    @Test
    void reportMatchesItsGoldenFile() throws Exception {
        Golden.assertMatches("report-call.html", html(false));
        Golden.assertMatches("report-call-presenter.html", html(true));
    }

    @Test
    void reportIsSelfContainedAndHasNoKey() {
        for (boolean presenter : new boolean[] {false, true}) {
            String html = html(presenter);
            assertFalse(EXTERNAL.matcher(html).find(), "an external reference in the report");
            assertFalse(html.contains(API_KEY));
            assertFalse(html.contains("<script"));
            assertTrue(html.contains("<svg id=\"waterfall\""));
            assertTrue(html.contains("class=\"badge"), "turn latency badges");
            assertTrue(html.contains("Mean score"));
            assertTrue(html.contains(dev.switchboard.call.AcceptSettings.DEFAULT_INSTRUCTIONS.substring(0, 30)));
        }
    }

    @Test
    void presenterModeMasksNumbers() {
        assertTrue(html(false).contains("+15551230001"));
        String masked = html(true);
        assertFalse(masked.contains("+15551230001"));
        assertFalse(masked.contains("5551230001"));
        assertTrue(masked.contains("•••••••0001"), masked);
    }

    @Test
    void writesOneFilePerCall() throws Exception {
        Path file = writer.write("rtc_report", dir.resolve("out"), false);
        assertEquals(dir.resolve("out").resolve("rtc_report.html"), file);
        assertTrue(Files.readString(file).startsWith("<!DOCTYPE html>"));
    }

    @Test
    void markdownExportIncludesTheAnalysis() throws Exception {
        StoredCall call = store.load("rtc_report").orElseThrow();
        String md = new Exporter(new Exporter.Options(true, List.of(API_KEY), ZoneOffset.UTC))
                .markdown(call, null, store.analyses().load("rtc_report").orElseThrow());
        Golden.assertMatches("call-analysis-masked.md", md);
        assertTrue(md.contains("## Analysis"));
        assertTrue(md.contains("| Mean score | 4.5 |"), md);
        assertFalse(md.contains("+15551230001"), md);
    }
}
