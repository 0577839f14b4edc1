package dev.switchboard.store;

import dev.switchboard.history.ProfileRef;
import dev.switchboard.history.ProfileSummary;
import dev.switchboard.history.ProfileVersion;
import dev.switchboard.history.RoutingRule;
import dev.switchboard.history.LineDiff;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.call.ManualClock;
import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.AlertPolicy;
import dev.switchboard.call.Call;
import dev.switchboard.call.TurnDetection;
import dev.switchboard.history.LineDiff.Kind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileStoreTest {

    @TempDir
    Path dir;

    private ManualClock clock;
    private HistoryStore store;
    private ProfileStore profiles;

    @BeforeEach
    void open() {
        clock = new ManualClock(ScriptedCall.START);
        store = HistoryStore.open(dir.resolve("h.db"), clock);
        profiles = store.profiles();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static AcceptSettings support() {
        return AcceptSettings.defaults().withInstructions("You are Support.\nBe brief.\nNever promise refunds.");
    }

    @Test
    void everySaveAddsAVersion() {
        ProfileVersion v1 = profiles.create("Support EN", support());
        assertEquals(new ProfileRef("Support EN", 1), v1.ref());
        clock.advance(Duration.ofMinutes(5));
        ProfileVersion v2 = profiles.save("support en", support().withVoice("cedar"));
        assertEquals(2, v2.version());
        assertEquals("Support EN", v2.name(), "the stored spelling of the name");
        assertEquals(ScriptedCall.START.plus(Duration.ofMinutes(5)), v2.savedAt());
        clock.advance(Duration.ofMinutes(5));
        profiles.save("Support EN", support().withVoice("cedar").withTurnDetection(TurnDetection.SERVER_VAD));

        assertEquals(3, profiles.latest("Support EN").orElseThrow().version());
        assertEquals("cedar", profiles.version("Support EN", 2).orElseThrow().settings().voice());
        assertEquals(support(), profiles.version(new ProfileRef("Support EN", 1)).orElseThrow().settings());
        assertEquals(List.of(1, 2, 3), profiles.versions("Support EN").stream().map(ProfileVersion::version).toList());
        assertTrue(profiles.version("Support EN", 4).isEmpty());
        assertTrue(profiles.latest("Nobody").isEmpty());
        ProfileSummary summary = profiles.list().get(0);
        assertEquals(3, summary.latestVersion());
        assertEquals(ScriptedCall.START, summary.createdAt());
        assertEquals(ScriptedCall.START.plus(Duration.ofMinutes(10)), summary.lastSavedAt());
    }

    @Test
    void namesAreUniqueAndRequired() {
        profiles.create("Sales", support());
        assertThrows(StoreException.class, () -> profiles.create("sales", support()));
        assertThrows(StoreException.class, () -> profiles.create("  ", support()));
        assertThrows(StoreException.class, () -> profiles.save("Nobody", support()));
    }

    @Test
    void duplicateRenameAndDelete() {
        profiles.create("Support EN", support());
        profiles.save("Support EN", support().withVoice("sage"));
        ProfileVersion copy = profiles.duplicate("Support EN", "Support FR");
        assertEquals(1, copy.version());
        assertEquals("sage", copy.settings().voice());
        profiles.rename("Support FR", "Support DE");
        assertEquals(List.of("Support DE", "Support EN"), profiles.names());
        assertThrows(StoreException.class, () -> profiles.rename("Support DE", "support en"));
        assertTrue(profiles.delete("support de"));
        assertFalse(profiles.delete("Support DE"));
        assertEquals(List.of("Support EN"), profiles.names());
    }

    @Test
    void twoVersionsDiffLineByLine() {
        ProfileVersion v1 = profiles.create("Support EN", support());
        ProfileVersion v2 = profiles.save("Support EN",
                support().withInstructions("You are Support.\nBe warm and brief.\nNever promise refunds.\nSay goodbye."));
        List<LineDiff.Line> diff = profiles.diffInstructions(v1, v2);
        assertEquals(List.of(
                new LineDiff.Line(Kind.SAME, "You are Support.", 1, 1),
                new LineDiff.Line(Kind.REMOVED, "Be brief.", 2, 0),
                new LineDiff.Line(Kind.ADDED, "Be warm and brief.", 0, 2),
                new LineDiff.Line(Kind.SAME, "Never promise refunds.", 3, 3),
                new LineDiff.Line(Kind.ADDED, "Say goodbye.", 0, 4)), diff);
        List<LineDiff.Row> rows = LineDiff.sideBySide(diff);
        assertEquals(4, rows.size());
        assertEquals("Be brief.", rows.get(1).left().text());
        assertEquals("Be warm and brief.", rows.get(1).right().text());
        assertEquals(null, rows.get(3).left());
        assertTrue(LineDiff.same(LineDiff.diff("a\nb", "a\r\nb")));
    }

    @Test
    void lineDiffFindsTheLongestCommonSubsequence() {
        List<LineDiff.Line> diff = LineDiff.diff("a\nb\nc\nd\ne", "b\nx\nc\ne\nf");
        assertEquals("-a =b +x =c -d =e +f", describe(diff));
        assertEquals("+a +b", describe(LineDiff.diff("", "a\nb")));
        assertEquals("-a", describe(LineDiff.diff("a", "")));
        assertEquals("", describe(LineDiff.diff("", "")));
    }

    private static String describe(List<LineDiff.Line> diff) {
        return String.join(" ", diff.stream().map(l -> switch (l.kind()) {
            case SAME -> "=" + l.text();
            case ADDED -> "+" + l.text();
            case REMOVED -> "-" + l.text();
        }).toList());
    }

    @Test
    void profilesTravelAsJsonFiles() throws Exception {
        profiles.create("Support EN", support());
        clock.advance(Duration.ofHours(1));
        profiles.save("Support EN", support().withVoice("cedar"));
        profiles.create("Sales", AcceptSettings.defaults());
        Path file = dir.resolve("profiles.json");
        profiles.exportTo(file, List.of());

        try (HistoryStore other = HistoryStore.open(dir.resolve("other.db"), clock)) {
            other.profiles().create("Sales", AcceptSettings.defaults().withVoice("ash"));
            List<ProfileVersion> imported = other.profiles().importFrom(file);
            assertEquals(2, imported.size());
            // a new name comes with its history
            assertEquals(profiles.versions("Support EN"), other.profiles().versions("Support EN"));
            // an existing name gets the file's settings as a new version
            ProfileVersion sales = other.profiles().latest("Sales").orElseThrow();
            assertEquals(2, sales.version());
            assertEquals(AcceptSettings.defaults(), sales.settings());
            // importing the same file again changes nothing
            other.profiles().importFrom(file);
            assertEquals(2, other.profiles().latest("Sales").orElseThrow().version());
            assertEquals(2, other.profiles().latest("Support EN").orElseThrow().version());
        }
        assertThrows(StoreException.class, () -> profiles.importJson("{\"format\":\"something-else\"}"));
        assertThrows(StoreException.class, () -> profiles.importJson("not json"));
    }

    private static final AlertPolicy WATCHFUL = AlertPolicy.of(List.of("refund", "cancel (my|the) contract"),
            OptionalDouble.of(0.5));

    @Test
    void eachVersionKeepsItsOwnAlertRulesAndCostCap() {
        ProfileVersion v1 = profiles.create("Support EN", support(), WATCHFUL);
        assertEquals(WATCHFUL, v1.alerts());
        assertEquals(WATCHFUL, profiles.latest("Support EN").orElseThrow().alerts());
        // new settings alone keep the latest alerts (the accept panel's "save to profile")
        assertEquals(WATCHFUL, profiles.save("Support EN", support().withVoice("cedar")).alerts());
        AlertPolicy capOnly = new AlertPolicy(List.of(), OptionalDouble.of(2));
        profiles.save("Support EN", support().withVoice("cedar"), capOnly);
        profiles.save("Support EN", support().withVoice("cedar"), AlertPolicy.NONE);

        assertEquals(List.of(WATCHFUL, WATCHFUL, capOnly, AlertPolicy.NONE),
                profiles.versions("Support EN").stream().map(ProfileVersion::alerts).toList());
        assertEquals(capOnly, profiles.version("Support EN", 3).orElseThrow().alerts());
        profiles.create("Billing", support(), WATCHFUL);
        assertEquals(WATCHFUL, profiles.duplicate("Billing", "Billing FR").alerts(), "a copy takes the alerts");
        assertEquals(WATCHFUL, profiles.latest("Billing FR").orElseThrow().alerts());
    }

    @Test
    void alertsTravelInTheProfilesFileAndABadRuleIsRefusedInPlainWords() throws Exception {
        profiles.create("Support EN", support(), WATCHFUL);
        profiles.create("Sales", AcceptSettings.defaults());
        String json = profiles.exportJson(List.of());
        assertTrue(json.contains("\"rules\" : [ \"refund\", \"cancel (my|the) contract\" ]"), json);
        assertTrue(json.contains("\"costCapUsd\" : 0.5"), json);

        try (HistoryStore other = HistoryStore.open(dir.resolve("other.db"), clock)) {
            other.profiles().create("Sales", AcceptSettings.defaults(), WATCHFUL);
            other.profiles().importJson(json);
            assertEquals(WATCHFUL, other.profiles().latest("Support EN").orElseThrow().alerts());
            ProfileVersion sales = other.profiles().latest("Sales").orElseThrow();
            assertEquals(2, sales.version(), "same settings, other alerts: a new version");
            assertEquals(AlertPolicy.NONE, sales.alerts());
            other.profiles().importJson(json);
            assertEquals(2, other.profiles().latest("Sales").orElseThrow().version(), "the same again: nothing new");

            String bad = json.replace("cancel (my|the) contract", "cancel (my|the contract");
            StoreException e = assertThrows(StoreException.class, () -> other.profiles().importJson(
                    bad.replace("\"Support EN\"", "\"Support FR\"")));
            assertTrue(e.getMessage().startsWith("profile 'Support FR' in the file has bad alerts: not a valid regular"
                    + " expression: cancel (my|the contract"), e.getMessage());
            assertTrue(other.profiles().latest("Support FR").isEmpty(), "nothing of that file was kept");
        }
    }

    @Test
    void routingRulesPickTheFirstMatchingPrefix() {
        profiles.create("Support EN", support());
        profiles.create("Support ES", support().withInstructions("Eres el soporte."));
        profiles.save("Support EN", support().withVoice("cedar"));
        RoutingRules rules = store.routing();
        rules.add("+1 555-01", "Support ES");
        rules.add("+1555", "Support EN");

        assertEquals(new ProfileRef("Support ES", 1), rules.route("+15550123456").orElseThrow().ref());
        assertEquals(new ProfileRef("Support EN", 2), rules.route("+15559870000").orElseThrow().ref());
        assertTrue(rules.route("+442071234567").isEmpty(), "others ring for a person");
        assertTrue(rules.route("unknown").isEmpty());
        Call call = ScriptedCall.newCall("rtc_route", clock); // called +15559870000
        assertEquals("Support EN", rules.route(call).orElseThrow().name());

        // order matters: moving the broad rule first shadows the narrow one
        List<RoutingRule> list = rules.list();
        rules.replaceAll(List.of(list.get(1), list.get(0)));
        assertEquals("Support EN", rules.route("+15550123456").orElseThrow().name());
        // a disabled rule is skipped
        RoutingRule broad = rules.list().get(0);
        rules.replaceAll(List.of(new RoutingRule(broad.id(), 0, broad.numberPrefix(), broad.profileName(), false),
                rules.list().get(1)));
        assertEquals("Support ES", rules.route("+15550123456").orElseThrow().name());
        assertTrue(rules.route("+15559870000").isEmpty());
        // a rule's profile deleted: the rule no longer matches anything
        profiles.delete("Support ES");
        assertTrue(rules.route("+15550123456").isEmpty());

        assertThrows(StoreException.class, () -> rules.add("+1555", "Nobody"));
        assertThrows(StoreException.class, () -> rules.add("abc", "Support EN"));
        assertTrue(rules.remove(rules.list().get(0).id()));
        assertEquals(1, rules.list().size());
    }
}
