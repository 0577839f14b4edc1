package dev.switchboard.monitor;

import dev.switchboard.call.Call;
import dev.switchboard.call.CallRegistry;
import dev.switchboard.history.ProfileVersion;
import dev.switchboard.store.CallRecorder;
import dev.switchboard.store.HistoryStore;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saved profiles at work, for the window and headless mode alike: the routing rules (while nobody auto-accepts
 * everything, a rule for the called number accepts with its profile) and {@code --profile} (every call accepted
 * with one profile version). Each accept goes through {@link CallActions#acceptWithProfile}, which notes the
 * version on the call's record, or is tagged here; either way the version's alert rules and cost cap apply to the
 * call ({@link dev.switchboard.call.CallAlerts#useProfile}).
 */
public final class ProfileAccept {

    private static final Logger log = LoggerFactory.getLogger(ProfileAccept.class);

    private final CallActions actions;
    private final AutoAnswer autoAnswer;
    private final HistoryStore store;
    private final CallRecorder recorder;
    private volatile ProfileVersion everyCall;
    private volatile ExperimentRunner experiment;

    public ProfileAccept(CallActions actions, AutoAnswer autoAnswer, HistoryStore store, CallRecorder recorder) {
        this.actions = actions;
        this.autoAnswer = autoAnswer;
        this.store = store;
        this.recorder = recorder;
    }

    /** Watches new calls: tags them with the every-call profile, or routes them by their called number. */
    public ProfileAccept attach(CallRegistry registry) {
        registry.onAdded(this::onNewCall);
        return this;
    }

    /** The latest version of a saved profile, or a plain-words reason it cannot be used. */
    public ProfileVersion latest(String name) {
        Optional<ProfileVersion> profile = store.profiles().latest(name);
        if (profile.isEmpty()) {
            List<String> names = store.profiles().names();
            throw new IllegalArgumentException("no profile named '" + name + "'"
                    + (names.isEmpty() ? " (no profiles saved yet)" : " (saved: " + String.join(", ", names) + ")"));
        }
        return profile.get();
    }

    /** Auto-accepts every call with this profile version, noted on each call's record ({@code --profile}). */
    public void acceptEveryCallWith(ProfileVersion profile) {
        everyCall = profile;
        autoAnswer.setAutoAccept(true, profile.tracedSettings());
    }

    /**
     * Runs a prompt experiment: from now on each new call gets the next arm ({@link Experiment}), noted on its
     * record; with {@code autoAccept} it is also accepted with that arm's settings (headless {@code --ab}), else
     * the arm is the accept panel's default ({@link #experimentArm}). Replaces a running experiment.
     */
    public void runExperiment(Experiment next, boolean autoAccept) {
        ExperimentRunner previous = experiment;
        experiment = next == null ? null : new ExperimentRunner(next, autoAccept, store, java.time.Clock.systemUTC());
        if (previous != null) {
            previous.close();
        }
    }

    /** The experiment now running, if any. */
    public Optional<Experiment> experiment() {
        ExperimentRunner running = experiment;
        return running == null ? Optional.empty() : Optional.of(running.experiment());
    }

    /** The profile version the running experiment gave this call, if it gave it one. */
    public Optional<ProfileVersion> experimentArm(String callId) {
        ExperimentRunner running = experiment;
        return running == null ? Optional.empty() : running.assigned(callId);
    }

    private void onNewCall(Call call) {
        ExperimentRunner running = experiment;
        if (running != null) {
            ProfileVersion arm = running.assign(call);
            log.info("call {} gets experiment arm {}", call.id(), arm.ref().describe());
            if (running.autoAccept()) {
                // after every other listener has seen the call ring
                recorder.tagProfile(call.id(), arm);
                call.alerts().useProfile(arm.alerts());
                running.later(() -> actions.accept(call, arm.tracedSettings()));
            } else {
                recorder.tagProfile(call.id(), arm);
            }
            return;
        }
        ProfileVersion profile = everyCall;
        if (profile != null) {
            recorder.tagProfile(call.id(), profile);
            call.alerts().useProfile(profile.alerts()); // the auto-answer accepts with its settings
            return;
        }
        if (autoAnswer.autoAccept()) {
            return;
        }
        try {
            store.routing().route(call).ifPresent(routed -> {
                log.info("call {} to {} routed to profile {}", call.id(), call.callee().number(), routed.ref().describe());
                actions.acceptWithProfile(call, routed);
            });
        } catch (RuntimeException e) {
            log.warn("routing rules could not be read: {}", e.toString());
        }
    }
}
