package dev.switchboard.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Alert rules and watchdogs on a manual clock: each fires once per occasion, with the detail the output prints. */
class CallAlertsTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private ManualClock clock;
    private Call call;
    private CallAlerts alerts;

    @BeforeEach
    void answeredCall() {
        clock = new ManualClock(T0);
        call = new Call("rtc_a", List.of(), clock);
        call.useSettings(AcceptSettings.defaults());
        call.moveTo(CallState.ACCEPTING, "");
        call.mark(Milestone.ACCEPT_ANSWERED);
        call.moveTo(CallState.ACTIVE, "");
        alerts = call.alerts();
    }

    private void at(long millis) {
        clock.set(T0.plusMillis(millis));
    }

    private List<String> described() {
        return alerts.alerts().stream().map(Alert::describe).toList();
    }

    @Test
    void aKeywordRuleReportsTheTextItMatchedOnceTheLineIsFinished() {
        alerts.useLimits(WatchdogLimits.DEFAULTS.withRules(List.of(AlertRule.of("refund(ed)?"), AlertRule.of("lawyer"))));
        call.appendDelta("c1", Speaker.CALLER, "I want a REFUND now");
        alerts.check();
        assertEquals(List.of(), described(), "a streaming line is not matched yet");
        call.completeUtterance("c1", Speaker.CALLER, "I want a REFUND now or I call my lawyer");
        alerts.check();
        alerts.check();
        assertEquals(List.of("keyword: REFUND", "keyword: lawyer"), described());
        assertTrue(call.transcript().stream().anyMatch(e -> e.kind() == TranscriptEntry.Kind.ALERT
                && e.text().equals("Alert — keyword: REFUND")), "a line in the transcript");
    }

    @Test
    void aBadExpressionIsRefusedInOneLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AlertRule.of("(unclosed"));
        assertTrue(e.getMessage().startsWith("not a valid regular expression: (unclosed"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void silenceFiresOncePerQuietStretchAndNotWhileSomeoneSpeaks() {
        alerts.useLimits(new WatchdogLimits(Duration.ofSeconds(10), 0, Duration.ZERO, Duration.ZERO,
                OptionalDouble.empty(), List.of()));
        at(9_999);
        alerts.check();
        assertEquals(List.of(), described());
        call.speaking(Speaker.AGENT, true);
        at(12_000);
        alerts.check();
        assertEquals(List.of(), described(), "the agent is talking");
        call.speaking(Speaker.AGENT, false);
        at(21_000);
        alerts.check();
        assertEquals(List.of(), described(), "counted from when the agent stopped");
        at(22_500);
        alerts.check();
        alerts.check();
        assertEquals(List.of("silence: nobody spoke for 10 s"), described());
        at(30_000);
        alerts.activity(Speaker.CALLER);
        at(41_000);
        alerts.check();
        assertEquals(2, alerts.count(), "a new stretch of silence fires again");
    }

    @Test
    void noCallerSpeechAfterTheAnswerFiresOnceUnlessTheCallerSpoke() {
        alerts.useLimits(new WatchdogLimits(Duration.ZERO, 0, Duration.ZERO, Duration.ofSeconds(8),
                OptionalDouble.empty(), List.of()));
        at(8_000);
        alerts.check();
        at(9_000);
        alerts.check();
        assertEquals(List.of("no_caller_speech: no caller speech 8 s after the answer"), described());

        Call other = new Call("rtc_b", List.of(), clock);
        other.moveTo(CallState.ACCEPTING, "");
        other.mark(Milestone.ACCEPT_ANSWERED);
        other.moveTo(CallState.ACTIVE, "");
        other.alerts().useLimits(alerts.limits());
        other.alerts().activity(Speaker.CALLER);
        at(30_000);
        other.alerts().check();
        assertEquals(0, other.alerts().count());
    }

    @Test
    void theSameToolTooOftenWithinAMinuteFiresOncePerBurst() {
        alerts.useLimits(new WatchdogLimits(Duration.ZERO, 3, Duration.ZERO, Duration.ZERO, OptionalDouble.empty(),
                List.of()));
        for (int i = 0; i < 3; i++) {
            at(i * 10_000L);
            alerts.toolCalled("lookup_order");
        }
        alerts.toolCalled("other_tool");
        assertEquals(0, alerts.count(), "3 in a minute is the limit, not over it");
        at(30_000);
        alerts.toolCalled("lookup_order");
        at(31_000);
        alerts.toolCalled("lookup_order");
        assertEquals(List.of("tool_loop: lookup_order called 4 times within a minute"), described());
        at(200_000);
        for (int i = 0; i < 4; i++) {
            alerts.toolCalled("lookup_order");
        }
        assertEquals(2, alerts.count(), "a later burst fires again");
    }

    @Test
    void theSessionLimitWarningFiresBeforeSixtyMinutes() {
        alerts.useLimits(new WatchdogLimits(Duration.ZERO, 0, Duration.ofMinutes(55), Duration.ZERO,
                OptionalDouble.empty(), List.of()));
        at(Duration.ofMinutes(54).toMillis());
        alerts.check();
        assertEquals(0, alerts.count());
        at(Duration.ofMinutes(55).toMillis());
        alerts.check();
        alerts.check();
        assertEquals(List.of("session_limit: session at 55 min, 5 min before the 60-minute limit"), described());
    }

    @Test
    void theCostCapFiresOnceWhenTheCallsCostPassesIt() {
        call.turns().usePrices(new PriceTable(Map.of("gpt-realtime", new ModelPrice(4, 0.4, 16, 32, 0.4, 64))));
        alerts.useLimits(WatchdogLimits.DEFAULTS.withCostCap(OptionalDouble.of(0.01)));
        call.turns().responseCreated("r1");
        // 100 audio output tokens at $64 / 1M = $0.0064: under the cap
        call.turns().responseDone("r1", "completed", null, new ResponseUsage(0, 0, 0, 0, 0, 100));
        alerts.check();
        assertFalse(alerts.costCapReached());
        call.turns().responseCreated("r2");
        call.turns().responseDone("r2", "completed", null, new ResponseUsage(0, 0, 0, 0, 0, 100));
        alerts.check();
        alerts.check();
        assertTrue(alerts.costCapReached());
        assertEquals(List.of("cost_cap: $0.0128 passed the cap of $0.0100"), described());
    }

    @Test
    void noTimeWatchdogFiresOnAnEndedCall() {
        alerts.useLimits(new WatchdogLimits(Duration.ofSeconds(1), 0, Duration.ofSeconds(1), Duration.ofSeconds(1),
                OptionalDouble.empty(), List.of()));
        call.moveTo(CallState.ENDED, "caller hung up");
        at(60_000);
        alerts.check();
        assertEquals(0, alerts.count());
    }

    @Test
    void aProfilesRulesAddToTheGlobalOnesAndRaiseTheSameKeywordAlert() {
        alerts.useProfile(AlertPolicy.of(List.of("cancel (my|the) contract", "refund"), OptionalDouble.empty()));
        alerts.useLimits(WatchdogLimits.DEFAULTS.withRules(List.of(AlertRule.of("refund"), AlertRule.of("lawyer"))));
        assertEquals(List.of("refund", "lawyer", "cancel (my|the) contract"),
                alerts.limits().rules().stream().map(AlertRule::expression).toList(), "global first, no duplicate");
        call.completeUtterance("c1", Speaker.CALLER, "Please cancel my contract, or my lawyer will call");
        alerts.check();
        assertEquals(List.of("keyword: lawyer", "keyword: cancel my contract"), described());
        assertTrue(call.transcript().stream().anyMatch(e -> e.kind() == TranscriptEntry.Kind.ALERT
                && e.text().equals("Alert — keyword: cancel my contract")), "a line like any other alert's");
    }

    @Test
    void theProfilesCostCapWinsOverTheGlobalOneAndNoCapKeepsTheGlobal() {
        WatchdogLimits global = WatchdogLimits.DEFAULTS.withCostCap(OptionalDouble.of(5));
        assertEquals(OptionalDouble.of(0.01),
                new AlertPolicy(List.of(), OptionalDouble.of(0.01)).on(global).costCapUsd());
        assertEquals(OptionalDouble.of(5), AlertPolicy.NONE.on(global).costCapUsd());
        assertEquals(OptionalDouble.of(20), new AlertPolicy(List.of(), OptionalDouble.of(20)).on(global).costCapUsd(),
                "a profile may allow more than the global cap");

        call.turns().usePrices(new PriceTable(Map.of("gpt-realtime", new ModelPrice(4, 0.4, 16, 32, 0.4, 64))));
        alerts.useLimits(global);
        alerts.useProfile(new AlertPolicy(List.of(), OptionalDouble.of(0.01)));
        call.turns().responseCreated("r1");
        call.turns().responseDone("r1", "completed", null, new ResponseUsage(0, 0, 0, 0, 0, 200)); // $0.0128
        alerts.check();
        assertEquals(List.of("cost_cap: $0.0128 passed the cap of $0.0100"), described());
    }

    @Test
    void theEditorsTextIsReadLineByLineAndABadLineIsNamed() {
        assertEquals(List.of("refund", "lawyer"), AlertPolicy.parseRules("  refund \n\n lawyer\n").stream()
                .map(AlertRule::expression).toList());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> AlertPolicy.parseRules("refund\n(unclosed"));
        assertTrue(bad.getMessage().startsWith("Alert line 2 is not a valid regular expression: (unclosed"),
                bad.getMessage());
        assertEquals(OptionalDouble.empty(), AlertPolicy.parseCostCap("  "));
        assertEquals(OptionalDouble.of(0.5), AlertPolicy.parseCostCap("$0.50"));
        assertThrows(IllegalArgumentException.class, () -> AlertPolicy.parseCostCap("half a dollar"));
        assertThrows(IllegalArgumentException.class, () -> AlertPolicy.parseCostCap("0"));
        assertThrows(IllegalArgumentException.class, () -> AlertPolicy.parseCostCap("20000"));
        assertEquals("0.50", AlertPolicy.formatCostCap(OptionalDouble.of(0.5)));
        assertEquals("0.0025", AlertPolicy.formatCostCap(OptionalDouble.of(0.0025)));
        assertEquals("2 alert rules, cost cap $1.00", AlertPolicy.of(List.of("a", "b"), OptionalDouble.of(1)).describe());
    }
}
