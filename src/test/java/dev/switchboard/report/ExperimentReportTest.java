package dev.switchboard.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.call.AcceptSettings;
import dev.switchboard.history.ArmStats;
import dev.switchboard.history.CallAnalysis;
import dev.switchboard.history.ExperimentArm;
import dev.switchboard.history.ExperimentInfo;
import dev.switchboard.history.ExperimentResult;
import dev.switchboard.history.ProfileRef;
import dev.switchboard.history.ProfileVersion;
import dev.switchboard.history.RubricScore;
import dev.switchboard.store.Golden;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The experiment report: golden-tested, self-contained (no URL of any kind), no key, presenter masking. */
class ExperimentReportTest {

    static final String API_KEY = "sk-proj-ExperimentReportKey0123456789abcdef";
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final ProfileRef A = new ProfileRef("Support A", 1);
    private static final ProfileRef B = new ProfileRef("Support B", 2);

    private static String html(boolean presenter) {
        ExperimentInfo info = new ExperimentInfo(3, "Shorter greeting", List.of(new ExperimentArm(A, 1),
                new ExperimentArm(B, 1)), 42, START, START.plusSeconds(3600));
        ExperimentResult result = new ExperimentResult(info, List.of(
                new ArmStats(A, List.of("rtc_a1", "rtc_a2"), 380, 820, 0.5, 0.0452, 0, 0, 2, 2, 3.5),
                new ArmStats(B, List.of("rtc_b1", "rtc_b2"), 210, 410, 0, -1, 1, 1, 1, 1, 4.5)),
                "B is faster by 0.4 s, 95 % CI 0.1–0.7; scores not distinguishable yet, n=4");
        ProfileVersion vA = new ProfileVersion("Support A", 1, START, AcceptSettings.defaults()
                .withInstructions("Greet the caller warmly. Never read out the key " + API_KEY + "."));
        Map<String, CallAnalysis> analyses = Map.of(
                "rtc_a1", new CallAnalysis("rtc_a1", CallAnalysis.Status.DONE, "gpt-4.1-mini",
                        "Dana asked to be called back at +15551230001; see https://evil.example/x.", "resolved",
                        List.of(new RubricScore("Polite", 4, "Kind."), new RubricScore("Brief", 3, "A bit long.")), "", START),
                "rtc_a2", CallAnalysis.failed("rtc_a2", "gpt-4.1-mini", "HTTP 429: <rate limited>", START),
                "rtc_b1", new CallAnalysis("rtc_b1", CallAnalysis.Status.DONE, "gpt-4.1-mini", "Refund started.",
                        "transferred", List.of(new RubricScore("Polite", 5, "Very kind."),
                        new RubricScore("Brief", 4, "Short.")), "", START));
        return ExperimentReport.html(new ExperimentReport.Input(result, List.of(Optional.of(vA), Optional.empty()),
                analyses, presenter, List.of(API_KEY), ZoneOffset.UTC));
    }

    @Test
    void reportMatchesItsGoldenFile() throws Exception {
        Golden.assertMatches("report-experiment.html", html(false));
    }

    @Test
    void reportIsSelfContainedAndHasNoKey() {
        for (boolean presenter : new boolean[] {false, true}) {
            String html = html(presenter);
            assertFalse(CallReportTest.EXTERNAL.matcher(html).find(), "an external reference in the report");
            assertFalse(html.contains(API_KEY));
            assertFalse(html.contains("<script"));
            assertFalse(html.contains("<rate"), "text is escaped");
            assertTrue(html.contains("<svg id=\"chart-latency\""));
            assertTrue(html.contains("<svg id=\"chart-score\""));
            assertTrue(html.contains("B is faster by 0.4 s"));
            assertTrue(html.contains("Greet the caller warmly."));
            assertTrue(html.contains("Analysis failed: HTTP 429"));
        }
    }

    @Test
    void presenterModeMasksNumbers() {
        assertTrue(html(false).contains("+15551230001"));
        String masked = html(true);
        assertFalse(masked.contains("5551230001"), masked);
        assertTrue(masked.contains("•••••••0001"), masked);
    }
}
