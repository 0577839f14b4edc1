package dev.switchboard.config;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Settings → Team hub: the window attaches to this hub as a watcher desk at its next start, as with
 * {@code --attach URL --desk NAME}. Kept in the owner-only settings file beside the API key (the URL may hold
 * the Redis password); {@code --attach} on the command line wins over it.
 */
public record SavedTeamHub(HubAddress url, String desk) {

    /** The names in {@code settings.properties}. */
    public static final String URL_KEY = "TEAM_HUB";
    public static final String DESK_KEY = "TEAM_DESK";
    public static final int MAX_DESK_LENGTH = 64;

    /** The saved hub; empty when none is saved. A saved value that no longer parses fails with the reason. */
    public static Optional<SavedTeamHub> read(Path file) throws IOException {
        Map<String, String> values = SavedSettings.read(file);
        String url = values.get(URL_KEY);
        if (url == null) {
            return Optional.empty();
        }
        String desk = values.getOrDefault(DESK_KEY, "");
        try {
            return Optional.of(new SavedTeamHub(HubAddress.parse(url), desk.isBlank() ? defaultDesk() : desk.trim()));
        } catch (IllegalArgumentException e) {
            throw new IOException("the saved team hub in " + file + " is unusable: " + e.getMessage());
        }
    }

    /**
     * Saves {@code hub} (null clears it) and keeps every other saved setting. A URL whose password is
     * {@link HubAddress#MASK} keeps the saved password.
     *
     * @throws IllegalArgumentException when the desk name is unusable, or the mask stands for no saved password
     */
    public static void save(Path file, SavedTeamHub hub) throws IOException {
        Map<String, String> values = new TreeMap<>(SavedSettings.read(file));
        values.remove(URL_KEY);
        values.remove(DESK_KEY);
        if (hub != null) {
            String problem = deskProblem(hub.desk());
            if (!problem.isEmpty()) {
                throw new IllegalArgumentException(problem);
            }
            HubAddress url = hub.url();
            if (url.passwordMasked()) {
                Optional<SavedTeamHub> before = readQuietly(file);
                if (before.isEmpty() || before.get().url().password() == null) {
                    throw new IllegalArgumentException("No password is saved yet: type the URL with its password.");
                }
                url = url.withPassword(before.get().url().password());
            }
            values.put(URL_KEY, url.toUrl());
            values.put(DESK_KEY, hub.desk().trim());
        }
        SavedSettings.write(file, values);
    }

    private static Optional<SavedTeamHub> readQuietly(Path file) {
        try {
            return read(file);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** What other desks see when no name is given: {@code user@host}. */
    public static String defaultDesk() {
        String user = System.getProperty("user.name", "desk");
        try {
            return user + "@" + InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return user;
        }
    }

    /** Why a desk name cannot be used, or empty. */
    public static String deskProblem(String desk) {
        String name = desk == null ? "" : desk.trim();
        return name.isEmpty() || name.length() > MAX_DESK_LENGTH
                ? "The desk name must be 1 to " + MAX_DESK_LENGTH + " characters." : "";
    }

    @Override
    public String toString() {
        return url + " as desk " + desk; // the address masks its password
    }
}
