package dev.switchboard.monitor;

import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.Call;
import dev.switchboard.history.ProfileVersion;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * The engine generations: the current one takes new calls, and every call's actions go to the engine that took
 * its webhook (a retired engine stays up for the calls it owns until the monitor closes). Counters add up over
 * all generations.
 */
final class EngineRouter implements CallActions {

    private final Map<String, Engine> owners = new ConcurrentHashMap<>();
    private final List<Engine> retired = new CopyOnWriteArrayList<>();
    private volatile Engine current;
    private volatile BiConsumer<String, ProfileVersion> profileTags = (callId, profile) -> { };
    private volatile long retiredReceived;
    private volatile long retiredRejected;

    Engine current() {
        return current;
    }

    /** Makes {@code next} current; the one before keeps serving the calls it owns. */
    synchronized void swap(Engine next) {
        Engine old = current;
        if (old != null) {
            retiredReceived += old.listener().received();
            retiredRejected += old.listener().rejected();
            retired.add(old);
        }
        current = next;
    }

    /** Called for each verified webhook: the engine that received it owns the call. */
    void claim(String callId, Engine engine) {
        owners.putIfAbsent(callId, engine);
    }

    /** An ended call left the registry: its engine need not be remembered. */
    void forget(String callId) {
        owners.remove(callId);
    }

    long received() {
        return retiredReceived + current.listener().received();
    }

    long rejected() {
        return retiredRejected + current.listener().rejected();
    }

    private CallMonitor monitorFor(Call call) {
        return owners.getOrDefault(call.id(), current).monitor();
    }

    @Override
    public CompletableFuture<Void> accept(Call call, AcceptSettings settings) {
        return monitorFor(call).accept(call, settings);
    }

    /** Notes on each call's record which profile version it was accepted with. */
    void tagProfilesWith(BiConsumer<String, ProfileVersion> tags) {
        this.profileTags = tags;
    }

    @Override
    public CompletableFuture<Void> acceptWithProfile(Call call, ProfileVersion profile) {
        profileTags.accept(call.id(), profile);
        return CallActions.super.acceptWithProfile(call, profile);
    }

    @Override
    public CompletableFuture<Void> reject(Call call, int sipStatus) {
        return monitorFor(call).reject(call, sipStatus);
    }

    @Override
    public CompletableFuture<Void> hangup(Call call) {
        return monitorFor(call).hangup(call);
    }

    @Override
    public CompletableFuture<Void> refer(Call call, String targetUri) {
        return monitorFor(call).refer(call, targetUri);
    }

    @Override
    public CompletableFuture<Void> updateInstructions(Call call, String instructions) {
        return monitorFor(call).updateInstructions(call, instructions);
    }

    @Override
    public CompletableFuture<Void> say(Call call, String sentence) {
        return monitorFor(call).say(call, sentence);
    }

    void close() {
        Engine now = current;
        if (now != null) {
            now.close();
        }
        retired.forEach(Engine::close);
    }

    @Override
    public CompletableFuture<Void> answerTool(Call call, String toolCallId, String output) {
        return monitorFor(call).answerTool(call, toolCallId, output);
    }

    @Override
    public CompletableFuture<Void> answerToolWithError(Call call, String toolCallId, String message) {
        return monitorFor(call).answerToolWithError(call, toolCallId, message);
    }

    @Override
    public CompletableFuture<Void> decideApproval(Call call, String approvalRequestId, boolean approve) {
        return monitorFor(call).decideApproval(call, approvalRequestId, approve);
    }
}
