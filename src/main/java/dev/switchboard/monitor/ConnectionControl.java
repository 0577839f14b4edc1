package dev.switchboard.monitor;

import java.util.concurrent.CompletableFuture;

/** The Settings dialog's side of the monitor: how it reaches OpenAI and where it listens. */
public interface ConnectionControl {

    /** The connection settings now in use (secrets masked). */
    ConnectionInfo connectionInfo();

    /**
     * Saves the settings and restarts on them: the listener on the new port, bind address and secret, the
     * monitor with the new key and base URL; live mode when a key and a secret are set, demo mode otherwise.
     * Calls already listed stay listed. Settings the environment sets are kept. Completes off the FX thread;
     * fails with a message for a person when the listener cannot start (the old one then keeps running).
     */
    CompletableFuture<Void> applySettings(ConnectionSettings settings);

    /**
     * Checks an API key against {@code GET {baseUrl}/models}, off the calling thread. Completes with a sentence
     * for a person: OK, key refused (401), could not reach. A null or blank key tests the configured one.
     */
    CompletableFuture<String> testConnection(String apiKey, String baseUrl);

    /** The editable price table, where this monitor keeps one. */
    default java.util.Optional<PriceSettings> prices() {
        return java.util.Optional.empty();
    }

    /** Settings → Team hub, where this window can save one (the window, not headless). */
    default java.util.Optional<TeamHubSettings> teamHub() {
        return java.util.Optional.empty();
    }
}
