package dev.switchboard.config;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Settings dialog's file, {@code <data dir>/settings.properties}: API key, webhook secret, base URL, port,
 * bind address and the team hub ({@link SavedTeamHub}), readable by the owner only. The environment (and {@code .env}, and flags) win over it.
 */
public final class SavedSettings {

    public static final String FILE_NAME = "settings.properties";
    /** The names of the saved values: the environment variables that set them. */
    public static final String API_KEY = AppConfig.API_KEY;
    public static final String WEBHOOK_SECRET = AppConfig.WEBHOOK_SECRET;
    public static final String BASE_URL = AppConfig.BASE_URL;
    public static final String PORT = AppConfig.PORT;
    public static final String BIND = "BIND";
    private static final List<String> KEYS = List.of(API_KEY, WEBHOOK_SECRET,
            BASE_URL, PORT, BIND, SavedTeamHub.URL_KEY, SavedTeamHub.DESK_KEY);
    /** Saved here by Settings → Team hub, read by the window at its start: not connection settings. */
    private static final Set<String> TEAM_KEYS = Set.of(SavedTeamHub.URL_KEY, SavedTeamHub.DESK_KEY);

    /** The app's configuration with the saved settings merged under the environment. */
    public record Loaded(AppConfig config, Path file, Set<String> fromEnvironment) {
    }

    private SavedSettings() {
    }

    public static Path fileFor(AppConfig config) {
        return DataDirectory.forConfig(config).resolve(FILE_NAME);
    }

    /**
     * Loads the configuration: the flags, then the environment and {@code .env}, then the saved file for what
     * neither sets. An unreadable file is ignored (with the reason in {@code problems}).
     */
    public static Loaded load(String[] args, Map<String, String> env, Path workingDir, List<String> problems)
            throws ConfigException {
        List<String> arguments = args == null ? List.of() : List.of(args);
        AppConfig plain = AppConfig.load(args, env, workingDir);
        if (plain.helpRequested()) {
            return new Loaded(plain, null, Set.of());
        }
        Path file = fileFor(plain);
        Set<String> pinned = pinned(arguments, env, AppConfig.load(new String[0], Map.of(), workingDir));
        Map<String, String> saved;
        try {
            saved = read(file);
        } catch (IOException e) {
            problems.add("saved settings in " + file + " could not be read (" + e.getMessage() + "); ignoring them");
            saved = Map.of();
        }
        Map<String, String> merged = new HashMap<>(env);
        List<String> mergedArgs = new ArrayList<>();
        saved.forEach((name, value) -> {
            if (pinned.contains(name) || value.isBlank() || TEAM_KEYS.contains(name)) {
                return;
            }
            if (name.equals(BIND)) {
                mergedArgs.add("--bind=" + value); // AppConfig takes the bind address from a flag only
            } else {
                merged.put(name, value);
            }
        });
        mergedArgs.addAll(arguments); // the person's own flags come last and win
        AppConfig config = AppConfig.load(mergedArgs.toArray(String[]::new), merged, workingDir);
        return new Loaded(config, file, pinned);
    }

    /** What the environment, {@code .env} or a flag sets: the Settings dialog cannot change those. */
    static Set<String> pinned(List<String> args, Map<String, String> env, AppConfig fromDotEnvOnly) {
        Set<String> pinned = new LinkedHashSet<>();
        for (String name : List.of(API_KEY, WEBHOOK_SECRET, BASE_URL,
                PORT)) {
            if (isSet(env.get(name))) {
                pinned.add(name);
            }
        }
        // .env (read by AppConfig): a value there counts as set by the environment; a default-valued one cannot be told apart
        if (fromDotEnvOnly.apiKey().isPresent()) {
            pinned.add(API_KEY);
        }
        if (fromDotEnvOnly.webhookSecret().isPresent()) {
            pinned.add(WEBHOOK_SECRET);
        }
        if (!fromDotEnvOnly.baseUrl().equals(AppConfig.DEFAULT_BASE_URL)) {
            pinned.add(BASE_URL);
        }
        if (fromDotEnvOnly.port() != AppConfig.DEFAULT_PORT) {
            pinned.add(PORT);
        }
        for (String arg : args) {
            if (arg.equals("--port") || arg.startsWith("--port=")) {
                pinned.add(PORT);
            } else if (arg.equals("--bind") || arg.startsWith("--bind=")) {
                pinned.add(BIND);
            } else if (arg.equals("--base-url") || arg.startsWith("--base-url=")) {
                pinned.add(BASE_URL);
            }
        }
        return pinned;
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    /** The saved values by name ({@link #API_KEY} …); empty when there is no file yet. */
    public static Map<String, String> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Map.of();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Map<String, String> values = new TreeMap<>();
        for (String key : KEYS) {
            String value = properties.getProperty(key);
            if (value != null && !value.isBlank()) {
                values.put(key, value.trim());
            }
        }
        return values;
    }

    /**
     * Writes the settings; names in {@code keep} (set by the environment) keep their saved value. The file is
     * created owner-only (rw-------) where the file system has POSIX permissions, then moved into place.
     */
    public static void save(Path file, String apiKey, String webhookSecret, int port, String bind, String baseUrl,
                     Set<String> keep) throws IOException {
        Map<String, String> previous;
        try {
            previous = read(file);
        } catch (IOException e) {
            previous = Map.of();
        }
        Map<String, String> values = new TreeMap<>();
        put(values, API_KEY, apiKey);
        put(values, WEBHOOK_SECRET, webhookSecret);
        put(values, PORT, Integer.toString(port));
        put(values, BIND, bind);
        put(values, BASE_URL, baseUrl);
        for (String name : keep) {
            values.remove(name);
            if (previous.containsKey(name)) {
                values.put(name, previous.get(name));
            }
        }
        for (String name : TEAM_KEYS) { // the team hub is saved on its own
            if (previous.containsKey(name)) {
                values.put(name, previous.get(name));
            }
        }
        write(file, values);
    }

    /** Writes exactly these values, owner-only, in one move. */
    static void write(Path file, Map<String, String> values) throws IOException {
        Properties properties = new Properties();
        properties.putAll(values);
        StringWriter text = new StringWriter();
        properties.store(text, "Switchboard settings (the environment wins over these). Keep this file private.");
        PrivateFiles.writeAtomically(file, text.toString());
    }

    private static void put(Map<String, String> values, String name, String value) {
        if (value != null && !value.isBlank()) {
            values.put(name, value);
        }
    }
}
