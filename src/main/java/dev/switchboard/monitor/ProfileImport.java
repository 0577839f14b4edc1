package dev.switchboard.monitor;

import dev.switchboard.history.ProfileVersion;
import dev.switchboard.store.HistoryStore;
import dev.switchboard.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** {@code --import-profiles}: profiles as code. Opens only the store (no listener), imports, says what it did. */
public final class ProfileImport {

    private ProfileImport() {
    }

    /**
     * Imports the file into the store in {@code dataDir}: a new profile, or a new version when the name exists
     * and the settings differ. Returns one line per profile.
     *
     * @throws IllegalArgumentException with a one-line reason (missing file, not a profiles file, bad content)
     */
    public static List<String> run(Path dataDir, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("cannot import profiles: no file " + file);
        }
        try (HistoryStore store = HistoryStore.openIn(dataDir)) {
            List<ProfileVersion> imported = store.profiles().importFrom(file);
            return imported.stream().map(v -> "switchboard: profile " + v.ref().describe()).toList();
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("cannot import profiles: no file " + file);
        } catch (IOException | StoreException | IllegalArgumentException e) {
            String reason = String.valueOf(e.getMessage()).replace('\n', ' ');
            throw new IllegalArgumentException("cannot import profiles from " + file + ": " + reason);
        } catch (RuntimeException e) {
            // a malformed file can trip the JSON reader in ways the store does not wrap; still one line
            throw new IllegalArgumentException("cannot import profiles from " + file + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage().replace('\n', ' ')));
        }
    }
}
