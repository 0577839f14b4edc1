package dev.switchboard.monitor;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Settings → Team hub: the hub the window attaches to as a watcher desk at its next start (as with
 * {@code --attach URL --desk NAME}). The saved password is never handed out: the URL comes masked.
 */
public interface TeamHubSettings {

    /** The saved hub as a person may see it: the URL with its password masked, and the desk name. */
    record Shown(String maskedUrl, String desk) {
    }

    /** The saved hub; empty when none is saved (single desk). */
    Optional<Shown> saved();

    /** What this window is now, in one sentence (a single desk, or which hub it watches and why). */
    String now();

    /** The command-line flag that wins over the saved hub now ({@code --attach}, {@code --demo}), if any. */
    Optional<String> overriddenBy();

    /** The desk name when none is typed: {@code user@host}. */
    String defaultDesk();

    /**
     * Saves the hub for the next start; a URL whose password is the mask ({@code ***}) keeps the saved password.
     * Fails with a one-line reason when the URL or the desk name is unusable.
     */
    CompletableFuture<Void> save(String url, String desk);

    /** Forgets the saved hub: the next start is a single desk again. */
    CompletableFuture<Void> clear();
}
