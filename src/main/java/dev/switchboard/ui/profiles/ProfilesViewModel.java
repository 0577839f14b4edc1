package dev.switchboard.ui.profiles;

import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.AlertPolicy;
import dev.switchboard.monitor.ProfileService;
import dev.switchboard.history.LineDiff;
import dev.switchboard.history.SessionConfigJson;
import dev.switchboard.history.ProfileSummary;
import dev.switchboard.history.ProfileVersion;
import dev.switchboard.history.RoutingRule;
import dev.switchboard.ui.accept.AcceptViewModel;
import dev.switchboard.ui.UiTasks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The profiles editor: the list of profiles, the edited one (the accept panel's fields and validation, via an
 * {@link AcceptViewModel} draft, and its own alerts, via a {@link ProfileAlertsDraft}), its versions with a side-by-side diff of two versions' instructions, import and
 * export, and the routing rules table. Every save adds a version. Store work runs through {@link UiTasks}.
 */
public final class ProfilesViewModel {

    private final ProfileService store;
    private final UiTasks tasks;
    private final Runnable onChanged;
    private final ObservableList<ProfileSummary> profiles = FXCollections.observableArrayList();
    private final ObjectProperty<ProfileSummary> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final AcceptViewModel draft = new AcceptViewModel(AcceptSettings.defaults());
    private final ObservableList<ProfileVersion> versions = FXCollections.observableArrayList();
    private final ObjectProperty<ProfileVersion> diffOld = new SimpleObjectProperty<>(this, "diffOld");
    private final ObjectProperty<ProfileVersion> diffNew = new SimpleObjectProperty<>(this, "diffNew");
    private final ObservableList<LineDiff.Row> diffRows = FXCollections.observableArrayList();
    private final ObservableList<RoutingRuleRow> rules = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final BooleanProperty rulesDirty = new SimpleBooleanProperty(this, "rulesDirty");
    private final ObjectProperty<AcceptSettings> savedSettings = new SimpleObjectProperty<>(this, "savedSettings");
    private final ProfileAlertsDraft alerts = new ProfileAlertsDraft();
    private final ObjectProperty<AlertPolicy> savedAlerts = new SimpleObjectProperty<>(this, "savedAlerts");
    private final BooleanBinding saveDisabled;
    private final java.util.Optional<dev.switchboard.monitor.ExperimentService> experiments;
    private final javafx.collections.ObservableMap<Integer, dev.switchboard.history.ArmStats> versionStats =
            FXCollections.observableHashMap();
    private final StringProperty diffOldStats = new SimpleStringProperty(this, "diffOldStats", "");
    private final StringProperty diffNewStats = new SimpleStringProperty(this, "diffNewStats", "");

    /** @param onChanged runs (on the UI thread) after anything was saved, so the accept panel's picker reloads */
    public ProfilesViewModel(ProfileService store, UiTasks tasks, Runnable onChanged) {
        this(store, java.util.Optional.empty(), tasks, onChanged);
    }

    /** @param experiments each version's calls and metrics next to the diff; empty: none shown */
    public ProfilesViewModel(ProfileService store, java.util.Optional<dev.switchboard.monitor.ExperimentService> experiments,
                             UiTasks tasks, Runnable onChanged) {
        this.store = store;
        this.experiments = experiments;
        this.tasks = tasks;
        this.onChanged = onChanged;
        selected.addListener((obs, old, now) -> {
            if (now != null) {
                loadProfile(now.name());
            }
        });
        diffOld.addListener(o -> recomputeDiff());
        diffNew.addListener(o -> recomputeDiff());
        diffOld.addListener(o -> recomputeStats());
        diffNew.addListener(o -> recomputeStats());
        versionStats.addListener((javafx.collections.MapChangeListener<Integer, dev.switchboard.history.ArmStats>) c ->
                recomputeStats());
        // nothing to save: a problem in the fields, no name, or an existing profile without changes
        saveDisabled = Bindings.createBooleanBinding(() -> !problems().isEmpty()
                        || name.get() == null || name.get().isBlank()
                        || (selected.get() != null && Objects.equals(savedSettings.get(), draft.settings())
                        && Objects.equals(savedAlerts.get(), alerts.policy())
                        && name.get().strip().equals(selected.get().name())),
                draft.problemsProperty(), draft.settingsProperty(), alerts.problemsProperty(), alerts.policyProperty(),
                name, selected, savedSettings, savedAlerts);
    }

