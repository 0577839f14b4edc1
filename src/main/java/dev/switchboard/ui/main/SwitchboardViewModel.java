package dev.switchboard.ui.main;

import dev.switchboard.ui.UiTasks;
import dev.switchboard.ui.profiles.ProfilePickerViewModel;

import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.Call;
import dev.switchboard.call.CallState;
import dev.switchboard.monitor.Backend;
import dev.switchboard.ui.CallCommands;
import dev.switchboard.ui.CallRefreshCoalescer;
import dev.switchboard.ui.UiDispatcher;
import dev.switchboard.ui.accept.AcceptViewModel;
import dev.switchboard.ui.calllist.CallListViewModel;
import dev.switchboard.ui.CallRowViewModel;
import dev.switchboard.ui.inspector.InspectorViewModel;
import dev.switchboard.ui.metrics.WaterfallViewModel;
import dev.switchboard.ui.PresenterMode;
import dev.switchboard.ui.steering.SteeringViewModel;
import dev.switchboard.ui.team.TeamBarViewModel;
import dev.switchboard.ui.transcript.TranscriptViewModel;
import dev.switchboard.ui.stage.StageViewModel;
import java.util.concurrent.atomic.AtomicBoolean;
import dev.switchboard.ui.settings.SettingsViewModel;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The window's state, wired to the backend. Backend threads never touch a property: call changes go
 * through the {@link CallRefreshCoalescer}, everything else through the {@link UiDispatcher}.
 */
public final class SwitchboardViewModel {

    private final Backend backend;
    private final UiDispatcher dispatcher;
    private final UiTasks tasks;
    private final CallCommands commands;
    private final CallRefreshCoalescer coalescer;
    private final CallListViewModel callList = new CallListViewModel();
    private final AcceptViewModel accept = new AcceptViewModel(AcceptSettings.defaults());
    private final SteeringViewModel steering = new SteeringViewModel();
    private final TeamBarViewModel teamBar;
    private final TranscriptViewModel transcript = new TranscriptViewModel();
    private final StageViewModel stage;
    private final javafx.beans.property.BooleanProperty animateTranscript =
            new javafx.beans.property.SimpleBooleanProperty(this, "animateTranscript", true);
    private final InspectorViewModel inspector = new InspectorViewModel();
    private final WaterfallViewModel waterfall = new WaterfallViewModel();
    private final dev.switchboard.ui.tools.ToolCardsViewModel toolCards;
    /** The accept panel's profile picker: an accept with an unedited profile records its version. */
    private final ProfilePickerViewModel profilePicker;
    /** The ended call's post-call analysis. */
    private final dev.switchboard.ui.analysis.AnalysisViewModel analysis;

    private final StringProperty listenerUrl = new SimpleStringProperty(this, "listenerUrl", "");
    private final LongProperty webhooksReceived = new SimpleLongProperty(this, "webhooksReceived");
    private final LongProperty webhooksRejected = new SimpleLongProperty(this, "webhooksRejected");
    private final BooleanProperty autoAccept = new SimpleBooleanProperty(this, "autoAccept");
    private final AtomicBoolean statusRefreshScheduled = new AtomicBoolean();
    private final java.util.Queue<Call> pendingAdds = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final AtomicBoolean addsScheduled = new AtomicBoolean();
    private final BooleanProperty demo = new SimpleBooleanProperty(this, "demo");
    private final StringProperty maskedApiKey = new SimpleStringProperty(this, "maskedApiKey", "");
    private final ObservableList<String> demoScenarios = FXCollections.observableArrayList();
    private final BooleanProperty soundOnRing = new SimpleBooleanProperty(this, "soundOnRing", true);
    private final Runnable ringSound;
    private final PresenterMode presenter = new PresenterMode();

    public SwitchboardViewModel(Backend backend, UiDispatcher dispatcher) {
        this(backend, dispatcher, RingSound.system());
    }

    /** @param ringSound plays when a call starts ringing (and {@link #soundOnRingProperty()} is on); never blocks */
    public SwitchboardViewModel(Backend backend, UiDispatcher dispatcher, Runnable ringSound) {
        this(backend, UiTasks.start(dispatcher), ringSound);
    }

    /** @param tasks the window's background-task seam; {@link #close()} closes it */
    public SwitchboardViewModel(Backend backend, UiTasks tasks, Runnable ringSound) {
        this.backend = backend;
        this.tasks = tasks;
        this.dispatcher = tasks.dispatcher();
        this.ringSound = ringSound;
        this.commands = new CallCommands(backend.actions(), dispatcher);
        this.coalescer = new CallRefreshCoalescer(dispatcher, this::refresh);
        this.toolCards = new dev.switchboard.ui.tools.ToolCardsViewModel(commands, java.time.Clock.systemUTC());
        this.profilePicker = new ProfilePickerViewModel(accept, backend.profiles(), tasks);
        this.analysis = new dev.switchboard.ui.analysis.AnalysisViewModel(backend.history(), tasks);
        this.stage = new StageViewModel(presenter);
        this.teamBar = new TeamBarViewModel(backend.team(), tasks);

        callList.selectedProperty().addListener((obs, old, row) -> show(row));
        autoAccept.set(backend.autoAnswer().autoAccept());
        autoAccept.addListener((obs, was, on) -> backend.autoAnswer().setAutoAccept(on, accept.settings()));
        // While auto-accept is on, it follows the panel's edits.
        accept.settingsProperty().addListener((obs, old, now) -> {
            if (autoAccept.get()) {
                backend.autoAnswer().setAutoAccept(true, now);
            }
        });
        refreshStatus();
    }

