package dev.switchboard.config;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * {@code <data dir>/setup.properties}: the public URL and project id entered on the setup screen (neither is a
 * secret). A value given by flag or environment ({@code --public-url}, {@code --project-id}) wins when loading,
 * as it does for the other settings. The file existing also means the first-run check has happened.
 */
public final class SetupFile implements SetupStore {

    public static final String FILE_NAME = "setup.properties";
    static final String PUBLIC_URL = "publicUrl";
    static final String PROJECT_ID = "projectId";

    private final Path file;
    private final Fields fromConfig;

    /** @param fromConfig values the flags or environment give (empty strings when not given) */
    public SetupFile(Path file, Fields fromConfig) {
        this.file = file;
        this.fromConfig = fromConfig;
    }

    public Path file() {
        return file;
    }

    /** True once the setup screen saved here: the first-run check is not repeated. */
    public boolean exists() {
        return Files.exists(file);
    }

    @Override
    public synchronized Fields load() {
        Properties saved = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                saved.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                saved.clear(); // unreadable: start from the flags / environment
            }
        }
        return new Fields(
                fromConfig.publicUrl().isEmpty() ? saved.getProperty(PUBLIC_URL, "") : fromConfig.publicUrl(),
                fromConfig.projectId().isEmpty() ? saved.getProperty(PROJECT_ID, "") : fromConfig.projectId());
    }

    @Override
    public synchronized void save(Fields fields) throws IOException {
        Properties properties = new Properties();
        properties.setProperty(PUBLIC_URL, fields.publicUrl());
        properties.setProperty(PROJECT_ID, fields.projectId());
        StringWriter text = new StringWriter();
        properties.store(text, "Switchboard setup checklist: tunnel URL and OpenAI project id");
        PrivateFiles.writeAtomically(file, text.toString());
    }
}