    // ---- profiles ----

    /** Reads the profiles and routing rules. */
    public CompletableFuture<List<ProfileSummary>> reload() {
        tasks.run(() -> store.routingRules(), this::showRules, status::set);
        return reloadProfiles(selected.get() == null ? null : selected.get().name());
    }

    private CompletableFuture<List<ProfileSummary>> reloadProfiles(String select) {
        return tasks.run(() -> store.list(), list -> {
            profiles.setAll(list);
            ProfileSummary match = select == null ? null : list.stream()
                    .filter(p -> p.name().equalsIgnoreCase(select)).findFirst().orElse(null);
            if (match != null && !Objects.equals(match, selected.get())) {
                selected.set(match);
            } else if (match != null) {
                loadProfile(match.name());
            }
        }, status::set);
    }

    private void loadProfile(String profileName) {
        tasks.run(() -> store.versions(profileName), list -> {
            if (list.isEmpty()) {
                return;
            }
            ProfileVersion latest = list.get(list.size() - 1);
            versions.setAll(list);
            name.set(latest.name());
            savedSettings.set(latest.settings());
            savedAlerts.set(latest.alerts());
            draft.load(latest.settings());
            alerts.load(latest.alerts());
            diffNew.set(latest);
            diffOld.set(list.size() > 1 ? list.get(list.size() - 2) : latest);
            loadStats(profileName);
        }, status::set);
    }

    // ---- per-version outcomes ----

    private void loadStats(String profileName) {
        versionStats.clear();
        experiments.ifPresent(e -> tasks.run(() -> e.versionStats(profileName), byVersion -> {
            if (name.get() != null && name.get().equalsIgnoreCase(profileName)) {
                versionStats.putAll(byVersion);
            }
        }, status::set));
    }

    private void recomputeStats() {
        diffOldStats.set(statsLine(diffOld.get()));
        diffNewStats.set(statsLine(diffNew.get()));
    }

    /** A version's outcomes in one line ({@link VersionOutcomes#line}); empty when unknown. */
    public String statsLine(ProfileVersion version) {
        return version == null ? "" : VersionOutcomes.line(version, versionStats.get(version.version()));
    }

    /** "   · 3 calls" for the version list, empty while unknown. */
    public String versionCalls(ProfileVersion version) {
        dev.switchboard.history.ArmStats a = versionStats.get(version.version());
        return a == null ? "" : "   · " + a.calls() + (a.calls() == 1 ? " call" : " calls");
    }

    /** The older diff side's outcomes ({@link #statsLine}). */
    public javafx.beans.property.ReadOnlyStringProperty diffOldStatsProperty() {
        return diffOldStats;
    }

    /** The newer diff side's outcomes ({@link #statsLine}). */
    public javafx.beans.property.ReadOnlyStringProperty diffNewStatsProperty() {
        return diffNewStats;
    }

    /** Each version's calls and metrics, by version number (empty without an experiment port). */
    public javafx.collections.ObservableMap<Integer, dev.switchboard.history.ArmStats> versionStats() {
        return versionStats;
    }

    /** Starts a new profile from the default settings (saved on {@link #save}). */
    public void startNew() {
        selected.set(null);
        versions.clear();
        diffOld.set(null);
        diffNew.set(null);
        savedSettings.set(null);
        savedAlerts.set(null);
        name.set("");
        draft.load(AcceptSettings.defaults());
        alerts.load(AlertPolicy.NONE);
        status.set("A new profile: give it a name and save.");
    }