    /** Subscribes to the backend; calls that exist already are listed at once. */
    public void start() {
        backend.status().onStatusChanged(() -> {
            if (statusRefreshScheduled.compareAndSet(false, true)) {
                dispatcher.run(() -> {
                    statusRefreshScheduled.set(false);
                    refreshStatus();
                });
            }
        });
        backend.calls().onAdded(call -> {
            call.addListener((c, change) -> coalescer.markDirty(c));
            // A burst of webhooks (20 at once) costs one UI task and at most one workspace switch.
            pendingAdds.add(call);
            if (addsScheduled.compareAndSet(false, true)) {
                dispatcher.run(this::addPending);
            }
        });
        for (Call call : backend.calls().newestFirst()) {
            call.addListener((c, change) -> coalescer.markDirty(c));
        }
        dispatcher.run(() -> {
            var existing = backend.calls().newestFirst();
            for (int i = existing.size() - 1; i >= 0; i--) {
                callList.add(existing.get(i));
            }
            if (callList.selected() == null && !callList.rows().isEmpty()) {
                callList.selectedProperty().set(callList.rows().get(0));
            }
        });
    }

    private void addPending() {
        addsScheduled.set(false); // cleared first: a call added during the drain schedules the next task
        CallRowViewModel take = null;
        boolean ring = false;
        CallRowViewModel current = callList.selected();
        java.util.List<Call> batch = new java.util.ArrayList<>();
        for (Call call; (call = pendingAdds.poll()) != null; ) {
            batch.add(call);
        }
        for (CallRowViewModel row : callList.addAll(batch)) {
            ring |= row.state() == CallState.RINGING;
            // A new ringing call takes the workspace unless the person is busy with a live one.
            if (current == null || current.state().isTerminal()
                    || (current.state() == CallState.RINGING && row.state() == CallState.RINGING)) {
                take = row;
            }
        }
        if (ring && soundOnRing.get()) {
            ringSound.run(); // once per burst
        }
        if (take != null) {
            // Switching the workspace rebuilds a whole pane; as a task of its own it lets the next pulse show the
            // new row first instead of waiting for that work.
            CallRowViewModel selectNext = take;
            dispatcher.run(() -> callList.selectedProperty().set(selectNext));
        }
    }

    private void refresh(Call call) {
        callList.refresh(call);
        CallRowViewModel selected = callList.selected();
        if (selected != null && selected.call() == call) {
            transcript.refresh();
            toolCards.refresh();
            inspector.refresh();
            stage.refresh();
            waterfall.refresh();
            steering.refresh();
            analysis.follow(selected);
        }
    }

    /** An ended call shows its analysis, waited for when the call has only just ended. */
    private void show(CallRowViewModel row) {
        Call call = row == null ? null : row.call();
        accept.targetProperty().set(row);
        steering.targetProperty().set(row);
        teamBar.targetProperty().set(row);
        transcript.show(call);
        toolCards.show(call);
        inspector.show(call);
        stage.show(row);
        waterfall.show(call);
        analysis.follow(row);
        if (!autoAccept.get()) {
            profilePicker.offerExperimentArm(row, backend.experiments(), () -> callList.selected() == row);
        }
    }

    private void refreshStatus() {
        listenerUrl.set(backend.status().listenerUrl());
        webhooksReceived.set(backend.status().webhooksReceived());
        webhooksRejected.set(backend.status().webhooksRejected());
        demo.set(backend.status().isDemo());
        maskedApiKey.set(backend.status().maskedApiKey());
        var scenarios = backend.demo().demoScenarios();
        if (!demoScenarios.equals(scenarios)) {
            demoScenarios.setAll(scenarios);
        }
    }

    /** Called every second: advances ring timers and durations. */
    public void tick() {
        callList.tick();
    }

    // ---- actions on the selected call (buttons and keys) ----

    /** Accepts the selected call with the panel's draft; false when that is not possible now. */
    public boolean acceptSelected() {
        CallRowViewModel row = callList.selected();
        if (row == null || accept.isAcceptDisabled()) {
            return false;
        }
        AcceptSettings settings = accept.settings();
        accept.remember(settings);
        var profile = profilePicker.uneditedSelection();
        if (profile.isPresent()) {
            commands.acceptWithProfile(row, profile.get());
        } else {
            commands.accept(row, settings);
        }
        return true;
    }

    public boolean rejectSelected() {
        CallRowViewModel row = callList.selected();
        if (row == null || accept.isRejectDisabled()) {
            return false;
        }
        commands.reject(row, accept.rejectStatusProperty().get());
        return true;
    }

