package dev.switchboard.ui.profiles;

import dev.switchboard.monitor.StoredHistory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.call.AcceptSettings;
import dev.switchboard.store.HistoryStore;
import dev.switchboard.history.LineDiff;
import dev.switchboard.history.ProfileVersion;
import dev.switchboard.history.RoutingRule;
import dev.switchboard.ui.accept.AcceptViewModel;
import dev.switchboard.ui.UiTasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The profiles editor and the accept panel's picker on a real store, without the toolkit. */
class ProfilesViewModelTest {

    @TempDir
    Path dir;

    private HistoryStore store;
    private final AtomicInteger changes = new AtomicInteger();
    private ProfilesViewModel model;

    @BeforeEach
    void setUp() {
        store = HistoryStore.open(dir.resolve("switchboard.db"));
        store.profiles().create("Support EN", AcceptSettings.defaults().withInstructions("Be kind.\nBe brief."));
        model = new ProfilesViewModel(new StoredHistory(store, List::of), UiTasks.direct(), changes::incrementAndGet);
        model.reload().join();
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void selectingLoadsTheLatestVersionIntoTheEditor() {
        assertTrue(model.select("Support EN"));
        assertEquals("Support EN", model.nameProperty().get());
        assertEquals("Be kind.\nBe brief.", model.draft().instructionsProperty().get());
        assertEquals(1, model.versions().size());
        assertTrue(model.saveDisabledProperty().get(), "nothing changed yet");
    }

    @Test
    void everySaveMakesANewVersionAndTheDiffShowsTheChange() {
        model.select("Support EN");
        model.draft().instructionsProperty().set("Be kind.\nBe very brief.\nOffer a callback.");
        assertFalse(model.saveDisabledProperty().get());
        ProfileVersion v2 = model.save().join();

        assertEquals(2, v2.version());
        assertEquals(2, store.profiles().versions("Support EN").size());
        assertEquals(1, changes.get(), "the picker is told");
        assertEquals(2, model.versions().size());
        assertEquals(1, model.diffOldProperty().get().version());
        assertEquals(2, model.diffNewProperty().get().version());
        List<LineDiff.Row> rows = model.diffRows();
        assertEquals(3, rows.size());
        assertEquals(LineDiff.Kind.SAME, rows.get(0).left().kind());
        assertEquals("Be brief.", rows.get(1).left().text());
        assertEquals(LineDiff.Kind.REMOVED, rows.get(1).left().kind());
        assertEquals("Be very brief.", rows.get(1).right().text());
        assertEquals(LineDiff.Kind.ADDED, rows.get(1).right().kind());
        assertNull(rows.get(2).left(), "an added line faces a blank cell");
        assertEquals("Offer a callback.", rows.get(2).right().text());
        assertEquals("Saved Support EN v2.", model.statusProperty().get());
    }

    @Test
    void invalidSettingsCannotBeSavedAndSayWhy() {
        model.select("Support EN");
        model.draft().voiceProperty().set("robot");
        assertTrue(model.saveDisabledProperty().get());
        assertTrue(model.save().isCompletedExceptionally());
        assertTrue(model.statusProperty().get().startsWith("Voice 'robot' is not one of"), model.statusProperty().get());
        assertEquals(1, store.profiles().versions("Support EN").size());
    }

    @Test
    void alertRulesAndACostCapAreSavedAsANewVersionAndABadRuleCannotBeSaved() {
        model.select("Support EN");
        assertEquals("", model.alerts().rulesProperty().get());
        assertEquals("", model.alerts().costCapProperty().get(), "blank: no cap of its own");

        model.alerts().rulesProperty().set("refund\ncancel (my|the contract");
        assertTrue(model.saveDisabledProperty().get());
        assertEquals("Alert line 2 is not a valid regular expression: cancel (my|the contract (Unclosed group).",
                model.alerts().problemsProperty().get());
        assertTrue(model.save().isCompletedExceptionally());
        assertEquals(model.alerts().problemsProperty().get(), model.statusProperty().get());

        model.alerts().rulesProperty().set("refund\n\ncancel (my|the) contract\n");
        model.alerts().costCapProperty().set("fifty cents");
        assertTrue(model.saveDisabledProperty().get());
        assertEquals("The cost cap is an amount in US dollars, like 0.50, or blank for none.",
                model.alerts().problemsProperty().get());
        model.alerts().costCapProperty().set("$0.50");
        assertEquals("", model.alerts().problemsProperty().get());
        assertFalse(model.saveDisabledProperty().get(), "the alerts alone are a change worth a version");
        ProfileVersion v2 = model.save().join();

        assertEquals(2, v2.version());
        ProfileVersion stored = store.profiles().latest("Support EN").orElseThrow();
        assertEquals(List.of("refund", "cancel (my|the) contract"), stored.alerts().expressions());
        assertEquals(java.util.OptionalDouble.of(0.5), stored.alerts().costCapUsd());
        assertEquals("Be kind.\nBe brief.", stored.settings().instructions(), "the settings are unchanged");
        assertEquals("refund\ncancel (my|the) contract", model.alerts().rulesProperty().get(), "reloaded as saved");
        assertEquals("0.50", model.alerts().costCapProperty().get());
        assertTrue(model.saveDisabledProperty().get(), "nothing changed since");
        assertTrue(model.diffRows().stream().anyMatch(r -> r.right() != null
                && r.right().text().equals("alert: refund") && r.right().kind() == LineDiff.Kind.ADDED),
                "the versions diff shows the new rule");

        model.alerts().costCapProperty().set("");
        assertFalse(model.saveDisabledProperty().get());
        model.revert();
        assertEquals("0.50", model.alerts().costCapProperty().get(), "revert brings the saved alerts back");
        model.editFrom(model.versions().get(0));
        assertEquals("", model.alerts().rulesProperty().get(), "version 1 had none");
    }

    @Test
    void createDuplicateRenameAndDelete() {
        model.startNew();
        model.nameProperty().set("Billing");
        model.save().join();
        assertEquals(List.of("Billing", "Support EN"), store.profiles().names());
        assertEquals("Billing", model.selectedProperty().get().name());

        model.duplicate("Billing FR").join();
        assertEquals("Billing FR", model.selectedProperty().get().name());
        assertEquals(1, store.profiles().versions("Billing FR").size());

        model.nameProperty().set("Facturation");
        model.save().join();
        assertEquals(List.of("Billing", "Facturation", "Support EN"), store.profiles().names());

        model.delete().join();
        assertEquals(List.of("Billing", "Support EN"), store.profiles().names());
        assertNull(model.selectedProperty().get());
    }

    @Test
    void exportThenImportRoundTrips() throws Exception {
        model.select("Support EN");
        Path file = model.exportTo(dir.resolve("profiles.json")).join();
        assertTrue(Files.readString(file).contains("\"switchboard-profiles\""));
        store.profiles().delete("Support EN");
        model.importFrom(file).join();
        assertEquals("Be kind.\nBe brief.", store.profiles().latest("Support EN").orElseThrow().settings().instructions());
        assertEquals("Imported 1 profile from profiles.json.", model.statusProperty().get());
    }

    @Test
    void routingRulesEditAndSave() {
        store.profiles().create("Sales", AcceptSettings.defaults());
        model.reload().join();
        model.select("Support EN");
        RoutingRuleRow first = model.addRule();
        first.prefixProperty().set("+1555");
        RoutingRuleRow second = model.addRule();
        second.prefixProperty().set("+44");
        second.profileProperty().set("Sales");
        second.enabledProperty().set(false);
        model.moveRule(second, -1);
        assertTrue(model.rulesDirtyProperty().get());
        model.saveRules().join();

        List<RoutingRule> saved = store.routing().list();
        assertEquals(List.of("+44", "+1555"), saved.stream().map(RoutingRule::numberPrefix).toList());
        assertEquals(List.of("Sales", "Support EN"), saved.stream().map(RoutingRule::profileName).toList());
        assertFalse(saved.get(0).enabled());
        assertFalse(model.rulesDirtyProperty().get());
        assertEquals("Support EN", store.routing().route("+1 555 987 0000").orElseThrow().name());

        model.removeRule(model.rules().get(1));
        model.saveRules().join();
        assertEquals(1, store.routing().list().size());
    }

    @Test
    void aRuleWithoutDigitsIsRefusedInPlainWords() {
        model.addRule().prefixProperty().set("abc");
        assertTrue(model.saveRules().isCompletedExceptionally());
        assertTrue(model.statusProperty().get().contains("needs a number prefix"), model.statusProperty().get());
        assertTrue(store.routing().list().isEmpty());
    }

    @Test
    void eachVersionOfTheDiffShowsItsCallsAndMetrics() {
        store.profiles().save("Support EN", AcceptSettings.defaults().withInstructions("Be kind.\nBe very brief."));
        java.util.List<String> asked = new java.util.ArrayList<>();
        dev.switchboard.history.ProfileRef v1 = new dev.switchboard.history.ProfileRef("Support EN", 1);
        dev.switchboard.history.ProfileRef v2 = new dev.switchboard.history.ProfileRef("Support EN", 2);
        dev.switchboard.monitor.ExperimentService experiments = new dev.switchboard.monitor.ExperimentService() {
            public List<dev.switchboard.history.ExperimentInfo> experiments() {
                return List.of();
            }

            public Optional<dev.switchboard.history.ExperimentInfo> running() {
                return Optional.empty();
            }

            public dev.switchboard.history.ExperimentInfo start(String n, List<String> names, List<Double> weights) {
                throw new UnsupportedOperationException();
            }

            public void stop() {
            }

            public dev.switchboard.history.ExperimentResult result(long id) {
                throw new UnsupportedOperationException();
            }

            public java.util.Map<Integer, dev.switchboard.history.ArmStats> versionStats(String profileName) {
                asked.add(profileName);
                return java.util.Map.of(
                        1, new dev.switchboard.history.ArmStats(v1, List.of("c1", "c2", "c3"), 380, 410, 0.3333,
                                0.0452, 0, 1, 0, 3, 4.1),
                        2, new dev.switchboard.history.ArmStats(v2, List.of(), -1, -1, -1, -1, 0, 0, 0, 0, -1));
            }
        };
        ProfilesViewModel withStats = new ProfilesViewModel(new StoredHistory(store, List::of), Optional.of(experiments),
                UiTasks.direct(), () -> { });
        withStats.reload().join();
        assertTrue(withStats.select("Support EN"));
        assertEquals(List.of("Support EN"), asked);
        assertEquals("v1: 3 calls · greeting p50 380 ms · turn p50 410 ms · 0.3 interruptions per call · $0.0452 per "
                + "call · 0 tool errors · 1 transferred · 0 hung up · score 4.1 (n=3)", withStats.diffOldStatsProperty().get());
        assertEquals("v2: 0 calls", withStats.diffNewStatsProperty().get());

        withStats.diffOldProperty().set(withStats.versions().get(1));
        assertEquals("v2: 0 calls", withStats.diffOldStatsProperty().get(), "follows the picked version");
        assertEquals("", model.diffOldStatsProperty().get(), "no experiment port: no stats");
    }

    @Nested
    class Picker {

        private final AcceptViewModel accept = new AcceptViewModel(AcceptSettings.defaults());
        private ProfilePickerViewModel picker;

        @BeforeEach
        void load() {
            picker = new ProfilePickerViewModel(accept, Optional.of(new StoredHistory(store, List::of)), UiTasks.direct());
            picker.reload().join();
        }

        @Test
        void pickingFillsTheDraftAndAnUneditedPickIsRecorded() {
            assertEquals(List.of("(none)", "Support EN v1"), picker.choices().stream().map(Object::toString).toList());
            assertTrue(picker.uneditedSelection().isEmpty());
            assertTrue(picker.select("support en"));
            assertEquals("Be kind.\nBe brief.", accept.instructionsProperty().get());
            assertFalse(picker.editedProperty().get());
            assertEquals(1, picker.uneditedSelection().orElseThrow().version());

            accept.voiceProperty().set("coral");
            assertTrue(picker.editedProperty().get());
            assertTrue(picker.uneditedSelection().isEmpty(), "edited drafts are accepted plain");
            assertTrue(picker.statusProperty().get().startsWith("Edited"));
        }

        @Test
        void saveAsNewVersionKeepsThePickUnedited() {
            picker.select("Support EN");
            accept.greetingProperty().set("Hi there!");
            ProfileVersion v2 = picker.saveAsNewVersion().join();
            assertEquals(2, v2.version());
            assertEquals("Hi there!", store.profiles().latest("Support EN").orElseThrow().settings().greeting());
            assertFalse(picker.editedProperty().get());
            assertEquals("Support EN v2", picker.selectedProperty().get().toString());
            assertEquals(v2, picker.uneditedSelection().orElseThrow());
        }

        @Test
        void saveAsProfileCreatesAndPicksIt() {
            accept.voiceProperty().set("sage");
            picker.saveAsProfile("Night shift").join();
            assertEquals("Night shift v1", picker.selectedProperty().get().toString());
            assertEquals("sage", store.profiles().latest("Night shift").orElseThrow().settings().voice());
            assertEquals(3, picker.choices().size());
            assertEquals("(none)", picker.choices().get(0).toString());
        }

        @Test
        void withoutAStoreThePickerIsHiddenAndEmpty() {
            ProfilePickerViewModel none = new ProfilePickerViewModel(accept, Optional.empty(), UiTasks.direct());
            assertFalse(none.isAvailable());
            none.reload().join();
            assertEquals(1, none.choices().size());
        }
    }
}