    /** Saves the edits: a new profile's version 1, or a new version of the selected one (renamed first if needed). */
    public CompletableFuture<ProfileVersion> save() {
        if (saveDisabled.get()) {
            status.set(!problems().isEmpty() ? problems()
                    : name.get().isBlank() ? "A profile needs a name." : "Nothing changed since the last version.");
            return CompletableFuture.failedFuture(new IllegalStateException(status.get()));
        }
        AcceptSettings settings = draft.settings();
        AlertPolicy policy = alerts.policy();
        String newName = name.get().strip();
        ProfileSummary current = selected.get();
        return tasks.run(() -> {
            if (current == null) {
                return store.create(newName, settings, policy);
            }
            if (!current.name().equals(newName)) {
                store.rename(current.name(), newName);
            }
            ProfileVersion latest = store.latest(newName).orElse(null);
            return latest != null && latest.settings().equals(settings) && latest.alerts().equals(policy) ? latest
                    : store.save(newName, settings, policy);
        }, saved -> {
            status.set("Saved " + saved.ref().describe() + ".");
            changed(saved.name());
        }, status::set);
    }

    /** The settings' problem, else the alert fields' one; empty when both are fine. */
    private String problems() {
        String settings = draft.problemsProperty().get();
        return settings != null && !settings.isEmpty() ? settings : alerts.problemsProperty().get();
    }

    /** Back to the latest saved version: its settings and its alerts. */
    public void revert() {
        draft.resetToLastUsed();
        alerts.load(savedAlerts.get());
    }

    /** Puts an older version's settings and alerts in the editor; saving makes them the newest version. */
    public void editFrom(ProfileVersion version) {
        draft.load(version.settings());
        alerts.load(version.alerts());
    }

    /** A copy of the selected profile's latest version as a new profile, then selected. */
    public CompletableFuture<ProfileVersion> duplicate(String newName) {
        ProfileSummary current = selected.get();
        if (current == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no profile selected"));
        }
        return tasks.run(() -> store.duplicate(current.name(), newName), copy -> {
            status.set("Duplicated " + current.name() + " as " + copy.name() + ".");
            changed(copy.name());
        }, status::set);
    }

    /** Deletes the selected profile and all its versions (the view asks first). */
    public CompletableFuture<Boolean> delete() {
        ProfileSummary current = selected.get();
        if (current == null) {
            return CompletableFuture.completedFuture(false);
        }
        return tasks.run(() -> store.delete(current.name()), deleted -> {
            startNew();
            status.set("Deleted " + current.name() + ".");
            changed(null);
        }, status::set);
    }

    public CompletableFuture<List<ProfileVersion>> importFrom(Path file) {
        return tasks.run(() -> {
            try {
                return store.importFrom(file);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read " + file.getFileName() + ": " + e.getMessage(), e);
            }
        }, imported -> {
            status.set("Imported " + imported.size() + (imported.size() == 1 ? " profile" : " profiles") + " from "
                    + file.getFileName() + ".");
            changed(imported.isEmpty() ? null : imported.get(0).name());
        }, status::set);
    }

    /** Exports the selected profile with all its versions, or every profile when none is selected. */
    public CompletableFuture<Path> exportTo(Path file) {
        ProfileSummary current = selected.get();
        List<String> names = current == null ? List.of() : List.of(current.name());
        return tasks.run(() -> {
            try {
                store.exportTo(file, names);
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write " + file.getFileName() + ": " + e.getMessage(), e);
            }
        }, path -> status.set("Exported " + (current == null ? "every profile" : current.name()) + " to "
                + path.getFileName() + "."), status::set);
    }

    private void changed(String select) {
        reloadProfiles(select);
        if (select == null) {
            selected.set(null);
        }
        onChanged.run();
    }