    public boolean hangupSelected() {
        CallRowViewModel row = callList.selected();
        if (row == null || row.state().isTerminal() || row.state() == CallState.RINGING) {
            return false;
        }
        commands.hangup(row);
        return true;
    }

    public boolean updateInstructions() {
        CallRowViewModel row = callList.selected();
        if (row == null || steering.updateDisabledProperty().get()) {
            return false;
        }
        var change = steering.change(); // only what changed, never audio formats
        if (change.voice().isEmpty() && change.instructions().isPresent()) {
            commands.updateInstructions(row, change.instructions().get());
        } else {
            commands.updateSession(row, change);
        }
        return true;
    }

    public boolean stopTalking() {
        CallRowViewModel row = callList.selected();
        if (row == null || !steering.liveProperty().get()) {
            return false;
        }
        commands.stopTalking(row);
        return true;
    }

    public boolean whisper() {
        CallRowViewModel row = callList.selected();
        if (row == null || steering.whisperDisabledProperty().get()) {
            return false;
        }
        commands.whisper(row, steering.whisperProperty().get().trim());
        steering.whisperProperty().set("");
        return true;
    }

    public WaterfallViewModel waterfall() {
        return waterfall;
    }

    public boolean say() {
        CallRowViewModel row = callList.selected();
        if (row == null || steering.sayDisabledProperty().get()) {
            return false;
        }
        commands.say(row, steering.sentenceProperty().get().trim());
        steering.sentenceProperty().set("");
        return true;
    }

    public boolean transfer() {
        CallRowViewModel row = callList.selected();
        if (row == null || steering.transferDisabledProperty().get()) {
            return false;
        }
        commands.transfer(row, steering.transferTargetProperty().get().trim());
        return true;
    }

    /** Rings a simulated call; a failure shows in {@code onFailure} in plain words. */
    public void ringDemoCall(int scenario, java.util.function.Consumer<String> onFailure) {
        backend.demo().ringDemoCall(scenario).whenComplete((id, error) -> {
            if (error != null) {
                dispatcher.run(() -> onFailure.accept("Could not ring a demo call: " + CallCommands.plainMessage(error)));
            }
        });
    }

    // ---- accessors ----

    public Backend backend() {
        return backend;
    }

    public CallListViewModel callList() {
        return callList;
    }

    public AcceptViewModel accept() {
        return accept;
    }

    public ProfilePickerViewModel profilePicker() {
        return profilePicker;
    }

    public dev.switchboard.ui.analysis.AnalysisViewModel analysis() {
        return analysis;
    }

    public SteeringViewModel steering() {
        return steering;
    }

    /** The selected call's live badges for the presenter layout. */
    public StageViewModel stage() {
        return stage;
    }

    /** View → Animate new transcript lines: bubbles fade in and the transcript glides (off: they just appear). */
    public javafx.beans.property.BooleanProperty animateTranscriptProperty() {
        return animateTranscript;
    }

    /** Team mode's seats of the shown call (hidden without a team hub). */
    public TeamBarViewModel teamBar() {
        return teamBar;
    }

    /** The shown call's tool cards (function calls, approvals, MCP activity). */
    public dev.switchboard.ui.tools.ToolCardsViewModel toolCards() {
        return toolCards;
    }

    public TranscriptViewModel transcript() {
        return transcript;
    }

    public InspectorViewModel inspector() {
        return inspector;
    }

    public CallRefreshCoalescer coalescer() {
        return coalescer;
    }

    public ReadOnlyStringProperty listenerUrlProperty() {
        return listenerUrl;
    }

    public ReadOnlyLongProperty webhooksReceivedProperty() {
        return webhooksReceived;
    }

    public ReadOnlyLongProperty webhooksRejectedProperty() {
        return webhooksRejected;
    }

    public BooleanProperty autoAcceptProperty() {
        return autoAccept;
    }

    public boolean isDemo() {
        return demo.get();
    }

    /** Follows the backend: settings can switch between live and demo mode. */
    public ReadOnlyBooleanProperty demoProperty() {
        return demo;
    }

    public String maskedApiKey() {
        return maskedApiKey.get();
    }

    public ReadOnlyStringProperty maskedApiKeyProperty() {
        return maskedApiKey;
    }

    /** The simulator's scenarios; empty outside demo mode. */
    public ObservableList<String> demoScenarios() {
        return demoScenarios;
    }

    public BooleanProperty soundOnRingProperty() {
        return soundOnRing;
    }

    /** Presenter mode (larger text, numbers masked, no secrets, no event inspector); off until turned on. */
    public PresenterMode presenter() {
        return presenter;
    }

    /** The window's hop onto the FX thread, for views that run work in the background. */
    /** The window's background-task seam (storage, files, network checks). */
    public UiTasks tasks() {
        return tasks;
    }

    /** Stops the window's background threads; called when the window closes. */
    public void close() {
        tasks.close();
    }

    public UiDispatcher dispatcher() {
        return dispatcher;
    }

    /** A fresh Settings dialog model on what the backend runs with now. */
    public SettingsViewModel newSettings() {
        return new SettingsViewModel(backend, dispatcher);
    }
}
