package dev.switchboard.monitor;

import dev.switchboard.config.HubAddress;
import dev.switchboard.config.SavedTeamHub;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** {@link TeamHubSettings} in the owner-only settings file ({@link SavedTeamHub}). */
public final class SavedTeamHubSettings implements TeamHubSettings {

    private final Path file;
    private final String now;
    private final String overriddenBy;

    /**
     * @param now          what this window is, in one sentence
     * @param overriddenBy the flag that wins over the saved hub in this process, or null
     */
    public SavedTeamHubSettings(Path file, String now, String overriddenBy) {
        this.file = file;
        this.now = now;
        this.overriddenBy = overriddenBy;
    }

    @Override
    public Optional<Shown> saved() {
        try {
            return SavedTeamHub.read(file).map(hub -> new Shown(hub.url().toString(), hub.desk()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public String now() {
        return now;
    }

    @Override
    public Optional<String> overriddenBy() {
        return Optional.ofNullable(overriddenBy);
    }

    @Override
    public String defaultDesk() {
        return SavedTeamHub.defaultDesk();
    }

    @Override
    public CompletableFuture<Void> save(String url, String desk) {
        return CompletableFuture.runAsync(() -> {
            try {
                SavedTeamHub.save(file, new SavedTeamHub(HubAddress.parse(url), desk == null ? "" : desk.trim()));
            } catch (IllegalArgumentException e) {
                throw new CompletionException(new ActionFailedException(sentence(e.getMessage()), false, e));
            } catch (IOException e) {
                throw unwritable(e);
            }
        });
    }

    @Override
    public CompletableFuture<Void> clear() {
        return CompletableFuture.runAsync(() -> {
            try {
                SavedTeamHub.save(file, null);
            } catch (IOException e) {
                throw unwritable(e);
            }
        });
    }

    private CompletionException unwritable(IOException e) {
        return new CompletionException(new ActionFailedException("Could not write " + file + ": " + e.getMessage(),
                false, e));
    }

    private static String sentence(String message) {
        String text = Character.toUpperCase(message.charAt(0)) + message.substring(1);
        return text.endsWith(".") ? text : text + ".";
    }
}
