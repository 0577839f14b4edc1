package dev.switchboard.monitor;

import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.Call;
import dev.switchboard.call.CallRegistry;
import dev.switchboard.store.HistoryStore;
import dev.switchboard.store.ProfileVersion;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Everything the window needs from the running monitor; the app wires the real one, tests a fake. */
public interface Backend {

    CallRegistry calls();

    CallActions actions();

    // ---- history and profiles (issue 5) ----

    /** The call history and profiles database, when this backend keeps one. */
    default Optional<HistoryStore> historyStore() {
        return Optional.empty();
    }

    /** Accepts with a saved profile version and records on the call's history which version it used. */
    default CompletableFuture<Void> acceptWithProfile(Call call, ProfileVersion profile) {
        return actions().accept(call, profile.settings());
    }

    /** Strings no export may contain (the configured API key and webhook secret). Never shown on screen. */
    default List<String> secretsToRedact() {
        return List.of();
    }

    /** The local URL OpenAI's webhook (through a tunnel) must reach, e.g. http://127.0.0.1:8000/webhook. */
    String listenerUrl();

    long webhooksReceived();

    long webhooksRejected();

    /** Runs on any thread whenever the listener URL or the counters change. */
    void onStatusChanged(Runnable listener);

    /** True when running on the embedded simulator (no API key). */
    boolean isDemo();

    /** Labels of the simulator's scenarios (empty when not in demo mode). */
    List<String> demoScenarios();

    /** Rings a simulated call through the real webhook path; completes with the call id. */
    CompletableFuture<String> ringDemoCall(int scenarioIndex);

    /** When on, every ringing call is accepted at once with the given settings. */
    void setAutoAccept(boolean enabled, AcceptSettings settings);

    boolean autoAccept();

    /** The API key with all but its ends hidden, or "(not set)". Never the full key. */
    String maskedApiKey();

    /** The connection settings now in use (secrets masked). */
    default ConnectionInfo connectionInfo() {
        return new ConnectionInfo(maskedApiKey(), "(not set)", 0, "127.0.0.1", "https://api.openai.com/v1",
                java.util.Set.of(), "");
    }

    /**
     * Saves the settings and restarts on them: the listener on the new port, bind address and secret, the
     * monitor with the new key and base URL; live mode when a key and a secret are set, demo mode otherwise.
     * Calls already listed stay listed. Settings the environment sets are kept. Completes off the FX thread;
     * fails with a message for a person when the listener cannot start (the old one then keeps running).
     */
    default CompletableFuture<Void> applySettings(ConnectionSettings settings) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("settings cannot be changed here"));
    }

    /**
     * Checks an API key against {@code GET {baseUrl}/models}, off the calling thread. Completes with a sentence
     * for a person: OK, key refused (401), could not reach. A null or blank key tests the configured one.
     */
    default CompletableFuture<String> testConnection(String apiKey, String baseUrl) {
        return CompletableFuture.completedFuture("Testing the connection is not available here.");
    }
}
