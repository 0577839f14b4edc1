package dev.switchboard.config;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code <data dir>/audience-window.properties}: where the audience window stood when it was last closed. */
public final class ScreenPlacementFile implements ScreenPlacement {

    public static final String FILE_NAME = "audience-window.properties";
    private static final Logger log = LoggerFactory.getLogger(ScreenPlacementFile.class);

    private final Path file;

    public ScreenPlacementFile(Path file) {
        this.file = file;
    }

    @Override
    public synchronized Optional<Bounds> load() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(reader);
            return Optional.of(new Bounds(Double.parseDouble(p.getProperty("x")), Double.parseDouble(p.getProperty("y")),
                    Double.parseDouble(p.getProperty("width")), Double.parseDouble(p.getProperty("height")),
                    Boolean.parseBoolean(p.getProperty("fullScreen"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // unreadable or edited by hand: place the window afresh
        }
    }

    @Override
    public synchronized void save(Bounds b) {
        Properties p = new Properties();
        p.setProperty("x", Double.toString(b.x()));
        p.setProperty("y", Double.toString(b.y()));
        p.setProperty("width", Double.toString(b.width()));
        p.setProperty("height", Double.toString(b.height()));
        p.setProperty("fullScreen", Boolean.toString(b.fullScreen()));
        StringWriter text = new StringWriter();
        try {
            p.store(text, "Switchboard audience window: last screen position");
            PrivateFiles.writeAtomically(file, text.toString());
        } catch (IOException e) {
            log.warn("could not remember the audience window's place in {}: {}", file, e.getMessage());
        }
    }
}
