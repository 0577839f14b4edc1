package dev.switchboard.history;

import dev.switchboard.store.ScriptedCall;
import dev.switchboard.store.Golden;

import dev.switchboard.store.HistoryStore;
import dev.switchboard.store.CallRecorder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.call.Call;
import dev.switchboard.call.ManualClock;
import dev.switchboard.call.RawEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExporterTest {

    static final String API_KEY = "sk-proj-GoldenTestKey0123456789abcdef";

    @TempDir
    Path dir;

    private HistoryStore store;
    private StoredCall call;

    @BeforeEach
    void recordTwoCalls() {
        ManualClock clock = new ManualClock(ScriptedCall.START);
        store = HistoryStore.open(dir.resolve("h.db"));
        try (CallRecorder recorder = new CallRecorder(store, clock)) {
            Call live = ScriptedCall.newCall("rtc_golden", clock);
            recorder.record(live);
            recorder.tagProfile("rtc_golden", new ProfileRef("Support EN", 2));
            // an event that carries the key as a client would send it: must never reach an export
            ScriptedCall.event(live, clock, RawEvent.Direction.OUT, "debug.request",
                    "\"headers\":{\"Authorization\":\"Bearer " + API_KEY + "\"},\"note\":\"key " + API_KEY + "\"");
            ScriptedCall.playOn(live, clock, true);
            clock.advance(Duration.ofMinutes(30));
            Call other = new Call("rtc_second", ScriptedCall.headers("+442071234567", "+15559870000"), clock);
            recorder.record(other);
            clock.advance(Duration.ofSeconds(60));
            other.moveTo(dev.switchboard.call.CallState.MISSED, "nobody answered within 60 s");
        }
        call = store.load("rtc_golden").orElseThrow();
        store.analyses().save(ANALYSIS);
    }

    /** The caller's number is in the summary on purpose: masking must reach the analysis too. */
    static final CallAnalysis ANALYSIS = new CallAnalysis("rtc_golden", CallAnalysis.Status.DONE, "gpt-4.1-mini",
            "Dana (+15551230001) was charged twice, \"order 4471\"; the agent started a refund.", "resolved",
            List.of(new RubricScore("Empathy", 4, "Apologised once."), new RubricScore("Resolution", 5, "Refund started.")),
            "", java.time.Instant.parse("2026-03-01T10:00:09Z"));

    private java.util.Map<String, CallAnalysis> analyses() {
        return java.util.Map.of("rtc_golden", store.analyses().load("rtc_golden").orElseThrow());
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        store.close();
    }

    private static Exporter exporter(boolean mask) {
        return new Exporter(new Exporter.Options(mask, List.of(API_KEY), ZoneOffset.UTC));
    }

    @Test
    void markdownHasTheHeaderAndTheReadableTranscript() throws Exception {
        String md = exporter(false).markdown(call);
        Golden.assertMatches("call.md", md);
        assertTrue(md.contains("| Duration | 00:08 |"), md);
        assertTrue(md.contains("`00:05` **Caller:** Hi, I think I was charged twice for my order."), md);
    }

    @Test
    void markdownCanMaskTheCallerNumber() throws Exception {
        String md = exporter(true).markdown(call);
        Golden.assertMatches("call-masked.md", md);
        assertFalse(md.contains("+15551230001"));
        assertTrue(md.contains("Dana Reyes (+•••••••0001)"), md);
    }

    @Test
    void jsonHasEverythingAndReadsBack() throws Exception {
        String json = exporter(false).json(call, null, store.analyses().load("rtc_golden").orElseThrow());
        Golden.assertMatches("call.json", json);
        assertTrue(json.contains("\"outcome\" : \"resolved\""), json);
        assertTrue(json.contains("\"meanScore\" : 4.5"), json);
        StoredCall back = HistoryJson.readCall(json);
        assertEquals(call.transcript(), back.transcript());
        assertEquals(call.timeline(), back.timeline());
        assertEquals(call.stateChanges(), back.stateChanges());
        assertEquals(call.settings(), back.settings());
        assertEquals(call.usage(), back.usage());
        assertEquals(call.profile(), back.profile());
        assertEquals(call.events().size(), back.events().size());
    }

    /** What the store keeps for the scripted call, written out by hand so the golden files pin every field. */
    private static final CallMetrics METRICS = new CallMetrics(2, 640L, 820L, 1430L, 1430L, 1, 3, 0.01234, 1, 2, 1000,
            "call ended", 1200L, List.of(new CallMetrics.TurnMetric(1, 820, 2400L, null, 0.0042, false),
            new CallMetrics.TurnMetric(2, 1430, 900L, 600L, 0.0061, true)));

    @Test
    void exportsCarryTheLatencyCostAndHealthMetrics() throws Exception {
        String md = exporter(false).markdown(call, METRICS, null);
        Golden.assertMatches("call-metrics.md", md);
        assertTrue(md.contains("| Turn p50 / p95 / max | 820 ms / 1430 ms / 1430 ms |"), md);
        assertTrue(md.indexOf("## Latency and cost (observed here)") < md.indexOf("## Transcript"), md);
        String json = exporter(false).json(call, METRICS, null);
        Golden.assertMatches("call-metrics.json", json);
        assertTrue(json.contains("\"cost_usd\" : 0.01234"), json);
        StoredCall back = HistoryJson.readCall(json);
        assertEquals(call.transcript(), back.transcript(), "the metrics do not get in the way of reading it back");
        assertEquals(exporter(false).markdown(call), exporter(false).markdown(call, null, null), "no metrics: as before");
        for (String out : List.of(exporter(true).markdown(call, METRICS, null), exporter(true).json(call, METRICS, null))) {
            assertFalse(out.contains(API_KEY));
            assertFalse(out.contains("+15551230001"));
        }
    }

    @Test
    void maskedJsonHasNoCallerNumberAnywhere() {
        String json = exporter(true).json(call, null, ANALYSIS);
        assertFalse(json.contains("+15551230001"), json);
        assertFalse(json.contains("15551230001"), json);
        assertTrue(json.contains("+•••••••0001"));
    }

    @Test
    void csvSummarisesATimeRange() throws Exception {
        String csv = exporter(false).csv(store.listCalls(ScriptedCall.START, ScriptedCall.START.plus(Duration.ofDays(1)), 0),
                analyses());
        Golden.assertMatches("calls.csv", csv);
        assertTrue(csv.contains(",done,4.5,resolved,\"Dana (+15551230001) was charged twice, \"\"order 4471\"\"; the agent"), csv);
        assertEquals(3, csv.split("\r\n").length);
        String masked = exporter(true).csv(store.listCalls(null, null, 0), analyses());
        Golden.assertMatches("calls-masked.csv", masked);
        assertFalse(masked.contains("+442071234567"));
        assertFalse(masked.contains("15551230001"), masked);
        assertTrue(masked.contains("+••••••••4567"), masked);
        assertTrue(exporter(false).csv(store.listCalls(ScriptedCall.START.plusSeconds(1), ScriptedCall.START.plusSeconds(2), 0))
                .equals(String.join(",", Exporter.CSV_COLUMNS) + "\r\n"));
    }

    @Test
    void theApiKeyNeverAppearsInAnyExport() {
        assertTrue(call.events().stream().anyMatch(e -> e.json().contains(API_KEY)), "the test call carries the key");
        for (boolean mask : new boolean[] {false, true}) {
            for (String out : List.of(exporter(mask).markdown(call), exporter(mask).json(call),
                    exporter(mask).csv(store.listCalls(null, null, 0)))) {
                assertFalse(out.contains(API_KEY), out);
                assertFalse(out.contains("GoldenTestKey"), out);
            }
        }
        // even without being told the key, key-shaped strings and bearer tokens are scrubbed
        String json = new Exporter(new Exporter.Options(false, List.of(), ZoneOffset.UTC)).json(call);
        assertFalse(json.contains("GoldenTestKey"), json);
        assertTrue(json.contains("Bearer " + Exporter.REDACTED), json);
    }

    @Test
    void aSecretInTranscriptTextIsRedactedBeforeMarkdownEscapesIt() throws Exception {
        ManualClock clock = new ManualClock(ScriptedCall.START);
        try (CallRecorder recorder = new CallRecorder(store, clock)) {
            Call said = new Call("rtc_said", List.of(), clock);
            recorder.record(said);
            said.note("asked the agent to say: the key is sk-proj_abc_def_ghi_jkl and whsec_c2VjcmV0X3ZhbHVl_x");
        }
        String md = new Exporter(new Exporter.Options(false, List.of(), ZoneOffset.UTC))
                .markdown(store.load("rtc_said").orElseThrow());
        assertFalse(md.contains("abc"), md);
        assertFalse(md.contains("jkl"), md);
        assertFalse(md.contains("c2VjcmV0"), md);
        assertTrue(md.contains("the key is \\[redacted\\] and \\[redacted\\]"), md); // escaped as Markdown text
    }

    @Test
    void masksAllButTheLastFourDigits() {
        assertEquals("+•••••••0001", Exporter.maskNumber("+15551230001"));
        assertEquals("•••-••••-5678", Exporter.maskNumber("012-1234-5678"));
        assertEquals("1234", Exporter.maskNumber("1234"));
        assertEquals("unknown", Exporter.maskNumber("unknown"));
    }
}
