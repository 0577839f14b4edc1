package dev.switchboard.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.Alert;
import dev.switchboard.call.AlertPolicy;
import dev.switchboard.call.AlertRule;
import dev.switchboard.call.Call;
import dev.switchboard.call.CallRegistry;
import dev.switchboard.call.CallState;
import dev.switchboard.call.ManualClock;
import dev.switchboard.call.Milestone;
import dev.switchboard.call.ModelPrice;
import dev.switchboard.call.PriceTable;
import dev.switchboard.call.ResponseUsage;
import dev.switchboard.call.Speaker;
import dev.switchboard.call.WatchdogLimits;
import dev.switchboard.history.ProfileVersion;
import dev.switchboard.store.CallRecorder;
import dev.switchboard.store.HistoryStore;
import dev.switchboard.store.ScriptedCall;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A profile's alert rules and cost cap at work on a call accepted with it: by a routing rule, by {@code --profile}
 * and by the window's accept, on a manual clock. The rules add to the global ones; the cap replaces the global one.
 */
class ProfileAlertsTest {

    private static final AlertPolicy WATCHFUL = AlertPolicy.of(List.of("cancel (my|the) contract"),
            OptionalDouble.of(0.01));
    private static final WatchdogLimits GLOBAL = WatchdogLimits.DEFAULTS.withRules(List.of(AlertRule.of("lawyer")))
            .withCostCap(OptionalDouble.of(5));

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final CallRegistry registry = new CallRegistry();
    private HistoryStore store;
    private CallRecorder recorder;
    private Watchdogs watchdogs;
    private ProfileAccept profiles;
    private boolean autoAccept;

    private final RecordingActions actions = new RecordingActions();
    private final List<String> done = actions.done;

    private final AutoAnswer autoAnswer = new AutoAnswer() {
        @Override
        public void setAutoAccept(boolean enabled, AcceptSettings settings) {
            autoAccept = enabled;
        }

        @Override
        public boolean autoAccept() {
            return autoAccept;
        }
    };

    @BeforeEach
    void setUp() {
        store = HistoryStore.open(dir.resolve("switchboard.db"), clock);
        recorder = new CallRecorder(store, clock);
        watchdogs = new Watchdogs(actions, c -> GLOBAL).attach(registry);
        profiles = new ProfileAccept(actions, autoAnswer, store, recorder).attach(registry);
    }

    @AfterEach
    void tearDown() {
        watchdogs.close();
        recorder.close();
        store.close();
    }

    /** Rings a call to +15559870000; answered, live, priced. */
    private Call ring(String id) {
        Call call = ScriptedCall.newCall(id, clock);
        call.useSettings(AcceptSettings.defaults());
        call.turns().usePrices(new PriceTable(Map.of("gpt-realtime", new ModelPrice(4, 0.4, 16, 32, 0.4, 64))));
        registry.add(call);
        return call;
    }

    private static void answered(Call call) {
        call.moveTo(CallState.ACCEPTING, "");
        call.mark(Milestone.ACCEPT_ANSWERED);
        call.moveTo(CallState.ACTIVE, "");
    }

    /** The caller's line, then one response of 200 audio output tokens ($0.0128). */
    private static void talk(Call call) {
        call.completeUtterance("c1", Speaker.CALLER, "I want to cancel my contract, my lawyer said so");
        call.turns().responseCreated("r1");
        call.turns().responseDone("r1", "completed", null, new ResponseUsage(0, 0, 0, 0, 0, 200));
    }

    private static List<String> alerts(Call call) {
        return call.alerts().alerts().stream().map(Alert::describe).toList();
    }

    @Test
    void aCallRoutedToAProfileGetsItsRulesOnTopAndItsCapWhichWrapsUpThenHangsUp() {
        store.profiles().create("Support EN", AcceptSettings.defaults(), WATCHFUL);
        store.routing().add("+1555", "Support EN");
        Call call = ring("rtc_routed");
        assertEquals(List.of("accept rtc_routed"), done, "the routing rule accepted it");
        answered(call);
        talk(call);

        assertEquals(List.of("keyword: lawyer", "keyword: cancel my contract",
                "cost_cap: $0.0128 passed the cap of $0.0100"), alerts(call));
        assertEquals(List.of("accept rtc_routed", "respond rtc_routed: " + Watchdogs.WRAP_UP), done, "the profile's cap, not the global $5");
        call.turns().responseCreated("r2");
        call.turns().responseDone("r2", "completed", null, new ResponseUsage(0, 0, 0, 0, 0, 50));
        assertEquals(List.of("accept rtc_routed", "respond rtc_routed: " + Watchdogs.WRAP_UP, "hangup rtc_routed"), done);
        assertEquals(CallState.ENDED, call.state());
    }

    @Test
    void everyCallOfProfileFlagGetsTheProfilesAlerts() {
        ProfileVersion profile = store.profiles().create("Support EN", AcceptSettings.defaults(), WATCHFUL);
        profiles.acceptEveryCallWith(profile);
        Call call = ring("rtc_every");
        answered(call);
        talk(call);
        assertTrue(alerts(call).contains("keyword: cancel my contract"), alerts(call).toString());
        assertTrue(call.alerts().costCapReached());
        assertTrue(done.contains("respond rtc_every: " + Watchdogs.WRAP_UP), done.toString());
    }

    @Test
    void acceptingWithAProfileInTheWindowAppliesItsAlertsAndOtherCallsKeepTheGlobalOnes() {
        ProfileVersion capOnly = store.profiles().create("Generous", AcceptSettings.defaults(),
                new AlertPolicy(List.of(), OptionalDouble.of(20)));
        Call withProfile = ring("rtc_window");
        Call plain = ring("rtc_plain");
        assertEquals(List.of(), done, "no routing rule: both ring for a person");

        actions.acceptWithProfile(withProfile, capOnly);
        actions.accept(plain, AcceptSettings.defaults());
        assertEquals(OptionalDouble.of(20), withProfile.alerts().limits().costCapUsd(), "the profile's cap");
        assertEquals(List.of("lawyer"), withProfile.alerts().limits().rules().stream().map(AlertRule::expression)
                .toList(), "no rules of its own: the global ones");
        assertEquals(GLOBAL, plain.alerts().limits());

        answered(plain);
        talk(plain);
        assertEquals(List.of("keyword: lawyer"), alerts(plain), "another profile's rules never leak");
        assertFalse(plain.alerts().costCapReached());
    }
}
