package dev.switchboard.ui.profiles;

import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.CallState;
import dev.switchboard.monitor.ExperimentService;
import dev.switchboard.monitor.ProfileService;
import dev.switchboard.ui.CallRowViewModel;
import dev.switchboard.history.ProfileSummary;
import dev.switchboard.history.ProfileVersion;
import dev.switchboard.ui.accept.AcceptViewModel;
import dev.switchboard.ui.UiTasks;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The accept panel's "Profile:" choice. Picking a profile fills the accept draft from its latest version; the
 * draft then counts as <em>edited</em> as soon as it differs from that version. Accept with a picked, unedited
 * profile goes through {@link dev.switchboard.monitor.Backend#acceptWithProfile} so the call records the version;
 * an edited draft is accepted plain (no profile recorded) unless it is saved as a new version first.
 * FX thread only; the store is read and written through {@link UiTasks}.
 */
public final class ProfilePickerViewModel {

    /** One entry of the choice: a profile's latest version, or {@link #NONE}. */
    public record Choice(ProfileVersion latest) {

        @Override
        public String toString() {
            return latest == null ? "(none)" : latest.ref().describe();
        }

        public String name() {
            return latest == null ? null : latest.name();
        }
    }

    public static final Choice NONE = new Choice(null);

    private final AcceptViewModel accept;
    private final Optional<ProfileService> store;
    private final UiTasks tasks;
    private final ObservableList<Choice> choices = FXCollections.observableArrayList(NONE);
    private final ObjectProperty<Choice> selected = new SimpleObjectProperty<>(this, "selected", NONE);
    private final BooleanProperty edited = new SimpleBooleanProperty(this, "edited");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private boolean reloading;

    public ProfilePickerViewModel(AcceptViewModel accept, Optional<ProfileService> store, UiTasks tasks) {
        this.accept = accept;
        this.store = store;
        this.tasks = tasks;
        selected.addListener((obs, old, now) -> {
            if (!reloading && now != null && now.latest() != null) {
                accept.load(now.latest().settings());
            }
            recompute();
        });
        accept.settingsProperty().addListener(o -> recompute());
        recompute();
    }

    /** False without a history store (then the picker is hidden). */
    public boolean isAvailable() {
        return store.isPresent();
    }

    /** Reads the profiles again (after the profiles editor saved), keeping the picked one by name. */
    public CompletableFuture<List<ProfileVersion>> reload() {
        if (store.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        ProfileService s = store.get();
        return tasks.run(() -> {
            List<ProfileVersion> latest = new ArrayList<>();
            for (ProfileSummary p : s.list()) {
                s.latest(p.name()).ifPresent(latest::add);
            }
            return latest;
        }, this::replaceChoices, status::set);
    }

    private void replaceChoices(List<ProfileVersion> latest) {
        String keep = selected.get() == null ? null : selected.get().name();
        List<Choice> next = new ArrayList<>();
        next.add(NONE);
        latest.forEach(v -> next.add(new Choice(v)));
        reloading = true;
        try {
            choices.setAll(next);
            Choice match = next.stream().filter(c -> c.latest() != null && c.name().equalsIgnoreCase(String.valueOf(keep)))
                    .findFirst().orElse(NONE);
            selected.set(match);
        } finally {
            reloading = false;
        }
        recompute();
    }

    /** Saves the draft as a new version of the picked profile, which then stays picked (unedited). */
    public CompletableFuture<ProfileVersion> saveAsNewVersion() {
        Choice choice = selected.get();
        if (store.isEmpty() || choice == null || choice.latest() == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no profile is picked"));
        }
        AcceptSettings draft = accept.settings();
        return tasks.run(() -> store.get().save(choice.name(), draft), this::picked, status::set);
    }

    /** Saves the draft as a new profile (its version 1) and picks it. */
    public CompletableFuture<ProfileVersion> saveAsProfile(String name) {
        if (store.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalStateException("no history store"));
        }
        AcceptSettings draft = accept.settings();
        return tasks.run(() -> store.get().create(name, draft), this::picked, status::set);
    }

    private void picked(ProfileVersion version) {
        reloading = true;
        try {
            Choice choice = new Choice(version);
            int at = indexOf(version.name());
            if (at < 0) {
                choices.add(choice);
                FXCollections.sort(choices, (a, b) -> a.latest() == null ? -1 : b.latest() == null ? 1
                        : a.name().compareToIgnoreCase(b.name()));
            } else {
                choices.set(at, choice);
            }
            selected.set(choice);
        } finally {
            reloading = false;
        }
        accept.remember(version.settings());
        recompute();
        status.set("Saved " + version.ref().describe() + ".");
    }

    private int indexOf(String name) {
        for (int i = 0; i < choices.size(); i++) {
            if (choices.get(i).latest() != null && choices.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    private void recompute() {
        Choice choice = selected.get();
        boolean changed = choice != null && choice.latest() != null
                && !Objects.equals(choice.latest().settings(), accept.settings());
        edited.set(changed);
        if (changed) {
            status.set("Edited: Accept sends these edits without recording a profile. Save them as a new version "
                    + "to record one.");
        } else if (choice != null && choice.latest() != null) {
            status.set("Calls accepted now record " + choice.latest().ref().describe() + ".");
        } else {
            status.set("");
        }
    }

    /**
     * Picks the version a running experiment gave the ringing call, replacing that profile's entry while its
     * version is not the latest, and fills the draft from it: Accept then records the arm.
     */
    /**
     * Without auto-accept, a ringing call's experiment arm is what the accept panel offers first; looked up in the
     * background, applied only while {@code stillShown} and the call still rings.
     */
    public void offerExperimentArm(CallRowViewModel row, Optional<ExperimentService> experiments,
                                   BooleanSupplier stillShown) {
        if (row == null || row.state() != CallState.RINGING || experiments.isEmpty()) {
            return;
        }
        String callId = row.call().id();
        tasks.run(() -> experiments.get().armFor(callId), arm -> arm.ifPresent(version -> {
            if (stillShown.getAsBoolean() && row.state() == CallState.RINGING) {
                preselect(version);
            }
        }), error -> { });
    }

    public void preselect(ProfileVersion arm) {
        Choice choice = new Choice(arm);
        int at = indexOf(arm.name());
        reloading = true;
        try {
            if (at < 0) {
                choices.add(choice);
            } else if (!choices.get(at).equals(choice)) {
                choices.set(at, choice);
            }
            selected.set(choice);
        } finally {
            reloading = false;
        }
        accept.load(arm.settings());
        recompute();
        status.set("Experiment arm for this call: Accept records " + arm.ref().describe() + ".");
    }

    /** The profile version an Accept now should record: picked and not edited since. */
    public Optional<ProfileVersion> uneditedSelection() {
        Choice choice = selected.get();
        return choice == null || choice.latest() == null || edited.get() ? Optional.empty()
                : Optional.of(choice.latest());
    }

    public ObservableList<Choice> choices() {
        return choices;
    }

    public ObjectProperty<Choice> selectedProperty() {
        return selected;
    }

    /** Selects the profile with this name (case ignored); false when there is none. */
    public boolean select(String name) {
        int at = indexOf(name);
        if (at >= 0) {
            selected.set(choices.get(at));
        }
        return at >= 0;
    }

    public ReadOnlyBooleanProperty editedProperty() {
        return edited;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }
}