    // ---- diff ----

    private void recomputeDiff() {
        ProfileVersion older = diffOld.get();
        ProfileVersion newer = diffNew.get();
        if (older == null || newer == null) {
            diffRows.clear();
            return;
        }
        boolean extras = SessionConfigJson.hasExtras(older.settings()) || SessionConfigJson.hasExtras(newer.settings());
        diffRows.setAll(LineDiff.sideBySide(LineDiff.diff(
                SessionConfigJson.diffText(older.settings(), extras) + ProfileAlertsDraft.diffLines(older.alerts()),
                SessionConfigJson.diffText(newer.settings(), extras) + ProfileAlertsDraft.diffLines(newer.alerts()))));
    }

    // ---- routing rules ----

    private void showRules(List<RoutingRule> saved) {
        rules.setAll(saved.stream().map(RoutingRuleRow::new).toList());
        rulesDirty.set(false);
    }

    /** A new rule at the end, for the selected profile (or the first one). */
    public RoutingRuleRow addRule() {
        String profile = selected.get() != null ? selected.get().name()
                : profiles.isEmpty() ? "" : profiles.get(0).name();
        RoutingRuleRow row = new RoutingRuleRow(0, "+1", profile, true);
        rules.add(row);
        markRulesDirty();
        return row;
    }

    public void removeRule(RoutingRuleRow row) {
        rules.remove(row);
        markRulesDirty();
    }

    /** Moves a rule up ({@code -1}) or down ({@code +1}); the first match wins, so order matters. */
    public void moveRule(RoutingRuleRow row, int by) {
        int at = rules.indexOf(row);
        int to = at + by;
        if (at < 0 || to < 0 || to >= rules.size()) {
            return;
        }
        rules.remove(at);
        rules.add(to, row);
        markRulesDirty();
    }

    /** Called by the view when a cell was edited. */
    public void markRulesDirty() {
        rulesDirty.set(true);
    }

    /** Saves the table as it is, in order (RoutingRules.replaceAll). */
    public CompletableFuture<List<RoutingRule>> saveRules() {
        List<RoutingRule> list = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            list.add(rules.get(i).toRule(i));
        }
        return tasks.run(() -> store.replaceRoutingRules(list), saved -> {
            showRules(saved);
            status.set("Saved " + saved.size() + (saved.size() == 1 ? " routing rule." : " routing rules."));
        }, status::set);
    }

    // ---- accessors ----

    public ObservableList<ProfileSummary> profiles() {
        return profiles;
    }

    public ObjectProperty<ProfileSummary> selectedProperty() {
        return selected;
    }

    /** Selects a listed profile by name; false when not listed. */
    public boolean select(String profileName) {
        return profiles.stream().filter(p -> p.name().equalsIgnoreCase(profileName)).findFirst()
                .map(p -> {
                    selected.set(p);
                    return true;
                }).orElse(false);
    }

    public StringProperty nameProperty() {
        return name;
    }

    /** The edited settings, with the accept panel's validation ({@link AcceptViewModel#problemsProperty()}). */
    public AcceptViewModel draft() {
        return draft;
    }

    /** The edited profile's own alert rules and cost cap, checked as typed. */
    public ProfileAlertsDraft alerts() {
        return alerts;
    }

    public BooleanBinding saveDisabledProperty() {
        return saveDisabled;
    }

    public ObservableList<ProfileVersion> versions() {
        return versions;
    }

    public ObjectProperty<ProfileVersion> diffOldProperty() {
        return diffOld;
    }

    public ObjectProperty<ProfileVersion> diffNewProperty() {
        return diffNew;
    }

    public ObservableList<LineDiff.Row> diffRows() {
        return diffRows;
    }

    public ObservableList<RoutingRuleRow> rules() {
        return rules;
    }

    public BooleanProperty rulesDirtyProperty() {
        return rulesDirty;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }
}
