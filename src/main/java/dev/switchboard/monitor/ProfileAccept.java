package dev.switchboard.monitor;

import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.Call;
import dev.switchboard.call.CallRegistry;
import dev.switchboard.history.ProfileVersion;
import dev.switchboard.store.CallRecorder;
import dev.switchboard.store.HistoryStore;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepting with a saved profile, for the window and headless mode alike: the accept goes out with the profile's
 * settings and the call's history record notes the version. Also the routing rules: while nobody auto-accepts
 * everything, a rule for the called number accepts with its profile.
 */
public final class ProfileAccept implements CallActions {

    private static final Logger log = LoggerFactory.getLogger(ProfileAccept.class);

    private final CallActions actions;
    private final AutoAnswer autoAnswer;
    private final HistoryStore store;
    private final CallRecorder recorder;
    private volatile ProfileVersion everyCall;

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
        autoAnswer.setAutoAccept(true, profile.settings());
    }

    @Override
    public CompletableFuture<Void> acceptWithProfile(Call call, ProfileVersion profile) {
        recorder.tagProfile(call.id(), profile);
        return actions.accept(call, profile.settings());
    }

    private void onNewCall(Call call) {
        ProfileVersion profile = everyCall;
        if (profile != null) {
            recorder.tagProfile(call.id(), profile);
            return;
        }
        if (autoAnswer.autoAccept()) {
            return;
        }
        try {
            store.routing().route(call).ifPresent(routed -> {
                log.info("call {} to {} routed to profile {}", call.id(), call.callee().number(), routed.ref().describe());
                acceptWithProfile(call, routed);
            });
        } catch (RuntimeException e) {
            log.warn("routing rules could not be read: {}", e.toString());
        }
    }

    @Override
    public CompletableFuture<Void> accept(Call call, AcceptSettings settings) {
        return actions.accept(call, settings);
    }

    @Override
    public CompletableFuture<Void> reject(Call call, int sipStatus) {
        return actions.reject(call, sipStatus);
    }

    @Override
    public CompletableFuture<Void> hangup(Call call) {
        return actions.hangup(call);
    }

    @Override
    public CompletableFuture<Void> refer(Call call, String targetUri) {
        return actions.refer(call, targetUri);
    }

    @Override
    public CompletableFuture<Void> updateInstructions(Call call, String instructions) {
        return actions.updateInstructions(call, instructions);
    }

    @Override
    public CompletableFuture<Void> say(Call call, String sentence) {
        return actions.say(call, sentence);
    }

    @Override
    public CompletableFuture<Void> stopTalking(Call call) {
        return actions.stopTalking(call);
    }

    @Override
    public CompletableFuture<Void> whisper(Call call, String text) {
        return actions.whisper(call, text);
    }

    @Override
    public CompletableFuture<Void> updateSession(Call call, dev.switchboard.call.SessionChange change) {
        return actions.updateSession(call, change);
    }

    @Override
    public CompletableFuture<Void> respond(Call call, String instructions) {
        return actions.respond(call, instructions);
    }
}
